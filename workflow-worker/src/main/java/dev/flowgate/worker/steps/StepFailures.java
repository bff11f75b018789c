package dev.flowgate.worker.steps;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

/** The typed failures of step activities; each carries the attempt number as its detail. */
public final class StepFailures {

  /** An outgoing call the SSRF guard refused. */
  public static final String UPSTREAM_REFUSED = "UpstreamRefused";
  /** An answer that retrying will not change (4xx). */
  public static final String REQUEST_REJECTED = "RequestRejected";
  /** An answer or error worth retrying (5xx, 408, 429, connect errors, timeouts). */
  public static final String UPSTREAM_FAILED = "UpstreamFailed";
  /** A feature the platform has not configured (mail server, signing secret). */
  public static final String NOT_CONFIGURED = "NotConfigured";
  /** A JSONata expression that failed at run time. */
  public static final String EXPRESSION_FAILED = "ExpressionFailed";

  private StepFailures() {}

  public static ApplicationFailure retryable(String type, String message) {
    return ApplicationFailure.newFailure(message, type, attempt());
  }

  public static ApplicationFailure fatal(String type, String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type, attempt());
  }

  /** The current attempt inside an activity, 1 outside one. */
  public static int attempt() {
    try {
      return Activity.getExecutionContext().getInfo().getAttempt();
    } catch (RuntimeException | Error e) {
      return 1;
    }
  }
}
