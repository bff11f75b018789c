package dev.flowgate.worker.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DagPlannerTest {

  private static StepDefinition step(String id, String type, Map<String, Object> config, String... dependsOn) {
    return new StepDefinition(id, type, List.of(dependsOn), config, null, null);
  }

  private static StepDefinition delay(String id, String... dependsOn) {
    return step(id, "delay", Map.of("seconds", 1), dependsOn);
  }

  private static Map<String, StepState> queued(WorkflowDefinition definition) {
    Map<String, StepState> states = new LinkedHashMap<>();
    definition.steps().forEach(s -> states.put(s.id(), StepState.QUEUED));
    return states;
  }

  @Test
  void roots_start_first_and_a_fan_in_waits_for_every_dependency() {
    var definition = new WorkflowDefinition("w", List.of(delay("a"), delay("b"), delay("join", "a", "b")));
    var planner = new DagPlanner(definition);
    Map<String, StepState> states = queued(definition);

    assertThat(planner.next(states, Map.of(), false).start()).containsExactly("a", "b");

    states.put("a", StepState.SUCCESS);
    states.put("b", StepState.EXECUTING);
    assertThat(planner.next(states, Map.of(), false).idle()).isTrue();

    states.put("b", StepState.SUCCESS);
    assertThat(planner.next(states, Map.of(), false).start()).containsExactly("join");
  }

  @Test
  void at_most_ten_steps_run_at_once() {
    var definition = new WorkflowDefinition("w", IntStream.range(0, 15).mapToObj(i -> delay("s" + i)).toList());
    var planner = new DagPlanner(definition);
    Map<String, StepState> states = queued(definition);

    List<String> first = planner.next(states, Map.of(), false).start();
    assertThat(first).hasSize(10).startsWith("s0");

    first.forEach(id -> states.put(id, StepState.EXECUTING));
    states.put("s0", StepState.SUCCESS);
    assertThat(planner.next(states, Map.of(), false).start()).containsExactly("s10");
  }

  @Test
  void a_false_condition_skips_its_true_branch_and_the_skip_flows_down() {
    var definition = new WorkflowDefinition("w", List.of(
        step("c", "condition", Map.of("expression", "x", "onFalse", List.of("no"))),
        delay("yes", "c"), delay("no", "c"), delay("afterYes", "yes")));
    var planner = new DagPlanner(definition);
    Map<String, StepState> states = queued(definition);
    states.put("c", StepState.SUCCESS);

    DagPlanner.Plan plan = planner.next(states, Map.of("c", false), false);
    assertThat(plan.start()).containsExactly("no");
    assertThat(plan.skip()).containsExactly("yes");

    states.put("yes", StepState.SKIPPED);
    assertThat(planner.next(states, Map.of("c", false), false).skip()).containsExactly("afterYes");
  }

  @Test
  void a_true_condition_skips_its_false_branch() {
    var definition = new WorkflowDefinition("w", List.of(
        step("c", "condition", Map.of("expression", "x", "onTrue", List.of("yes"), "onFalse", List.of("no"))),
        delay("yes", "c"), delay("no", "c")));
    Map<String, StepState> states = queued(definition);
    states.put("c", StepState.SUCCESS);

    DagPlanner.Plan plan = new DagPlanner(definition).next(states, Map.of("c", true), false);
    assertThat(plan.start()).containsExactly("yes");
    assertThat(plan.skip()).containsExactly("no");
  }

  @Test
  void a_join_after_an_if_else_runs_when_one_branch_ran() {
    var definition = new WorkflowDefinition("w", List.of(delay("yes"), delay("no"), delay("join", "yes", "no")));
    Map<String, StepState> states = new HashMap<>(Map.of(
        "yes", StepState.SUCCESS, "no", StepState.SKIPPED, "join", StepState.QUEUED));

    assertThat(new DagPlanner(definition).next(states, Map.of(), false).start()).containsExactly("join");
  }

  @Test
  void a_failing_run_starts_nothing_new_and_skips_what_is_queued() {
    var definition = new WorkflowDefinition("w", List.of(delay("a"), delay("b"), delay("c", "a")));
    Map<String, StepState> states = queued(definition);
    states.put("a", StepState.FAILED);
    states.put("b", StepState.EXECUTING);

    DagPlanner.Plan plan = new DagPlanner(definition).next(states, Map.of(), true);
    assertThat(plan.start()).isEmpty();
    assertThat(plan.skip()).containsExactly("c");
  }

  @Test
  void cycles_and_the_steps_behind_them_are_found() {
    var planner = new DagPlanner(new WorkflowDefinition("w", List.of(
        delay("root"), delay("a", "root", "b"), delay("b", "a"), delay("tail", "b"))));

    assertThat(planner.stepsOnCycles()).containsExactly("a", "b");
    assertThat(planner.stepsAfterCycles()).containsExactly("tail");
  }
}
