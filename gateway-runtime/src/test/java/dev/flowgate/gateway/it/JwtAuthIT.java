package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.FakeUpstream;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.TestJwts;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jwt_auth} routes against a local JWKS server whose keys the test generated. */
class JwtAuthIT {

  @TempDir static Path stateDir;

  static HttpServer jwks;
  static final AtomicInteger jwksFetches = new AtomicInteger();
  static final AtomicReference<String> served = new AtomicReference<>();
  static final RSAKey rsa = TestJwts.rsa("rsa-1");
  static final ECKey ec = TestJwts.ec("ec-1");
  static FakeUpstream upstream;
  static FakePortal portal;
  static GatewayInstance gateway;
  static Tenant acme;
  static IssuedKey key;

  @BeforeAll
  static void start() throws Exception {
    served.set(TestJwts.jwks(rsa, ec));
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext("/jwks.json", exchange -> {
      try (exchange) {
        jwksFetches.incrementAndGet();
        byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
    });
    jwks.start();
    upstream = new FakeUpstream();
    TestSnapshots snapshots = new TestSnapshots();
    acme = snapshots.tenant("acme");
    Tenant globex = snapshots.tenant("globex");
    Service echo = snapshots.service(acme, upstream.url());
    String jwksUri = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json";
    snapshots.route(echo, "orders", "/orders", List.of(TestJwts.jwtPolicy(jwksUri)));
    snapshots.route(echo, "keys-only", "/keys-only", List.of());
    snapshots.route(echo, "nowhere", "/dead-jwks",
        List.of(TestJwts.jwtPolicy("http://127.0.0.1:" + GatewayInstance.freePort() + "/jwks.json")));
    snapshots.route(echo, "metadata-jwks", "/metadata-jwks",
        List.of(TestJwts.jwtPolicy("http://169.254.169.254/latest/jwks.json")));
    snapshots.service(globex, upstream.url());
    key = snapshots.key(acme, List.of("*"));
    portal = new FakePortal(snapshots.build());
    gateway = GatewayInstance.start(portal.url(), stateDir, Map.of(
        "flowgate.gateway.kafka.enabled", "false",
        "flowgate.gateway.jwt.allow-http", "true",
        "flowgate.gateway.jwt.refetch-interval", "1s")).awaitReady();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    portal.close();
    upstream.close();
    jwks.stop(0);
  }

  private static HttpResponse<String> call(String path, String token, String requestId) {
    return gateway.send(gateway.request(path).header("Authorization", "Bearer " + token).header("X-Request-ID", requestId));
  }

  private static String type(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    return EventCodec.mapper().readTree(response.body()).path("type").asString();
  }

  private static String token(com.nimbusds.jose.jwk.JWK signer) {
    return TestJwts.sign(signer, TestJwts.claims(acme.id().toString()).build());
  }

  @Test
  void a_jwt_signed_by_the_routes_jwks_is_proxied_and_never_forwarded_upstream() {
    HttpResponse<String> response = call("/orders/7", token(rsa), "jwt-ok-1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Tenant-ID")).contains(acme.id().toString());
    assertThat(response.headers().firstValue("RateLimit-Limit")).isPresent();
    assertThat(upstream.received("jwt-ok-1").headers().containsKey("Authorization")).isFalse();
  }

  @Test
  void an_es256_jwt_from_the_same_jwks_is_accepted_too() {
    assertThat(call("/orders/8", token(ec), "jwt-ec-1").statusCode()).isEqualTo(200);
  }

  @Test
  void an_expired_jwt_is_a_401_problem() {
    String expired = TestJwts.sign(rsa, acme.id().toString(),
        c -> c.expirationTime(java.util.Date.from(java.time.Instant.now().minusSeconds(120))));

    HttpResponse<String> response = call("/orders/1", expired, "jwt-expired");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(type(response)).endsWith("/expired-credential");
    assertThat(upstream.received("jwt-expired")).isNull();
  }

  @Test
  void a_jwt_for_another_audience_or_signed_by_a_stranger_is_a_401_problem() {
    String audience = TestJwts.sign(rsa, acme.id().toString(), c -> c.audience("someone-else"));
    String stranger = token(TestJwts.rsa("rsa-1"));

    assertThat(call("/orders/1", audience, "jwt-aud").statusCode()).isEqualTo(401);
    assertThat(type(call("/orders/1", stranger, "jwt-stranger"))).endsWith("/invalid-credential");
  }

  @Test
  void a_jwt_naming_another_tenant_than_x_tenant_id_is_a_403() {
    HttpResponse<String> response = gateway.send(gateway.request("/orders/1")
        .header("Authorization", "Bearer " + token(rsa)).header("X-Tenant-ID", "globex"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(type(response)).endsWith("/tenant-mismatch");
  }

  @Test
  void a_route_without_jwt_auth_takes_only_keys_and_a_jwt_route_takes_no_keys() {
    assertThat(call("/keys-only/1", token(rsa), "jwt-on-keys").statusCode()).isEqualTo(401);
    assertThat(gateway.get("/keys-only/1", key.secret()).statusCode()).isEqualTo(200);
    assertThat(gateway.get("/orders/1", key.secret()).statusCode()).isEqualTo(401);
  }

  @Test
  void an_unreachable_jwks_is_a_503_with_retry_after_not_a_hang() {
    HttpResponse<String> response = call("/dead-jwks/1", token(rsa), "jwt-dead");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(type(response)).endsWith("/jwks-unavailable");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void a_jwks_uri_resolving_to_a_forbidden_address_is_never_fetched() {
    HttpResponse<String> response = call("/metadata-jwks/1", token(rsa), "jwt-ssrf");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(type(response)).endsWith("/jwks-unavailable");
  }

  @Test
  void a_rotated_key_is_picked_up_by_one_refetch_and_unknown_kids_cannot_hammer_the_jwks() throws Exception {
    assertThat(call("/orders/1", token(rsa), "jwt-warm").statusCode()).isEqualTo(200);
    RSAKey rotated = TestJwts.rsa("rsa-2");
    served.set(TestJwts.jwks(rsa, ec, rotated));
    Thread.sleep(1100);
    int before = jwksFetches.get();

    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int n = i;
      calls.add(CompletableFuture.supplyAsync(() -> call("/orders/1", token(rotated), "jwt-rot-" + n).statusCode()));
    }
    assertThat(calls.stream().map(CompletableFuture::join)).containsOnly(200);
    assertThat(jwksFetches.get() - before).isEqualTo(1);

    // keys made first: RSA key generation on a busy machine can outlast the 1 s refetch interval
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      unknown.add(token(TestJwts.rsa("unknown-" + i)));
    }
    for (int i = 0; i < 10; i++) {
      assertThat(call("/orders/1", unknown.get(i), "jwt-unknown-" + i).statusCode()).isEqualTo(401);
    }
    assertThat(jwksFetches.get() - before).isLessThanOrEqualTo(2);
  }
}
