package dev.flowgate.portal.base.ui.charts;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The ECharts option of the portal's usage charts: series over a category axis, one look everywhere. */
public final class CategoryChartOption {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CategoryChartOption() {}

  public static ObjectNode of(ArrayNode categories, String xName, String yName, ObjectNode... series) {
    ObjectNode option = NODES.objectNode();
    option.putObject("tooltip").put("trigger", "axis");
    option.putObject("legend").put("top", 0);
    option.putObject("grid").put("left", 48).put("right", 16).put("top", 36).put("bottom", 28);
    option.putObject("xAxis").put("type", "category").put("name", xName).set("data", categories);
    option.putObject("yAxis").put("type", "value").put("name", yName).put("minInterval", 1);
    ArrayNode all = option.putArray("series");
    for (ObjectNode s : series) {
      all.add(s);
    }
    return option;
  }
}
