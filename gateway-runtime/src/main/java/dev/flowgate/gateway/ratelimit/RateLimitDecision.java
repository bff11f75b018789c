package dev.flowgate.gateway.ratelimit;

/**
 * The answer for one call, with what the tightest limit says for the {@code RateLimit-*} headers.
 *
 * @param remaining calls left in the tightest bucket after this one
 * @param resetSeconds until the tightest bucket is full again
 * @param retryAfterSeconds when refused, until a call may pass again; 0 when allowed
 */
public record RateLimitDecision(
    boolean allowed, Limit limit, long remaining, long resetSeconds, long retryAfterSeconds) {}
