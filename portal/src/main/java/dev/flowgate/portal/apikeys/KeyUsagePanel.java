package dev.flowgate.portal.apikeys;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.ui.charts.CategoryChartOption;
import dev.flowgate.portal.base.ui.charts.EChart;
import dev.flowgate.portal.usage.UsageClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One key's last 24 hours, hour by hour: calls and errors, and latency percentiles. */
class KeyUsagePanel extends Div {

  static final Duration WINDOW = Duration.ofHours(24);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);

  final EChart traffic = new EChart("Calls and errors per hour, last 24 hours");
  final EChart latency = new EChart("Latency percentiles per hour (p50, p95, p99), last 24 hours");
  final Paragraph summary = new Paragraph();
  private final UsageClient usage;
  private final Clock clock;

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
    Div charts = new Div(chart("Calls and errors", traffic), chart("Latency (ms)", latency));
    charts.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(20rem, 1fr))")
        .set("gap", "var(--lumo-space-m)");
    add(summary, charts);
  }

  void show(Actor actor, KeyView key) {
    Instant to = clock.instant();
    Instant from = to.truncatedTo(ChronoUnit.HOURS).minus(WINDOW.minusHours(1));
    List<JsonNode> points = new ArrayList<>();
    try {
      for (JsonNode point : usage.usage(actor.tenantId(), from, to, "hour", "key").path("series")) {
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
    summary.setText(calls + " calls, " + errors + " errors in the last 24 hours (UTC hours).");
    ArrayNode hours = NODES.arrayNode();
    points.forEach(p -> hours.add(HOUR.format(Instant.parse(p.path("bucketStart").asString()))));
    traffic.setOption(option(hours, "Calls", series("Calls", "bar", points, "calls"), series("Errors", "line", points, "errors")));
    latency.setOption(option(hours, "ms", series("p50", "line", points, "latencyP50Ms"),
        series("p95", "line", points, "latencyP95Ms"), series("p99", "line", points, "latencyP99Ms")));
  }

  private static ObjectNode option(ArrayNode categories, String yName, ObjectNode... series) {
    return CategoryChartOption.of(categories, "Hour (UTC)", yName, series);
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
