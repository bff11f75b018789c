package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.ratelimit.RateLimitDecision;
import io.vertx.core.MultiMap;
import org.jspecify.annotations.Nullable;

/** {@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset} and {@code -Policy} of the tightest limit. */
final class RateLimitHeaders {

  private RateLimitHeaders() {}

  static void add(MultiMap headers, @Nullable RateLimitDecision decision) {
    if (decision == null) {
      return;
    }
    headers.set("RateLimit-Limit", Long.toString(decision.limit().limit()));
    headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
    headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    headers.set("RateLimit-Policy", decision.limit().limit() + ";w=" + decision.limit().windowSeconds());
  }
}
