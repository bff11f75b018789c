package dev.flowgate.gateway.pipeline;

import dev.flowgate.contracts.config.GatewaySnapshot.ApiKey;
import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.RateLimit;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.ratelimit.Limit;
import dev.flowgate.gateway.ratelimit.RateLimitDecision;
import dev.flowgate.gateway.ratelimit.RateLimiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The key's limit (or the default), each {@code rate_limit} policy of the route and the tenant's
 * plan limit all apply; the first one out of tokens refuses the call with 429.
 */
final class RateLimitStage implements RequestStage {

  static final String POLICY = "rate_limit";

  private final RateLimiter limiter;
  private final RateLimit defaultKeyLimit;

  RateLimitStage(RateLimiter limiter, RateLimit defaultKeyLimit) {
    this.limiter = limiter;
    this.defaultKeyLimit = defaultKeyLimit;
  }

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    RateLimitDecision decision = limiter.acquire(limits(exchange));
    exchange.rateLimit(decision);
    if (decision.allowed()) {
      return null;
    }
    Limit limit = decision.limit();
    return new Problem(ProblemType.RATE_LIMITED,
        "Rate limit of " + limit.limit() + " calls per " + limit.windowSeconds() + " s exceeded ("
            + limit.id().substring(0, limit.id().indexOf(':')) + " limit).",
        (int) Math.min(Integer.MAX_VALUE, decision.retryAfterSeconds()));
  }

  List<Limit> limits(Exchange exchange) {
    ApiKey key = exchange.key();
    var route = Objects.requireNonNull(exchange.match()).route();
    Tenant tenant = Objects.requireNonNull(exchange.tenant());
    List<Limit> limits = new ArrayList<>(3);
    if (key != null) {
      RateLimit keyLimit = key.rateLimit() == null ? defaultKeyLimit : key.rateLimit();
      limits.add(new Limit("key:" + key.id(), keyLimit.limit(), keyLimit.windowSeconds()));
    } else {
      // a JWT's subject is limited like a key without a limit of its own
      String subject = Objects.requireNonNull(exchange.jwt()).subject();
      limits.add(new Limit("jwt:" + tenant.id() + ":" + subject, defaultKeyLimit.limit(),
          defaultKeyLimit.windowSeconds()));
    }
    for (Policy policy : route.policies()) {
      Limit limit = POLICY.equals(policy.type()) ? routeLimit(route.id().toString(), policy.config()) : null;
      if (limit != null) {
        limits.add(limit);
      }
    }
    RateLimit plan = tenant.planLimit();
    if (plan != null) {
      limits.add(new Limit("plan:" + tenant.id(), plan.limit(), plan.windowSeconds()));
    }
    return limits;
  }

  private static @Nullable Limit routeLimit(String routeId, @Nullable JsonNode config) {
    if (config == null || !config.path("limit").canConvertToLong() || !config.path("windowSeconds").canConvertToInt()) {
      return null;
    }
    long limit = config.path("limit").asLong();
    int window = config.path("windowSeconds").asInt();
    return limit < 0 || window <= 0 ? null : new Limit("route:" + routeId, limit, window);
  }
}
