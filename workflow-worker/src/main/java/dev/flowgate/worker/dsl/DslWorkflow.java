package dev.flowgate.worker.dsl;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.Map;

/**
 * The one interpreter of every Flowgate workflow: runs a definition's steps along their
 * {@code dependsOn} graph. The workflow id is the run's execution id.
 */
@WorkflowInterface
public interface DslWorkflow {

  /**
   * Runs the definition to its end. A failed step fails the run (an {@code ApplicationFailure} of
   * type {@value DslWorkflowImpl#STEP_FAILED}); a Temporal cancel cancels it.
   */
  @WorkflowMethod
  RunResult run(RunRequest request);

  /** Delivers a named signal, for example {@code approval} with {@code {"decision": "approve"}}. */
  @SignalMethod
  void signal(String name, Map<String, Object> payload);

  /** The run's state and every step's, for the status API. */
  @QueryMethod
  RunStatus status();
}
