package dev.flowgate.portal.billingteam;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revenue per month as an ECharts option: what was invoiced, stacked by plan, and what of it was paid, as a
 * line. Amounts of different currencies do not add up, so the chart shows one currency (the one
 * with the most invoiced; the grid beside it lists every currency). Values are major units
 * scaled from billing's minor units with the currency's own fraction digits, as decimals.
 */
final class RevenueChart {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RevenueChart() {}

  /** What a screen reader hears for the chart of {@code revenue}. */
  static String label(JsonNode revenue) {
    return "Revenue by month in " + mainCurrency(revenue) + ": invoiced per plan and paid";
  }

  /** @param revenue billing's answer: {@code months} (oldest first) and {@code byPlan} */
  static ObjectNode option(JsonNode revenue) {
    String currency = mainCurrency(revenue);
    List<String> periods = new ArrayList<>(new TreeSet<>(revenue.path("months").findValuesAsString("period")));
    Map<String, Map<String, Long>> byPlan = new LinkedHashMap<>();
    for (JsonNode row : revenue.path("byPlan")) {
      if (row.path("currency").asString("").equals(currency)) {
        byPlan.computeIfAbsent(row.path("planCode").asString(""), p -> new LinkedHashMap<>())
            .merge(row.path("period").asString(""), row.path("invoicedMinor").asLong(0), Long::sum);
      }
    }
    Map<String, Long> paid = new LinkedHashMap<>();
    for (JsonNode row : revenue.path("months")) {
      if (row.path("currency").asString("").equals(currency)) {
        paid.merge(row.path("period").asString(""), row.path("paidMinor").asLong(0), Long::sum);
      }
    }

    ObjectNode option = NODES.objectNode();
    option.putObject("tooltip").put("trigger", "axis");
    option.putObject("legend").put("top", 0);
    option.putObject("grid").put("left", 64).put("right", 16).put("top", 40).put("bottom", 28);
    ArrayNode categories = option.putObject("xAxis").put("type", "category").put("name", "Month (UTC)").putArray("data");
    periods.forEach(categories::add);
    option.putObject("yAxis").put("type", "value").put("name", currency);
    ArrayNode series = option.putArray("series");
    byPlan.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(plan ->
        series.add(series("Invoiced · " + plan.getKey(), "bar", periods, plan.getValue(), currency).put("stack", "invoiced")));
    series.add(series("Paid", "line", periods, paid, currency).put("symbolSize", 6));
    return option;
  }

  /** The currency with the most invoiced over the months shown; USD when nothing was invoiced. */
  static String mainCurrency(JsonNode revenue) {
    Map<String, Long> invoiced = new LinkedHashMap<>();
    for (JsonNode row : revenue.path("months")) {
      invoiced.merge(row.path("currency").asString("USD"), row.path("invoicedMinor").asLong(0), Long::sum);
    }
    return invoiced.entrySet().stream().max(Comparator.comparingLong(Map.Entry<String, Long>::getValue))
        .map(Map.Entry::getKey).orElse("USD");
  }

  private static ObjectNode series(String name, String type, List<String> periods, Map<String, Long> minorByPeriod,
      String currency) {
    ObjectNode series = NODES.objectNode().put("name", name).put("type", type);
    ArrayNode data = series.putArray("data");
    int digits = fractionDigits(currency);
    periods.forEach(p -> data.add(BigDecimal.valueOf(minorByPeriod.getOrDefault(p, 0L), digits)));
    return series;
  }

  private static int fractionDigits(String currency) {
    try {
      return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    } catch (IllegalArgumentException unknown) {
      return 0;
    }
  }
}
