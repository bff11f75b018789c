package dev.flowgate.worker.dsl;

import org.jspecify.annotations.Nullable;

/** How one step ended. {@code conditionResult} is set for a {@code condition} that succeeded. */
record StepOutcome(
    boolean success, @Nullable Object output, @Nullable String error, int attempts,
    @Nullable Boolean conditionResult, boolean cancelled) {

  static StepOutcome success(@Nullable Object output, int attempts) {
    return new StepOutcome(true, output, null, attempts, null, false);
  }

  static StepOutcome failure(String error, int attempts) {
    return new StepOutcome(false, null, error, attempts, null, false);
  }

  static StepOutcome canceled() {
    return new StepOutcome(false, null, "cancelled", 0, null, true);
  }

  StepOutcome withError(String message) {
    return new StepOutcome(success, output, message, attempts, conditionResult, cancelled);
  }
}
