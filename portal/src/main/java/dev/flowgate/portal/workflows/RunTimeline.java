package dev.flowgate.portal.workflows;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's steps as a Gantt-like ECharts option: one row per step (first step on top), a bar from
 * the step's start to its end in seconds since the run started, coloured by the step's state.
 * It is a stacked horizontal bar chart: a transparent "offset" series carries each bar to its
 * start, then one series per state holds the durations, so the legend names the colours. A step
 * still executing runs until {@code now}; one not started has no bar.
 */
final class RunTimeline {

  /** Step-state colours, readable on the light and the dark surface alike. */
  static final Map<String, String> COLOURS = colours();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RunTimeline() {}

  static ObjectNode option(WorkflowRun run, Instant now) {
    List<WorkflowRun.Step> steps = run.steps();
    Instant origin = origin(run);
    ArrayNode categories = NODES.arrayNode();
    ArrayNode offsets = NODES.arrayNode();
    Map<String, ArrayNode> durations = new LinkedHashMap<>();
    COLOURS.keySet().forEach(state -> durations.put(state, NODES.arrayNode()));
    for (WorkflowRun.Step step : steps) {
      categories.add(step.id());
      Duration took = step.duration(now);
      offsets.add(step.startedAt() == null ? 0 : seconds(Duration.between(origin, step.startedAt())));
      durations.forEach((state, data) -> data.add(state.equals(step.status()) && took != null ? seconds(took) : 0));
    }
    ObjectNode option = NODES.objectNode();
    option.putObject("tooltip").put("trigger", "item").put("formatter", "{b}: {a}, {c} s");
    option.putObject("legend").put("top", 0).putArray("data").addAll(durations.keySet().stream().map(NODES::textNode).toList());
    option.putObject("grid").put("left", 16).put("right", 24).put("top", 36).put("bottom", 28).put("containLabel", true);
    option.putObject("xAxis").put("type", "value").put("name", "s").put("min", 0);
    ObjectNode yAxis = option.putObject("yAxis").put("type", "category").put("inverse", true);
    yAxis.set("data", categories);
    ArrayNode series = option.putArray("series");
    ObjectNode offset = series.addObject().put("name", "offset").put("type", "bar").put("stack", "steps").put("silent", true);
    offset.putObject("itemStyle").put("color", "transparent").put("borderColor", "transparent");
    offset.putObject("tooltip").put("show", false);
    offset.putObject("emphasis").put("disabled", true);
    offset.set("data", offsets);
    durations.forEach((state, data) -> {
      ObjectNode bar = series.addObject().put("name", state).put("type", "bar").put("stack", "steps").put("barMaxWidth", 22);
      bar.putObject("itemStyle").put("color", COLOURS.get(state)).put("borderRadius", 3);
      bar.set("data", data);
    });
    return option;
  }

  /** The run's start: its creation, or its first step's start when that is earlier or unknown. */
  private static Instant origin(WorkflowRun run) {
    Instant origin = run.createdAt();
    for (WorkflowRun.Step step : run.steps()) {
      if (step.startedAt() != null && (origin == null || step.startedAt().isBefore(origin))) {
        origin = step.startedAt();
      }
    }
    return origin == null ? Instant.EPOCH : origin;
  }

  private static double seconds(Duration duration) {
    return Math.max(0, duration.toMillis()) / 1000.0;
  }

  private static Map<String, String> colours() {
    Map<String, String> colours = new LinkedHashMap<>();
    colours.put("SUCCESS", "#2e9e5b");
    colours.put("EXECUTING", "#3b82f6");
    colours.put("FAILED", "#d64545");
    colours.put("QUEUED", "#8a94a6");
    colours.put("SKIPPED", "#c08a2e");
    return Collections.unmodifiableMap(colours);
  }
}
