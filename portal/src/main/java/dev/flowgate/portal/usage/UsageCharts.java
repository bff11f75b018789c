package dev.flowgate.portal.usage;

import com.vaadin.flow.component.html.Div;
import dev.flowgate.portal.base.ui.charts.CategoryChartOption;
import dev.flowgate.portal.base.ui.charts.EChart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The usage charts: calls and errors per bucket, latency percentiles per bucket, and, when the
 * series is grouped, calls and errors by key or route. Grouped points of one bucket are summed
 * for the calls chart and their worst percentile is shown for latency (percentiles do not add).
 */
class UsageCharts extends Div {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  final EChart traffic = new EChart("Calls and errors over time");
  final EChart latency = new EChart("Latency percentiles over time (p50, p95, p99)");
  final EChart byGroup = new EChart("Calls and errors by group");

  UsageCharts() {
    setId("usage-charts");
    traffic.setId("usage-chart-traffic");
    latency.setId("usage-chart-latency");
    byGroup.setId("usage-chart-by-group");
    getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(22rem, 1fr))")
        .set("gap", "var(--lumo-space-m)");
    add(card("Calls and errors", traffic), card("Latency", latency), card("By key or route", byGroup));
    byGroup.getParent().ifPresent(c -> c.setVisible(false));
  }

  /**
   * @param bucketLabel how a bucket start reads on the x axis
   * @param groupLabel a key's or route's display name by id
   * @param grouping {@code none}, {@code key} or {@code route}
   */
  void show(List<JsonNode> points, Function<String, String> bucketLabel, Function<String, String> groupLabel, String grouping) {
    Map<String, List<JsonNode>> byBucket = new LinkedHashMap<>();
    points.forEach(p -> byBucket.computeIfAbsent(p.path("bucketStart").asString(""), k -> new java.util.ArrayList<>()).add(p));
    ArrayNode buckets = NODES.arrayNode();
    byBucket.keySet().forEach(b -> buckets.add(bucketLabel.apply(b)));

    traffic.setOption(chart(buckets, "Calls",
        series("Calls", "bar", byBucket, sum("calls")), series("Errors", "line", byBucket, sum("errors")),
        series("5xx", "line", byBucket, sum("serverErrors"))));
    latency.setOption(chart(buckets, "ms",
        series("p50", "line", byBucket, max("latencyP50Ms")), series("p95", "line", byBucket, max("latencyP95Ms")),
        series("p99", "line", byBucket, max("latencyP99Ms"))));

    boolean grouped = !grouping.equals("none");
    byGroup.getParent().ifPresent(c -> c.setVisible(grouped));
    if (grouped) {
      String what = grouping.equals("key") ? "API key" : "Route";
      byGroup.getParent().flatMap(c -> c.getChildren().findFirst()).ifPresent(h -> ((com.vaadin.flow.component.HasText) h).setText("By " + what.toLowerCase(java.util.Locale.ROOT)));
      byGroup.setAriaLabel("Calls and errors by " + what.toLowerCase(java.util.Locale.ROOT));
      Map<String, List<JsonNode>> perGroup = new LinkedHashMap<>();
      points.forEach(p -> perGroup.computeIfAbsent(groupLabel.apply(p.path("group").asString("")), k -> new java.util.ArrayList<>()).add(p));
      ArrayNode groups = NODES.arrayNode();
      perGroup.keySet().forEach(groups::add);
      ObjectNode option = chart(groups, "Calls", series("Calls", "bar", perGroup, sum("calls")),
          series("Errors", "bar", perGroup, sum("errors")));
      ((ObjectNode) option.path("xAxis")).put("name", what);
      byGroup.setOption(option);
    }
  }

  void clear() {
    show(List.of(), b -> b, g -> g, "none");
  }

  private static ObjectNode chart(ArrayNode categories, String yName, ObjectNode... series) {
    return CategoryChartOption.of(categories, "Bucket (UTC)", yName, series);
  }

  private static ObjectNode series(String name, String type, Map<String, List<JsonNode>> grouped, ToLongFunction<List<JsonNode>> value) {
    ObjectNode series = NODES.objectNode().put("name", name).put("type", type);
    if (type.equals("line")) {
      series.put("smooth", false).put("symbolSize", 6);
    }
    ArrayNode data = series.putArray("data");
    grouped.values().forEach(points -> data.add(value.applyAsLong(points)));
    return series;
  }

  private static ToLongFunction<List<JsonNode>> sum(String field) {
    return points -> points.stream().mapToLong(p -> p.path(field).asLong(0)).sum();
  }

  private static ToLongFunction<List<JsonNode>> max(String field) {
    return points -> points.stream().filter(p -> p.path("calls").asLong(0) > 0).mapToLong(p -> p.path(field).asLong(0)).max().orElse(0);
  }

  private static Div card(String title, EChart chart) {
    Div card = new Div(new com.vaadin.flow.component.html.H3(title), chart);
    card.addClassName("flowgate-card");
    return card;
  }
}
