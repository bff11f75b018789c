package dev.flowgate.portal.accounts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flowgate.contracts.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An OpenID Connect provider for tests, on the JDK HTTP server: {@code /authorize} signs in
 * whoever {@link #signInAs} named and redirects back with a code, {@code /token} trades the code for
 * an access token and an RS256 ID token (with the request's nonce), {@code /jwks} serves the key,
 * {@code /userinfo} the same claims, {@code /logout} ends the session (RP-initiated logout: the ID
 * token hint is checked against the tokens it issued) and returns to the post-logout URI. Codes are
 * single use.
 */
final class StubOidcProvider implements AutoCloseable {

  static final String CLIENT_ID = "flowgate-portal";
  static final String CLIENT_SECRET = "stub-client-secret";

  /** Who the provider says is signing in; {@code emailVerified} null: the claim is left out. */
  record Identity(String subject, String email, Boolean emailVerified) {}

  private record Grant(Identity identity, String nonce, String redirectUri) {}

  private final HttpServer server;
  private final RSAKey key;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Identity> accessTokens = new ConcurrentHashMap<>();
  private final Set<String> idTokens = ConcurrentHashMap.newKeySet();
  /** The ID tokens whose sessions {@code /logout} ended, in order. */
  final List<String> endedSessions = new CopyOnWriteArrayList<>();
  private volatile Identity next;

  StubOidcProvider() {
    try {
      key = new RSAKeyGenerator(2048).keyID("stub-" + UUID.randomUUID()).generate();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/authorize", this::authorize);
    server.createContext("/token", this::token);
    server.createContext("/jwks", exchange -> respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
    server.createContext("/userinfo", this::userInfo);
    server.createContext("/logout", this::endSession);
    server.start();
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void signInAs(Identity identity) {
    next = identity;
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))) {
      respond(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = UUID.randomUUID().toString();
    codes.put(code, new Grant(next, query.get("nonce"), query.get("redirect_uri")));
    exchange.getResponseHeaders().set("Location", query.get("redirect_uri") + "?code=" + code
        + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String basic = "Basic " + java.util.Base64.getEncoder()
        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    Grant grant = codes.remove(body.getOrDefault("code", ""));
    if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization")) || grant == null
        || !grant.redirectUri().equals(body.get("redirect_uri"))) {
      respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    String accessToken = UUID.randomUUID().toString();
    accessTokens.put(accessToken, grant.identity());
    respond(exchange, 200, EventCodec.toJson(Map.of("access_token", accessToken, "token_type", "Bearer",
        "expires_in", 300, "scope", "openid profile email", "id_token", idToken(grant))));
  }

  private void endSession(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    String hint = query.get("id_token_hint");
    String back = query.get("post_logout_redirect_uri");
    if (hint == null || !idTokens.remove(hint) || back == null) {
      respond(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    endedSessions.add(hint);
    exchange.getResponseHeaders().set("Location", back);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void userInfo(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Identity identity = authorization == null ? null : accessTokens.get(authorization.replaceFirst("^Bearer ", ""));
    if (identity == null) {
      respond(exchange, 401, "{\"error\":\"invalid_token\"}");
      return;
    }
    respond(exchange, 200, EventCodec.toJson(claims(identity)));
  }

  private String idToken(Grant grant) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(issuer())
        .audience(List.of(CLIENT_ID))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", grant.nonce());
    claims(grant.identity()).forEach(claims::claim);
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
      jwt.sign(new RSASSASigner(key));
      String token = jwt.serialize();
      idTokens.add(token);
      return token;
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> claims(Identity identity) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", identity.subject());
    claims.put("email", identity.email());
    if (identity.emailVerified() != null) {
      claims.put("email_verified", identity.emailVerified());
    }
    return claims;
  }

  private static Map<String, String> form(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return Map.of();
    }
    return Arrays.stream(encoded.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
        p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> a));
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
