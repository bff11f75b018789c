package dev.flowgate.billing.plans;

import java.time.Duration;
import java.time.Instant;

/** A stretch of a billing period spent on one plan: {@code from} inclusive, {@code to} exclusive. */
public record PlanSegment(Plan plan, Instant from, Instant to) {

  public PlanSegment {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("a plan segment must not be empty: " + from + " to " + to);
    }
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}
