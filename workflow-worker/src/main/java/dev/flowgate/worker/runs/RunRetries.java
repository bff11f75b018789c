package dev.flowgate.worker.runs;

import dev.flowgate.worker.dsl.RunState;
import dev.flowgate.worker.dsl.WorkflowDefinition;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Retrying a FAILED run: a new run of the same workflow and pinned version with the same input,
 * linked to the failed one by {@code retryOf}. The failed run stays as it was. The portal sends
 * the pinned definition, since it owns the versions.
 */
@Service
class RunRetries {

  static final String TRIGGER = "retry";

  private final RunIndex index;
  private final RunStarter runs;

  RunRetries(RunIndex index, RunStarter runs) {
    this.index = index;
    this.runs = runs;
  }

  /**
   * Starts the retry of {@code tenantId}'s run {@code executionId} under {@code newExecutionId}
   * (a fresh id when null; the same id again starts nothing) and returns its execution id.
   */
  String retry(UUID tenantId, String executionId, WorkflowDefinition definition, @Nullable String newExecutionId) {
    RunView failed = index.find(tenantId, executionId).orElseThrow(() -> new RunStarter.RunNotFoundException(executionId));
    if (failed.status() != RunState.FAILED) {
      throw new RunNotRetryableException("workflow run " + executionId + " is " + failed.status() + "; only a FAILED run is retried");
    }
    Map<String, Object> input = index.input(tenantId, executionId).orElseThrow(() -> new RunNotRetryableException(
        "workflow run " + executionId + " started before inputs were kept; start a new run instead"));
    return runs.start(tenantId, failed.workflowId(), failed.version(), definition, input, newExecutionId, TRIGGER, executionId);
  }

  /** The run is not FAILED, or its input was not kept. */
  static final class RunNotRetryableException extends RuntimeException {
    RunNotRetryableException(String message) {
      super(message);
    }
  }
}
