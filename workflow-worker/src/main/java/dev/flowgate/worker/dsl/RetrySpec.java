package dev.flowgate.worker.dsl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A step's retry: {@code maxAttempts} in all (the first attempt included), waiting
 * {@code initialIntervalMs} before the second, doubled each time for {@code exponential}.
 * Defaults (PRODUCT.md): 3 attempts, exponential from 1 s.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RetrySpec(
    @Nullable Integer maxAttempts,
    @Nullable String backoff,
    @Nullable Long initialIntervalMs,
    @Nullable Long maxIntervalMs) {

  public static final String EXPONENTIAL = "exponential";
  public static final String FIXED = "fixed";
  public static final RetrySpec DEFAULT = new RetrySpec(3, EXPONENTIAL, 1000L, null);

  /** This spec with every absent field taken from {@link #DEFAULT}. */
  public RetrySpec withDefaults() {
    return new RetrySpec(
        maxAttempts == null ? DEFAULT.maxAttempts : maxAttempts,
        backoff == null ? EXPONENTIAL : backoff,
        initialIntervalMs == null ? DEFAULT.initialIntervalMs : initialIntervalMs,
        maxIntervalMs);
  }

  /** 2 for exponential back-off, 1 for a fixed interval. */
  public double backoffCoefficient() {
    return FIXED.equals(backoff) ? 1.0 : 2.0;
  }
}
