package dev.flowgate.portal.apikeys;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.ui.charts.CategoryChartOption;
import dev.flowgate.portal.base.ui.charts.EChart;
import dev.flowgate.portal.usage.UsageClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One key's usage over a chosen window (24 hours or 7 days by hour, 30 days by day): calls and
 * errors, and latency percentiles. The chart and the figures always follow the chosen window.
 */
class KeyUsagePanel extends Div {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  final Select<KeyUsageWindow> window = new Select<>();
  final EChart traffic = new EChart("Calls and errors");
  final EChart latency = new EChart("Latency percentiles (p50, p95, p99)");
  final Paragraph summary = new Paragraph();
  private final UsageClient usage;
  private final Clock clock;
  private @Nullable Actor actor;
  private @Nullable KeyView key;

  KeyUsagePanel(UsageClient usage, Clock clock) {
    this.usage = usage;
    this.clock = clock;
    setId("key-usage");
    traffic.setId("key-usage-traffic");
    latency.setId("key-usage-latency");
    traffic.setHeight("14rem");
    latency.setHeight("14rem");
    summary.setId("key-usage-summary");
    summary.addClassName("flowgate-muted");
    window.setId("key-usage-window");
    window.setLabel("Window");
    window.setItems(KeyUsageWindow.values());
    window.setItemLabelGenerator(w -> "Last " + w.label);
    window.setValue(KeyUsageWindow.DAY);
    window.addValueChangeListener(e -> {
      if (actor != null && key != null) {
        show(actor, key);
      }
    });
    Div charts = new Div(chart("Calls and errors", traffic), chart("Latency (ms)", latency));
    charts.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(20rem, 1fr))")
        .set("gap", "var(--lumo-space-m)");
    add(window, summary, charts);
  }

  void show(Actor actor, KeyView key) {
    this.actor = actor;
    this.key = key;
    KeyUsageWindow chosen = window.getValue();
    Instant to = clock.instant();
    Instant from = chosen.from(to);
    List<JsonNode> points = new ArrayList<>();
    try {
      for (JsonNode point : usage.usage(actor.tenantId(), from, to, chosen.granularity(), "key").path("series")) {
        if (key.id().toString().equals(point.path("group").asString(""))) {
          points.add(point);
        }
      }
    } catch (UnavailableException e) {
      summary.setText("Usage is unavailable right now: billing did not answer.");
      return;
    }
    long calls = points.stream().mapToLong(p -> p.path("calls").asLong(0)).sum();
    long errors = points.stream().mapToLong(p -> p.path("errors").asLong(0)).sum();
    summary.setText(calls + " calls, " + errors + " errors in the last " + chosen.label + " (UTC " + chosen.bucketName() + "s).");
    ArrayNode buckets = NODES.arrayNode();
    points.forEach(p -> buckets.add(chosen.format(Instant.parse(p.path("bucketStart").asString()))));
    String axis = chosen.bucket == ChronoUnit.DAYS ? "Day (UTC)" : "Hour (UTC)";
    traffic.setAriaLabel("Calls and errors per " + chosen.bucketName() + ", last " + chosen.label);
    latency.setAriaLabel("Latency percentiles per " + chosen.bucketName() + " (p50, p95, p99), last " + chosen.label);
    traffic.setOption(option(buckets, axis, "Calls", series("Calls", "bar", points, "calls"), series("Errors", "line", points, "errors")));
    latency.setOption(option(buckets, axis, "ms", series("p50", "line", points, "latencyP50Ms"),
        series("p95", "line", points, "latencyP95Ms"), series("p99", "line", points, "latencyP99Ms")));
  }

  private static ObjectNode option(ArrayNode categories, String xName, String yName, ObjectNode... series) {
    return CategoryChartOption.of(categories, xName, yName, series);
  }

  private static ObjectNode series(String name, String type, List<JsonNode> points, String field) {
    ObjectNode series = NODES.objectNode().put("name", name).put("type", type);
    ArrayNode data = series.putArray("data");
    points.forEach(p -> data.add(p.path(field).asLong(0)));
    return series;
  }

  private static Div chart(String title, EChart chart) {
    return new Div(new H4(title), chart);
  }
}
