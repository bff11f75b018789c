package dev.flowgate.gateway.policies;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.proxy.HeaderHygiene;
import dev.flowgate.gateway.routing.RouteMatch;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A route's {@code cors} policy, {@code {"allowedOrigins", "allowedMethods"?, "allowCredentials"?,
 * "maxAgeSeconds"?}}. Preflights are answered at the gateway (browsers send them without
 * credentials, so the route is found through the tenant's host); actual responses to an allowed
 * origin get {@code Access-Control-Allow-Origin}. A disallowed origin gets no CORS headers, and
 * on such a route the upstream's own CORS headers never reach the caller.
 */
public record CorsPolicy(List<String> origins, List<String> methods, boolean credentials, @Nullable Integer maxAge) {

  public static final String POLICY = "cors";
  private static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
  private static final String EXPOSED = "X-Request-ID, X-Tenant-ID, RateLimit-Limit, RateLimit-Remaining, "
      + "RateLimit-Reset, RateLimit-Policy, Retry-After, X-Workflow-Execution-ID, X-Workflow-Status-Endpoint";

  public static @Nullable CorsPolicy of(Route route) {
    for (Policy policy : route.policies()) {
      if (POLICY.equals(policy.type()) && policy.config() != null) {
        JsonNode config = policy.config();
        List<String> methods = strings(config.path("allowedMethods"), true);
        return new CorsPolicy(strings(config.path("allowedOrigins"), false),
            methods.isEmpty() ? DEFAULT_METHODS : methods,
            config.path("allowCredentials").asBoolean(false),
            config.path("maxAgeSeconds").canConvertToInt() ? config.path("maxAgeSeconds").asInt() : null);
      }
    }
    return null;
  }

  /** Whether the origin may read responses: listed, or {@code *} is. */
  public boolean allows(String origin) {
    for (String allowed : origins) {
      if (allowed.equals("*") || allowed.equalsIgnoreCase(origin)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Answers a CORS preflight ({@code OPTIONS} with {@code Origin} and
   * {@code Access-Control-Request-Method}) for a route of the host's tenant with a {@code cors}
   * policy: 204, with the CORS headers only when origin and method are allowed.
   *
   * @return false when this is not such a preflight; the call then goes through the pipeline
   */
  public static boolean answerPreflight(HttpServerRequest request, Exchange exchange, String domain) {
    String origin = request.getHeader("Origin");
    String requested = request.getHeader("Access-Control-Request-Method");
    if (request.method() != HttpMethod.OPTIONS || origin == null || requested == null) {
      return false;
    }
    Tenant tenant = exchange.config().tenantForHost(exchange.host(), domain).tenant();
    if (tenant == null) {
      return false;
    }
    String method = requested.strip().toUpperCase(Locale.ROOT);
    RouteMatch match = exchange.config().routes().match(tenant.id(), exchange.host(), method, exchange.path());
    CorsPolicy policy = match == null ? null : match.policies().cors();
    if (policy == null) {
      return false;
    }
    HttpServerResponse response = request.response();
    MultiMap headers = response.headers();
    HeaderHygiene.addResponseHeaders(headers, exchange.requestId(), tenant.id().toString());
    headers.set("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    if (policy.allows(origin) && policy.methods.contains(method)) {
      policy.allowOrigin(headers, origin);
      headers.set("Access-Control-Allow-Methods", String.join(", ", policy.methods));
      String requestedHeaders = request.getHeader("Access-Control-Request-Headers");
      if (requestedHeaders != null && !requestedHeaders.isBlank()) {
        headers.set("Access-Control-Allow-Headers", requestedHeaders);
      }
      if (policy.maxAge != null) {
        headers.set("Access-Control-Max-Age", policy.maxAge.toString());
      }
    }
    response.setStatusCode(204).end();
    request.resume();
    return true;
  }

  /** On an actual response: the route's CORS headers for an allowed {@code Origin}, none otherwise. */
  public static void addHeaders(MultiMap headers, Exchange exchange) {
    RouteMatch match = exchange.match();
    CorsPolicy policy = match == null ? null : match.policies().cors();
    if (policy == null) {
      return;
    }
    headers.names().stream().filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"))
        .toList().forEach(headers::remove);
    String vary = headers.get("Vary");
    if (vary == null || !vary.toLowerCase(Locale.ROOT).contains("origin")) {
      headers.add("Vary", "Origin");
    }
    String origin = exchange.headers().get("Origin");
    if (origin != null && policy.allows(origin)) {
      policy.allowOrigin(headers, origin);
      headers.set("Access-Control-Expose-Headers", EXPOSED);
    }
  }

  private void allowOrigin(MultiMap headers, String origin) {
    boolean any = origins.contains("*");
    // with credentials a browser refuses '*': the origin is echoed instead
    headers.set("Access-Control-Allow-Origin", any && !credentials ? "*" : origin);
    if (credentials) {
      headers.set("Access-Control-Allow-Credentials", "true");
    }
  }

  private static List<String> strings(JsonNode list, boolean upper) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : list) {
      String value = item.asString("").strip();
      // a method goes out in a header as it is: no control characters (CR/LF) may reach one
      if (!value.isEmpty() && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
        values.add(upper ? value.toUpperCase(Locale.ROOT) : value);
      }
    }
    return List.copyOf(values);
  }
}
