package dev.flowgate.portal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class RunTimelineTest {

  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

  private static WorkflowRun run(WorkflowRun.Step... steps) {
    return new WorkflowRun("run-1", "wf", 1, "manual", "RUNNING", null, 50, List.of(steps), null, null, START, START);
  }

  private static WorkflowRun.Step step(String id, String status, Integer startS, Integer endS) {
    return new WorkflowRun.Step(id, status, 1, startS == null ? null : START.plusSeconds(startS),
        endS == null ? null : START.plusSeconds(endS), null, null);
  }

  private static List<Double> data(ObjectNode option, String series) {
    List<Double> values = new ArrayList<>();
    for (JsonNode s : option.path("series")) {
      if (s.path("name").asString().equals(series)) {
        s.path("data").forEach(v -> values.add(v.asDouble()));
      }
    }
    return values;
  }

  @Test
  void each_step_is_a_bar_from_its_start_to_its_end_in_the_colour_of_its_state() {
    ObjectNode option = RunTimeline.option(run(step("fetch", "SUCCESS", 0, 2), step("call", "FAILED", 2, 5)), START.plusSeconds(9));

    assertThat(option.path("yAxis").path("data").toString()).isEqualTo("[\"fetch\",\"call\"]");
    assertThat(data(option, "offset")).containsExactly(0.0, 2.0);
    assertThat(data(option, "SUCCESS")).containsExactly(2.0, 0.0);
    assertThat(data(option, "FAILED")).containsExactly(0.0, 3.0);
    for (JsonNode series : option.path("series")) {
      if (series.path("name").asString().equals("FAILED")) {
        assertThat(series.path("itemStyle").path("color").asString()).isEqualTo(RunTimeline.COLOURS.get("FAILED"));
      }
    }
  }

  @Test
  void the_offset_bars_are_invisible_and_every_bar_shares_one_stack() {
    ObjectNode option = RunTimeline.option(run(step("a", "SUCCESS", 0, 1)), START.plusSeconds(1));

    JsonNode offset = option.path("series").get(0);
    assertThat(offset.path("itemStyle").path("color").asString()).isEqualTo("transparent");
    assertThat(offset.path("tooltip").path("show").asBoolean(true)).isFalse();
    option.path("series").forEach(s -> assertThat(s.path("stack").asString()).isEqualTo("steps"));
  }

  @Test
  void an_executing_step_runs_until_now_and_a_queued_one_has_no_bar() {
    ObjectNode option = RunTimeline.option(run(step("wait", "EXECUTING", 1, null), step("after", "QUEUED", null, null)),
        START.plusSeconds(4));

    assertThat(data(option, "EXECUTING")).containsExactly(3.0, 0.0);
    assertThat(data(option, "offset")).containsExactly(1.0, 0.0);
    assertThat(data(option, "QUEUED")).containsExactly(0.0, 0.0);
  }
}
