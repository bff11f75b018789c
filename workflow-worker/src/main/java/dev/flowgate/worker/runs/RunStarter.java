package dev.flowgate.worker.runs;

import dev.flowgate.worker.TaskQueues;
import dev.flowgate.worker.dsl.DefinitionValidator;
import dev.flowgate.worker.dsl.DslWorkflow;
import dev.flowgate.worker.dsl.RunRequest;
import dev.flowgate.worker.dsl.SignalActor;
import dev.flowgate.worker.dsl.ValidationError;
import dev.flowgate.worker.dsl.WorkflowDefinition;
import dev.flowgate.worker.events.Transitions;
import dev.flowgate.worker.events.WorkflowEventPublisher;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Starts, signals and cancels runs. Starting is idempotent on the execution id, which is the
 * Temporal workflow id: a second start of the same id (a redelivered trigger, a retried call)
 * finds the run already there and starts nothing.
 */
@Service
public class RunStarter {

  private final WorkflowClient temporal;
  private final RunIndex index;
  private final DefinitionValidator validator = new DefinitionValidator();

  private final WorkflowEventPublisher events;
  private final LostRuns lostRuns;

  RunStarter(WorkflowClient temporal, RunIndex index, WorkflowEventPublisher events, LostRuns lostRuns) {
    this.temporal = temporal;
    this.index = index;
    this.events = events;
    this.lostRuns = lostRuns;
  }

  /** Starts a run (or finds it started) and returns its execution id. */
  public String start(
      UUID tenantId, @Nullable String workflowId, @Nullable Integer version, WorkflowDefinition definition,
      @Nullable Map<String, Object> input, @Nullable String executionId, String triggerType) {
    return start(tenantId, workflowId, version, definition, input, executionId, triggerType, null);
  }

  /** Like {@link #start(UUID, String, Integer, WorkflowDefinition, Map, String, String)}, as a retry of {@code retryOf}. */
  String start(
      UUID tenantId, @Nullable String workflowId, @Nullable Integer version, WorkflowDefinition definition,
      @Nullable Map<String, Object> input, @Nullable String executionId, String triggerType, @Nullable String retryOf) {
    List<ValidationError> errors = validator.validate(definition);
    if (!errors.isEmpty()) {
      throw new InvalidDefinitionException(errors);
    }
    String id = executionId == null || executionId.isBlank() ? UUID.randomUUID().toString() : executionId;
    if (index.register(id, tenantId, workflowId, version, triggerType, input, retryOf)) {
      if (definition.restartable()) {
        lostRuns.keep(id, definition, input);
      }
      events.publish(List.of(Transitions.pending(id, tenantId.toString(), workflowId, version, triggerType)));
    } else if (index.find(tenantId, id).isEmpty()) {
      throw new RunNotFoundException(id);
    }
    startExecution(id, new RunRequest(tenantId.toString(), workflowId, version, definition, input, triggerType));
    return id;
  }

  /**
   * Starts a run Temporal lost (a restarted local dev server) again under its execution id, when
   * its definition is idempotent; false when it is not (or no longer unfinished).
   */
  boolean restartLost(String executionId) {
    Optional<LostRuns.Restart> lost = lostRuns.find(executionId);
    if (lost.isEmpty()) {
      return false;
    }
    LostRuns.Restart run = lost.get();
    events.publish(List.copyOf(lostRuns.reset(run, RESTARTED)));
    startExecution(executionId, new RunRequest(run.tenantId().toString(), run.workflowId(), run.version(),
        run.definition(), run.input(), run.triggerType()));
    return true;
  }

  static final String RESTARTED =
      "restarted: the workflow engine lost this run (a restarted local Temporal dev server) and its definition is idempotent";

  private void startExecution(String id, RunRequest request) {
    DslWorkflow run = temporal.newWorkflowStub(DslWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setWorkflowId(id)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build());
    try {
      WorkflowClient.start(run::run, request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // the same execution id again: the run exists, nothing to start
    }
  }

  /**
   * Delivers a named signal to a running run of {@code tenantId}, with its sender ({@code actorId},
   * {@code actorRole}, either may be null) in the payload's {@code actor} (see {@link SignalActor}).
   */
  public void signal(UUID tenantId, String executionId, String name, @Nullable Map<String, Object> payload,
      @Nullable String actorId, @Nullable String actorRole) {
    requireRun(tenantId, executionId);
    try {
      temporal.newWorkflowStub(DslWorkflow.class, executionId).signal(name, SignalActor.attach(payload, actorId, actorRole));
    } catch (WorkflowNotFoundException e) {
      throw new RunNotRunningException(executionId);
    }
  }

  /** Asks Temporal to cancel a run of {@code tenantId}; the run ends CANCELLED. */
  public void cancel(UUID tenantId, String executionId) {
    requireRun(tenantId, executionId);
    try {
      temporal.newUntypedWorkflowStub(executionId).cancel();
    } catch (WorkflowNotFoundException e) {
      throw new RunNotRunningException(executionId);
    }
  }

  private void requireRun(UUID tenantId, String executionId) {
    if (index.find(tenantId, executionId).isEmpty()) {
      throw new RunNotFoundException(executionId);
    }
  }

  /** A definition the validator refused. */
  public static final class InvalidDefinitionException extends RuntimeException {
    private final List<ValidationError> errors;

    InvalidDefinitionException(List<ValidationError> errors) {
      super("the workflow definition is invalid");
      this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
      return errors;
    }
  }

  /** No run of this id for this tenant. */
  public static final class RunNotFoundException extends RuntimeException {
    RunNotFoundException(String executionId) {
      super("no workflow run " + executionId);
    }
  }

  /** The run exists but has ended, so it takes no signal or cancel. */
  public static final class RunNotRunningException extends RuntimeException {
    RunNotRunningException(String executionId) {
      super("workflow run " + executionId + " is not running");
    }
  }
}
