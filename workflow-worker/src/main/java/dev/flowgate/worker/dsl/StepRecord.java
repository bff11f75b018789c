package dev.flowgate.worker.dsl;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The mutable state of one step inside a run. */
final class StepRecord {

  private final String id;
  private StepState state = StepState.QUEUED;
  private int attempts;
  private @Nullable Instant startedAt;
  private @Nullable Instant endedAt;
  private @Nullable Object output;
  private @Nullable String error;

  StepRecord(String id) {
    this.id = id;
  }

  StepState state() {
    return state;
  }

  @Nullable Object output() {
    return output;
  }

  void start(Instant now) {
    state = StepState.EXECUTING;
    startedAt = now;
  }

  void skip(Instant now, @Nullable String reason) {
    state = StepState.SKIPPED;
    endedAt = now;
    error = reason;
  }

  void end(StepOutcome outcome, Instant now, @Nullable String failureReason) {
    state = outcome.success() ? StepState.SUCCESS : StepState.FAILED;
    attempts = outcome.attempts();
    endedAt = now;
    output = outcome.output();
    error = outcome.success() ? null : failureReason == null ? outcome.error() : failureReason;
  }

  StepStatus view() {
    return new StepStatus(id, state, attempts, startedAt == null ? null : startedAt.toString(),
        endedAt == null ? null : endedAt.toString(), output, error);
  }
}
