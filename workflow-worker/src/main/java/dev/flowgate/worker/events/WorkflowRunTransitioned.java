package dev.flowgate.worker.events;

import dev.flowgate.worker.dsl.RunState;
import org.jspecify.annotations.Nullable;

/**
 * A run changed state ({@value #TYPE}, schema {@value #VERSION}) on {@code workflow.events}.
 *
 * @param from the state before, null for a run's first transition
 * @param error why the run failed or was cancelled, or null
 * @param revision the run-index revision that recorded the transition
 */
public record WorkflowRunTransitioned(
    String executionId,
    String tenantId,
    @Nullable String workflowId,
    @Nullable Integer version,
    @Nullable String triggerType,
    @Nullable RunState from,
    RunState to,
    @Nullable String error,
    long sequence,
    long revision)
    implements WorkflowTransition {

  public static final String TYPE = "workflow.run.transitioned";
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
    return "run";
  }
}
