package dev.flowgate.worker.events;

import dev.flowgate.worker.dsl.RunState;
import dev.flowgate.worker.dsl.StepState;
import dev.flowgate.worker.dsl.StepStatus;
import dev.flowgate.worker.runs.RunSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The transitions between what the run index held and a newer snapshot of the run.
 *
 * <p>Snapshots are reported in the background and the index keeps only the newest, so one snapshot
 * may jump over states (a step QUEUED before, SUCCESS now). States only move forward along
 * PENDING → RUNNING → COMPLETED|FAILED|CANCELLED and QUEUED → EXECUTING → SUCCESS|FAILED
 * (or QUEUED → SKIPPED), so the states jumped over are filled in: every run and step goes through
 * the whole path on {@code workflow.events}. Order: the run's RUNNING, then the steps in definition
 * order, then the run's end.
 */
public final class Transitions {

  private Transitions() {}

  /** A run's first transition: registered, not started yet. */
  public static WorkflowRunTransitioned pending(
      String executionId, String tenantId, @Nullable String workflowId, @Nullable Integer version, String triggerType) {
    return new WorkflowRunTransitioned(executionId, tenantId, workflowId, version, triggerType, null, RunState.PENDING,
        null, 1, 0);
  }

  /**
   * @param before the run's state in the index, null when it had no row
   * @param stepsBefore the steps' states in the index
   * @param lastSequence the sequence number of the run's last published transition
   */
  public static List<WorkflowTransition> between(
      @Nullable RunState before, Map<String, StepState> stepsBefore, RunSnapshot snapshot, long lastSequence) {
    List<WorkflowTransition> out = new ArrayList<>();
    long[] sequence = {lastSequence};
    RunState now = snapshot.status().status();
    List<RunState> runPath = runPath(before, now, !snapshot.status().steps().isEmpty());
    RunState from = before;
    // RUNNING (and PENDING for a run nobody registered) before any step moves; the end after them
    int split = runPath.isEmpty() || !terminal(runPath.getLast()) ? runPath.size() : runPath.size() - 1;
    for (RunState to : runPath.subList(0, split)) {
      out.add(run(snapshot, from, to, null, ++sequence[0]));
      from = to;
    }
    for (StepStatus step : snapshot.status().steps()) {
      StepState stepFrom = stepsBefore.get(step.id());
      for (StepState to : stepPath(stepFrom, step.status())) {
        String at = to == StepState.EXECUTING ? step.startedAt() : to.terminal() ? step.endedAt() : null;
        out.add(new WorkflowStepTransitioned(snapshot.executionId(), snapshot.tenantId(), snapshot.workflowId(),
            step.id(), stepFrom, to, step.attempts(), at, to.terminal() ? step.error() : null, ++sequence[0],
            snapshot.revision()));
        stepFrom = to;
      }
    }
    for (RunState to : runPath.subList(split, runPath.size())) {
      out.add(run(snapshot, from, to, snapshot.status().error(), ++sequence[0]));
    }
    return out;
  }

  private static WorkflowRunTransitioned run(
      RunSnapshot snapshot, @Nullable RunState from, RunState to, @Nullable String error, long sequence) {
    return new WorkflowRunTransitioned(snapshot.executionId(), snapshot.tenantId(), snapshot.workflowId(),
        snapshot.version(), snapshot.triggerType(), from, to, error, sequence, snapshot.revision());
  }

  /** The states after {@code before} up to {@code now}; RUNNING only when the run has steps to run. */
  static List<RunState> runPath(@Nullable RunState before, RunState now, boolean hasSteps) {
    List<RunState> path = new ArrayList<>(List.of(RunState.PENDING));
    if (now != RunState.PENDING && (now == RunState.RUNNING || hasSteps)) {
      path.add(RunState.RUNNING);
    }
    if (terminal(now)) {
      path.add(now);
    }
    return after(path, before, now);
  }

  static List<StepState> stepPath(@Nullable StepState before, StepState now) {
    List<StepState> path = switch (now) {
      case QUEUED -> List.of(StepState.QUEUED);
      case EXECUTING -> List.of(StepState.QUEUED, StepState.EXECUTING);
      case SKIPPED -> List.of(StepState.QUEUED, StepState.SKIPPED);
      case SUCCESS, FAILED -> List.of(StepState.QUEUED, StepState.EXECUTING, now);
    };
    return after(path, before, now);
  }

  /** The part of {@code path} after {@code before}; nothing when {@code before} is {@code now} or ended. */
  private static <S> List<S> after(List<S> path, @Nullable S before, S now) {
    if (before == null) {
      return path;
    }
    if (before.equals(now)) {
      return List.of();
    }
    int at = path.indexOf(before);
    return at < 0 ? List.of(now) : List.copyOf(path.subList(at + 1, path.size()));
  }

  private static boolean terminal(RunState state) {
    return state == RunState.COMPLETED || state == RunState.FAILED || state == RunState.CANCELLED;
  }
}
