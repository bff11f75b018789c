package dev.flowgate.worker.dsl;

import dev.flowgate.worker.TaskQueues;
import dev.flowgate.worker.runs.RunIndexActivities;
import dev.flowgate.worker.runs.RunSnapshot;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

@WorkflowImpl(taskQueues = TaskQueues.WORKFLOWS)
public class DslWorkflowImpl implements DslWorkflow {

  /** The failure type of a run that failed at a step. */
  public static final String STEP_FAILED = "StepFailed";
  /** The failure type of a run whose definition does not validate. */
  public static final String INVALID_DEFINITION = "InvalidDefinition";

  private final RunIndexActivities index = Workflow.newActivityStub(
      RunIndexActivities.class,
      ActivityOptions.newBuilder()
          .setCancellationType(ActivityCancellationType.ABANDON)
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setScheduleToCloseTimeout(Duration.ofMinutes(5))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(30)).build())
          .build());
  private final SignalInbox inbox = new SignalInbox();
  private final Map<String, StepRecord> steps = new LinkedHashMap<>();
  private final Map<String, Boolean> conditionResults = new HashMap<>();
  private final Map<String, Promise<StepOutcome>> running = new LinkedHashMap<>();
  private final Map<String, CancellationScope> scopes = new LinkedHashMap<>();
  private RunState state = RunState.PENDING;
  private @Nullable String error;
  private @Nullable RunRequest request;
  private long revision;
  private final List<Promise<Void>> reports = new ArrayList<>();
  private final List<SignalRefusal> refusals = new ArrayList<>();

  @Override
  public RunResult run(RunRequest request) {
    this.request = request;
    WorkflowDefinition definition = request.definition();
    List<ValidationError> errors = new DefinitionValidator().validate(definition);
    if (!errors.isEmpty()) {
      state = RunState.FAILED;
      error = "invalid definition: " + errors.stream()
          .map(e -> (e.stepId() == null ? "" : e.stepId() + ".") + e.field() + ": " + e.message())
          .collect(Collectors.joining("; "));
      report(true);
      throw ApplicationFailure.newNonRetryableFailure(error, INVALID_DEFINITION);
    }
    definition.steps().forEach(step -> steps.put(step.id(), new StepRecord(step.id())));
    DagPlanner planner = new DagPlanner(definition);
    StepRunner runner = new StepRunner(request, Workflow.getInfo().getWorkflowId(), inbox, refusal -> {
      refusals.add(refusal);
      Workflow.getLogger(DslWorkflowImpl.class).warn("run {} step {} refused a signal: {}",
          Workflow.getInfo().getWorkflowId(), refusal.stepId(), refusal.reason());
      report(false);
    });
    state = RunState.RUNNING;
    report(false);
    try {
      walk(definition, planner, runner, request);
    } catch (CanceledFailure e) {
      state = RunState.CANCELLED;
      error = "cancelled";
      steps.values().forEach(step -> {
        if (step.state() == StepState.EXECUTING) {
          step.end(StepOutcome.canceled(), now(), "cancelled with the run");
        } else if (step.state() == StepState.QUEUED) {
          step.skip(now(), "the run was cancelled");
        }
      });
      Workflow.newDetachedCancellationScope(() -> report(true)).run();
      throw e;
    }
    if (error != null) {
      state = RunState.FAILED;
      report(true);
      throw ApplicationFailure.newNonRetryableFailure(error, STEP_FAILED);
    }
    state = RunState.COMPLETED;
    report(true);
    Map<String, Object> outputs = new LinkedHashMap<>();
    steps.forEach((id, step) -> {
      if (step.state() == StepState.SUCCESS) {
        outputs.put(id, step.output());
      }
    });
    return new RunResult(RunState.COMPLETED, outputs);
  }

  /** Starts what the planner allows, waits for a step to end, records it; until nothing is left. */
  private void walk(WorkflowDefinition definition, DagPlanner planner, StepRunner runner, RunRequest request) {
    while (true) {
      DagPlanner.Plan plan = planner.next(states(), conditionResults, error != null);
      for (String id : plan.skip()) {
        steps.get(id).skip(now(), error == null ? null : "not run: the run failed");
      }
      for (String id : plan.start()) {
        StepDefinition step = definition.step(id);
        Map<String, Object> context = context(request);
        steps.get(id).start(now());
        CancellationScope scope = Workflow.newCancellationScope(
            () -> running.put(id, Async.function(runner::run, step, context)));
        scope.run();
        scopes.put(id, scope);
      }
      if (!plan.idle()) {
        report(false);
      }
      if (running.isEmpty()) {
        if (plan.idle()) {
          return;
        }
        continue;
      }
      Workflow.await(() -> running.values().stream().anyMatch(Promise::isCompleted));
      for (String id : List.copyOf(running.keySet())) {
        if (running.get(id).isCompleted()) {
          record(id, running.remove(id).get());
          scopes.remove(id);
        }
      }
      report(false);
    }
  }

  private void record(String id, StepOutcome outcome) {
    String failureReason = outcome.cancelled() && error != null ? "cancelled: the run failed" : null;
    steps.get(id).end(outcome, now(), failureReason);
    if (outcome.conditionResult() != null) {
      conditionResults.put(id, outcome.conditionResult());
    }
    if (!outcome.success() && error == null) {
      error = "step '" + id + "' failed: " + outcome.error();
      scopes.values().forEach(CancellationScope::cancel);
    }
  }

  /**
   * Sends the run's state to the run index: in the background while the run goes on (the index
   * keeps the newest revision), and waiting for it at the end. A run never fails for its index.
   */
  private void report(boolean wait) {
    RunRequest current = request;
    if (current == null) {
      return;
    }
    RunSnapshot snapshot = new RunSnapshot(Workflow.getInfo().getWorkflowId(), current.tenantId(),
        current.workflowId(), current.version(), current.triggerType(), ++revision, status());
    reports.removeIf(Promise::isCompleted);
    if (!wait) {
      reports.add(Async.procedure(index::record, snapshot));
      return;
    }
    try {
      // the earlier reports first, so the run does not end while their results are still arriving
      Promise.allOf(reports).get();
    } catch (ActivityFailure e) {
      // a lost intermediate report: the final one below supersedes it
    }
    try {
      index.record(snapshot);
    } catch (ActivityFailure e) {
      Workflow.getLogger(DslWorkflowImpl.class).warn("run index not updated for {}: {}", snapshot.executionId(), e.getMessage());
    }
  }

  @Override
  public void signal(String name, Map<String, Object> payload) {
    inbox.add(name, payload == null ? Map.of() : payload);
  }

  @Override
  public RunStatus status() {
    List<StepStatus> views = steps.values().stream().map(StepRecord::view).toList();
    long ended = views.stream().filter(s -> s.status().terminal()).count();
    String current = views.stream()
        .filter(s -> s.status() == StepState.EXECUTING).map(StepStatus::id).findFirst().orElse(null);
    int progress = views.isEmpty() ? 0 : (int) (ended * 100 / views.size());
    return new RunStatus(state, current, progress, views, error, List.copyOf(refusals));
  }

  private Map<String, StepState> states() {
    Map<String, StepState> states = new LinkedHashMap<>();
    steps.forEach((id, step) -> states.put(id, step.state()));
    return states;
  }

  /** The run context {@code {input, steps: {<id>: {output}}}} the step's expressions see. */
  private Map<String, Object> context(RunRequest request) {
    Map<String, Object> done = new LinkedHashMap<>();
    steps.forEach((id, step) -> {
      if (step.state() == StepState.SUCCESS) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("output", step.output());
        done.put(id, entry);
      }
    });
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("input", request.input() == null ? Map.of() : request.input());
    context.put("steps", done);
    return context;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
