package dev.flowgate.worker.events;

import dev.flowgate.worker.dsl.StepState;
import org.jspecify.annotations.Nullable;

/**
 * A step of a run changed state ({@value #TYPE}, schema {@value #VERSION}) on {@code workflow.events}.
 * Outputs are not carried (they may be large and hold personal data): read them from the run API.
 *
 * @param from the state before, null for the step's first transition
 * @param at when the step started (EXECUTING) or ended (SUCCESS, FAILED, SKIPPED), or null
 * @param error why the step failed or was skipped, or null
 */
public record WorkflowStepTransitioned(
    String executionId,
    String tenantId,
    @Nullable String workflowId,
    String stepId,
    @Nullable StepState from,
    StepState to,
    int attempts,
    @Nullable String at,
    @Nullable String error,
    long sequence,
    long revision)
    implements WorkflowTransition {

  public static final String TYPE = "workflow.step.transitioned";
  public static final int VERSION = 1;

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public int schemaVersion() {
    return VERSION;
  }

  @Override
  public String subject() {
    return "step:" + stepId;
  }
}
