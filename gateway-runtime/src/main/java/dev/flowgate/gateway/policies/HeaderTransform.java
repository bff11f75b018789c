package dev.flowgate.gateway.policies;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A route's {@code request_transform} or {@code response_transform} headers:
 * {@code {"setHeaders": {name: value}, "removeHeaders": [name]}}, removals first. Headers that
 * frame the message ({@code Host}, {@code Content-Length}, hop-by-hop) are never touched, and the
 * gateway's own headers ({@code X-Request-ID}, {@code X-Forwarded-*}, security headers) are set
 * after the transform, so it cannot forge them.
 */
public record HeaderTransform(Map<String, String> set, List<String> remove) {

  public static final String REQUEST = "request_transform";
  public static final String RESPONSE = "response_transform";
  private static final Set<String> PROTECTED = Set.of("host", "content-length", "transfer-encoding", "connection",
      "keep-alive", "upgrade", "te", "trailer", "proxy-connection", "content-encoding");

  /** @param type {@link #REQUEST} or {@link #RESPONSE}; null when the route has none */
  public static @Nullable HeaderTransform of(Route route, String type) {
    for (Policy policy : route.policies()) {
      if (type.equals(policy.type()) && policy.config() != null) {
        return parse(policy.config());
      }
    }
    return null;
  }

  static HeaderTransform parse(JsonNode config) {
    Map<String, String> set = new LinkedHashMap<>();
    config.path("setHeaders").properties().forEach(field -> {
      if (allowed(field.getKey()) && field.getValue().isValueNode() && !field.getValue().isNull()) {
        set.put(field.getKey().strip(), field.getValue().asString().replaceAll("[\\r\\n]", " "));
      }
    });
    List<String> remove = new ArrayList<>();
    for (JsonNode name : config.path("removeHeaders")) {
      if (allowed(name.asString(""))) {
        remove.add(name.asString().strip());
      }
    }
    return new HeaderTransform(Map.copyOf(set), List.copyOf(remove));
  }

  public void apply(MultiMap headers) {
    remove.forEach(headers::remove);
    set.forEach(headers::set);
  }

  private static boolean allowed(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return !lower.isEmpty() && lower.matches("[!#$%&'*+.^_`|~0-9a-z-]+") && !PROTECTED.contains(lower);
  }
}
