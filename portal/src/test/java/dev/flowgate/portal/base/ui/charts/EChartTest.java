package dev.flowgate.portal.base.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EChartTest {

  @Test
  void the_option_reaches_the_browser_and_its_data_reads_as_a_table_by_category() {
    EChart chart = new EChart("Calls per hour");

    chart.setOption("""
        {"xAxis": {"type": "category", "name": "Hour", "data": ["10:00", "11:00"]}, "yAxis": {"type": "value"},
         "series": [{"name": "Calls", "type": "bar", "data": [12, 30]}, {"name": "Errors", "type": "line", "data": [1, {"value": 2}]}]}""");

    assertThat(chart.getElement().getProperty("option")).contains("\"11:00\"").contains("\"Errors\"");
    assertThat(chart.dataTable()).containsExactly(List.of("Hour", "Calls", "Errors"), List.of("10:00", "12", "1"), List.of("11:00", "30", "2"));
    assertThat(chart.getElement().getAttribute("aria-label")).isEqualTo("Calls per hour");
    assertThat(chart.getElement().getAttribute("role")).isEqualTo("figure");
    var table = chart.getElement().getChild(0);
    assertThat(table.getTag()).isEqualTo("table");
    assertThat(table.getChild(0).getText()).isEqualTo("Calls per hour");
    assertThat(table.getChildCount()).isEqualTo(4);
  }

  @Test
  void time_series_pairs_and_pie_slices_read_as_tables_too() {
    EChart chart = new EChart("Latency");
    chart.setOption("""
        {"xAxis": {"type": "time"}, "series": [{"name": "p99", "type": "line", "data": [["2026-11-23T10:00:00Z", 120]]}]}""");
    assertThat(chart.dataTable()).containsExactly(List.of("x", "p99"), List.of("2026-11-23T10:00:00Z", "120"));

    chart.setOption("""
        {"series": [{"name": "Calls", "type": "pie", "data": [{"name": "orders", "value": 7}]}]}""");
    assertThat(chart.dataTable()).containsExactly(List.of("Name", "Calls"), List.of("orders", "7"));
  }

  @Test
  void text_that_is_not_a_json_object_is_refused() {
    EChart chart = new EChart("x");
    assertThatThrownBy(() -> chart.setOption("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> chart.setOption("{oops")).isInstanceOf(IllegalArgumentException.class);
  }
}
