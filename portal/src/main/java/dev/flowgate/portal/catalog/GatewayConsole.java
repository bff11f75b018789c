package dev.flowgate.portal.catalog;

import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The try-it console's server side: sends one request to a tenant's route through the configured
 * gateway. The address is always the gateway's; the caller chooses only a path that the chosen
 * route serves, so the console can reach nothing else (no SSRF). The key is sent in
 * {@code X-API-Key} and then forgotten: never stored, logged or echoed.
 */
@Service
public class GatewayConsole {

  static final int MAX_RESPONSE_BYTES = 256 * 1024;
  static final int MAX_REQUEST_BODY = 64 * 1024;
  private static final Pattern KEY = Pattern.compile("fg_(live|test)_[0-9A-Za-z]{32}");
  /** Unreserved, sub-delims, ':', '@', '/', and percent escapes; a query may add '?'. */
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@/%]*(\\?[A-Za-z0-9\\-._~!$&'()*+,;=:@/%?]*)?");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-.^_`|~]{1,64}");
  /** Set by the console or the HTTP client, or hop-by-hop: a caller may not choose them. */
  private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding",
      "upgrade", "expect", "keep-alive", "te", "trailer", "proxy-authorization", "proxy-connection", "x-api-key");

  private final ApiCatalog catalog;
  private final HttpClient http;

  GatewayConsole(ApiCatalog catalog) {
    this.catalog = catalog;
    this.http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * @throws dev.flowgate.portal.base.problems.NotFoundException when the route is not the tenant's
   * @throws InvalidInputException with field errors for a method, path, header, body or key the console refuses
   * @throws UnavailableException when the gateway does not answer
   */
  public TryResponse send(Actor actor, TryRequest request) {
    if (request.routeId() == null) {
      throw new InvalidInputException("routeId", "choose one of your routes");
    }
    CatalogRoute route = catalog.route(actor, request.routeId());
    String method = request.method() == null ? "GET" : request.method().strip().toUpperCase(Locale.ROOT);
    String path = request.path() == null ? "" : request.path().strip();
    Map<String, String> headers = request.headers() == null ? Map.of() : request.headers();
    String body = request.body() == null ? "" : request.body();
    validate(route, method, path, headers, body, request.apiKey());

    URI uri = gatewayUri(path);
    HttpRequest.Builder outgoing = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
        .header("X-API-Key", request.apiKey().strip())
        .header("User-Agent", "Flowgate-Portal-Try-It")
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach((name, value) -> outgoing.header(name.strip(), value.strip()));
    if (!body.isEmpty() && headers.keySet().stream().noneMatch(n -> n.strip().equalsIgnoreCase("content-type"))) {
      outgoing.header("Content-Type", "application/json");
    }
    long start = System.nanoTime();
    try {
      HttpResponse<InputStream> response = http.send(outgoing.build(), HttpResponse.BodyHandlers.ofInputStream());
      byte[] bytes;
      boolean truncated;
      try (InputStream in = response.body()) {
        bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
      }
      truncated = bytes.length > MAX_RESPONSE_BYTES;
      String text = new String(bytes, 0, Math.min(bytes.length, MAX_RESPONSE_BYTES), StandardCharsets.UTF_8);
      Map<String, List<String>> responseHeaders = new TreeMap<>();
      response.headers().map().forEach((name, values) -> {
        if (!name.startsWith(":")) {
          responseHeaders.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
        }
      });
      return new TryResponse(method, uri.toString(), response.statusCode(), responseHeaders, text, truncated,
          Duration.ofNanos(System.nanoTime() - start).toMillis());
    } catch (IOException e) {
      throw new UnavailableException("The gateway at " + catalog.gatewayUrl() + " did not answer: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("Interrupted while waiting for the gateway", e);
    }
  }

  /** The gateway's own scheme, host and port, with only the path and query taken from the caller. */
  private URI gatewayUri(String pathAndQuery) {
    URI gateway = URI.create(catalog.gatewayUrl());
    URI uri = URI.create(catalog.gatewayUrl() + pathAndQuery);
    if (!gateway.getScheme().equals(uri.getScheme()) || !gateway.getRawAuthority().equals(uri.getRawAuthority())) {
      throw new InvalidInputException("path", "must be a path on the gateway");
    }
    return uri;
  }

  private static void validate(CatalogRoute route, String method, String path, Map<String, String> headers, String body,
      String apiKey) {
    List<FieldError> errors = new ArrayList<>();
    if (!route.allowedMethods().contains(method)) {
      errors.add(new FieldError("method", "the route accepts " + String.join(", ", route.allowedMethods())));
    }
    String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (path.length() > 2048 || !PATH.matcher(path).matches() || pathOnly.contains("//")
        || List.of(pathOnly.split("/")).stream().anyMatch(s -> s.equals("..") || s.equals("."))) {
      errors.add(new FieldError("path", "must be a path such as /orders/42 (optionally ?query), without '..' or spaces"));
    } else if (route.paths().stream().noneMatch(p -> RoutePaths.matches(p, pathOnly))) {
      errors.add(new FieldError("path", "is not served by route " + route.name() + " (" + String.join(", ", route.paths()) + ")"));
    }
    headers.forEach((name, value) -> {
      String n = name == null ? "" : name.strip();
      if (!HEADER_NAME.matcher(n).matches()) {
        errors.add(new FieldError("headers", "'" + n + "' is not a header name"));
      } else if (RESERVED_HEADERS.contains(n.toLowerCase(Locale.ROOT))) {
        errors.add(new FieldError("headers", n + " is set by the console and cannot be given"));
      } else if (value == null || value.length() > 4096 || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        errors.add(new FieldError("headers", n + " needs a one-line value of at most 4096 characters"));
      }
    });
    if (headers.size() > 30) {
      errors.add(new FieldError("headers", "at most 30 headers"));
    }
    if (body.getBytes(StandardCharsets.UTF_8).length > MAX_REQUEST_BODY) {
      errors.add(new FieldError("body", "must be at most " + MAX_REQUEST_BODY / 1024 + " KB"));
    }
    if (!body.isEmpty() && (method.equals("GET") || method.equals("HEAD"))) {
      errors.add(new FieldError("body", "a " + method + " request has no body"));
    }
    if (apiKey == null || !KEY.matcher(apiKey.strip()).matches()) {
      errors.add(new FieldError("apiKey", "paste one of your API keys (fg_live_… with 32 characters after the prefix)"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
