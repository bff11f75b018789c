package dev.flowgate.portal.usage;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The summary row: calls, errors, server errors and bytes over the range, and latency percentiles.
 * Percentiles of different buckets cannot be merged exactly, so the row shows the highest
 * bucket's value for each ("worst hour" or "worst day"), which never understates latency.
 */
class UsageSummary extends Div {

  final Span calls = value("usage-total-calls");
  final Span errors = value("usage-total-errors");
  final Span serverErrors = value("usage-total-server-errors");
  final Span bytes = value("usage-total-bytes");
  final Span p50 = value("usage-latency-p50");
  final Span p95 = value("usage-latency-p95");
  final Span p99 = value("usage-latency-p99");

  UsageSummary() {
    setId("usage-summary");
    addClassName("flowgate-card");
    getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");
    add(metric(calls, "Calls"), metric(errors, "Errors (4xx and 5xx)"), metric(serverErrors, "Server errors (5xx)"),
        metric(bytes, "Bytes in / out"), metric(p50, "p50 (worst bucket)"), metric(p95, "p95 (worst bucket)"),
        metric(p99, "p99 (worst bucket)"));
  }

  void show(JsonNode totals, List<JsonNode> points) {
    calls.setText(String.valueOf(totals.path("calls").asLong(0)));
    errors.setText(String.valueOf(totals.path("errors").asLong(0)));
    serverErrors.setText(String.valueOf(totals.path("serverErrors").asLong(0)));
    bytes.setText(bytes(totals.path("requestBytes").asLong(0)) + " / " + bytes(totals.path("responseBytes").asLong(0)));
    p50.setText(worst(points, "latencyP50Ms"));
    p95.setText(worst(points, "latencyP95Ms"));
    p99.setText(worst(points, "latencyP99Ms"));
  }

  void clear() {
    List.of(calls, errors, serverErrors, bytes, p50, p95, p99).forEach(s -> s.setText("–"));
  }

  private static String worst(List<JsonNode> points, String field) {
    return points.stream().filter(p -> p.path("calls").asLong(0) > 0).mapToLong(p -> p.path(field).asLong(0)).max()
        .stream().mapToObj(ms -> ms + " ms").findFirst().orElse("–");
  }

  /** Bytes in binary units with one decimal, e.g. {@code 1.5 KiB}. */
  static String bytes(long value) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    long scale = 1;
    while (unit < units.length - 1 && value >= scale * 1024) {
      scale *= 1024;
      unit++;
    }
    return unit == 0 ? value + " B"
        : BigDecimal.valueOf(value).divide(BigDecimal.valueOf(scale), 1, RoundingMode.HALF_UP).toPlainString() + " " + units[unit];
  }

  private static Span value(String id) {
    Span value = new Span("–");
    value.setId(id);
    value.addClassName("flowgate-metric-value");
    value.getStyle().set("font-size", "var(--lumo-font-size-xl)");
    return value;
  }

  private static Div metric(Span value, String label) {
    Span caption = new Span(label);
    caption.addClassName("flowgate-metric-label");
    Div metric = new Div(value, caption);
    metric.addClassName("flowgate-metric");
    return metric;
  }
}
