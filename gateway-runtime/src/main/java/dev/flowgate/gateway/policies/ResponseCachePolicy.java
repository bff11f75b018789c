package dev.flowgate.gateway.policies;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A route's {@code response_cache} policy, {@code {"ttlSeconds": n}}: successful GET responses are
 * kept at most this long, less when the upstream's {@code Cache-Control} says so.
 */
public record ResponseCachePolicy(Duration ttl) {

  public static final String POLICY = "response_cache";

  public static @Nullable ResponseCachePolicy of(Route route) {
    for (Policy policy : route.policies()) {
      if (POLICY.equals(policy.type()) && policy.config() != null
          && policy.config().path("ttlSeconds").canConvertToLong() && policy.config().path("ttlSeconds").asLong() > 0) {
        return new ResponseCachePolicy(Duration.ofSeconds(policy.config().path("ttlSeconds").asLong()));
      }
    }
    return null;
  }
}
