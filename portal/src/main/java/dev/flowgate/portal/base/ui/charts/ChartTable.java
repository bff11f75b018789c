package dev.flowgate.portal.base.ui.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The data of an ECharts option as table rows (header first): pie slices as name/value; other
 * series by category ({@code xAxis.data}) or by their own x values ({@code [x, y]} pairs).
 */
final class ChartTable {

  /** A screen reader's table, not an export: long series are cut. */
  static final int MAX_ROWS = 500;

  private ChartTable() {}

  static List<List<String>> of(JsonNode option) {
    List<JsonNode> series = new ArrayList<>();
    JsonNode raw = option.path("series");
    if (raw.isArray()) {
      raw.forEach(series::add);
    } else if (raw.isObject()) {
      series.add(raw);
    }
    if (series.isEmpty()) {
      return List.of();
    }
    if (series.getFirst().path("type").asString("").equals("pie")) {
      return pie(series.getFirst());
    }
    JsonNode axis = option.path("xAxis").isArray() ? option.path("xAxis").path(0) : option.path("xAxis");
    List<String> header = new ArrayList<>();
    header.add(axis.path("name").asString("").isEmpty() ? "x" : axis.path("name").asString());
    for (int i = 0; i < series.size(); i++) {
      header.add(series.get(i).path("name").asString("Series " + (i + 1)));
    }
    Map<String, String[]> rows = new LinkedHashMap<>();
    JsonNode categories = axis.path("data");
    for (int s = 0; s < series.size(); s++) {
      JsonNode data = series.get(s).path("data");
      for (int i = 0; i < data.size(); i++) {
        JsonNode point = data.get(i);
        JsonNode value = point.isObject() ? point.path("value") : point;
        String x = value.isArray() ? text(value.path(0)) : categories.has(i) ? text(categories.get(i)) : String.valueOf(i + 1);
        String y = value.isArray() ? text(value.path(1)) : text(value);
        if (rows.size() < MAX_ROWS || rows.containsKey(x)) {
          rows.computeIfAbsent(x, k -> new String[series.size()])[s] = y;
        }
      }
    }
    List<List<String>> table = new ArrayList<>();
    table.add(header);
    rows.forEach((x, values) -> {
      List<String> row = new ArrayList<>();
      row.add(x);
      for (String v : values) {
        row.add(v == null ? "" : v);
      }
      table.add(row);
    });
    return table;
  }

  private static List<List<String>> pie(JsonNode series) {
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("Name", series.path("name").asString("Value")));
    series.path("data").forEach(d -> {
      if (table.size() <= MAX_ROWS) {
        table.add(List.of(d.path("name").asString(""), text(d.path("value"))));
      }
    });
    return table;
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "" : node.isString() ? node.asString() : node.toString();
  }
}
