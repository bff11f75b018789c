package dev.flowgate.portal.base.problems;

import java.time.Duration;

/** A throttle refused the request: 429 with {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {

  private final Duration retryAfter;

  public TooManyRequestsException(String detail, Duration retryAfter) {
    super(detail);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
