package dev.flowgate.worker.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.worker.dsl.RunState;
import dev.flowgate.worker.dsl.RunStatus;
import dev.flowgate.worker.dsl.StepState;
import dev.flowgate.worker.dsl.StepStatus;
import dev.flowgate.worker.runs.RunSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransitionsTest {

  private static StepStatus step(String id, StepState state) {
    return new StepStatus(id, state, state == StepState.QUEUED ? 0 : 1, "2026-01-01T00:00:00Z",
        state.terminal() ? "2026-01-01T00:00:01Z" : null, null, state == StepState.FAILED ? "boom" : null);
  }

  private static RunSnapshot snapshot(RunState state, StepStatus... steps) {
    return new RunSnapshot("x", "00000000-0000-0000-0000-000000000001", "wf", 1, "manual", 7,
        new RunStatus(state, null, 0, List.of(steps), state == RunState.FAILED ? "step 'b' failed" : null));
  }

  private static List<String> names(List<WorkflowTransition> transitions) {
    return transitions.stream().map(t -> switch (t) {
      case WorkflowRunTransitioned run -> "run:" + run.to();
      case WorkflowStepTransitioned step -> step.stepId() + ":" + step.to();
    }).toList();
  }

  @Test
  void a_snapshot_that_jumped_over_states_fills_them_in_in_order() {
    List<WorkflowTransition> transitions = Transitions.between(RunState.PENDING, Map.of(),
        snapshot(RunState.FAILED, step("a", StepState.SUCCESS), step("b", StepState.FAILED), step("c", StepState.SKIPPED)), 1);

    assertThat(names(transitions)).containsExactly("run:RUNNING", "a:QUEUED", "a:EXECUTING", "a:SUCCESS",
        "b:QUEUED", "b:EXECUTING", "b:FAILED", "c:QUEUED", "c:SKIPPED", "run:FAILED");
    assertThat(transitions).extracting(WorkflowTransition::sequence).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    assertThat(((WorkflowRunTransitioned) transitions.getLast()).error()).isEqualTo("step 'b' failed");
    assertThat(((WorkflowStepTransitioned) transitions.get(6)).error()).isEqualTo("boom");
  }

  @Test
  void only_what_changed_since_the_index_is_a_transition() {
    List<WorkflowTransition> transitions = Transitions.between(RunState.RUNNING,
        Map.of("a", StepState.EXECUTING, "b", StepState.QUEUED),
        snapshot(RunState.RUNNING, step("a", StepState.SUCCESS), step("b", StepState.QUEUED)), 5);

    assertThat(names(transitions)).containsExactly("a:SUCCESS");
    WorkflowStepTransitioned success = (WorkflowStepTransitioned) transitions.getFirst();
    assertThat(success.from()).isEqualTo(StepState.EXECUTING);
    assertThat(success.sequence()).isEqualTo(6);
    assertThat(success.at()).isEqualTo("2026-01-01T00:00:01Z");
  }

  @Test
  void a_run_nobody_registered_starts_at_pending_and_an_invalid_one_fails_without_running() {
    assertThat(names(Transitions.between(null, Map.of(), snapshot(RunState.RUNNING, step("a", StepState.QUEUED)), 0)))
        .containsExactly("run:PENDING", "run:RUNNING", "a:QUEUED");
    assertThat(names(Transitions.between(RunState.PENDING, Map.of(), snapshot(RunState.FAILED), 1)))
        .containsExactly("run:FAILED");
  }

  @Test
  void an_unchanged_snapshot_makes_no_transition() {
    assertThat(Transitions.between(RunState.COMPLETED, Map.of("a", StepState.SUCCESS),
        snapshot(RunState.COMPLETED, step("a", StepState.SUCCESS)), 4)).isEmpty();
  }
}
