package dev.flowgate.portal.base.ui.charts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.dom.Element;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Apache ECharts chart. Give it an ECharts option (https://echarts.apache.org/en/option.html)
 * as JSON text or a Jackson node (bar, line, pie and scatter series with grid, dataset, legend,
 * tooltip, title and mark lines are registered in {@code charts/flowgate-echart.ts}); the browser draws it with the 'dark' theme while the page is
 * dark. For screen readers the element is a labelled figure whose canvas is hidden and which
 * holds a visually hidden table of the option's data (categories or x values by series, or pie
 * slices), rebuilt on every {@link #setOption}.
 *
 * <pre>{@code
 * EChart calls = new EChart("Calls per hour");
 * calls.setHeight("16rem");
 * calls.setOption("""
 *     {"xAxis": {"type": "category", "data": ["10:00", "11:00"]}, "yAxis": {"type": "value"},
 *      "series": [{"name": "Calls", "type": "line", "data": [12, 30]}]}""");
 * }</pre>
 */
@Tag("flowgate-echart")
@JsModule("./charts/flowgate-echart.ts")
@NpmPackage(value = "echarts", version = "6.1.0")
public class EChart extends Component implements HasSize {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Element table = new Element("table");
  private JsonNode option = JSON.createObjectNode();

  /** @param label what the chart shows, read out by screen readers (e.g. "Calls and errors per hour") */
  public EChart(String label) {
    getElement().setAttribute("role", "figure");
    table.getClassList().add("fg-visually-hidden");
    getElement().appendChild(table);
    setAriaLabel(label);
    setHeight("18rem");
    setOption(option);
  }

  public void setAriaLabel(String label) {
    getElement().setAttribute("aria-label", label);
    renderTable();
  }

  /** @throws IllegalArgumentException when the text is not a JSON object */
  public void setOption(String json) {
    try {
      setOption(JSON.readTree(json));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a JSON ECharts option: " + e.getOriginalMessage(), e);
    }
  }

  /** Replaces the whole option (nothing is merged with the previous one). */
  public void setOption(JsonNode option) {
    if (!option.isObject()) {
      throw new IllegalArgumentException("an ECharts option is a JSON object");
    }
    this.option = option;
    getElement().setProperty("option", JSON.writeValueAsString(option));
    renderTable();
  }

  /** The option last given, as sent to the browser. */
  public JsonNode getOption() {
    return option;
  }

  /** The rows of the hidden data table, header row first (what a screen reader gets). */
  public List<List<String>> dataTable() {
    return ChartTable.of(option);
  }

  private void renderTable() {
    table.removeAllChildren();
    table.appendChild(new Element("caption").setText(getElement().getAttribute("aria-label")));
    List<List<String>> rows = dataTable();
    for (int r = 0; r < rows.size(); r++) {
      Element row = new Element("tr");
      for (String cell : rows.get(r)) {
        Element td = new Element(r == 0 ? "th" : "td").setText(cell);
        if (r == 0) {
          td.setAttribute("scope", "col");
        }
        row.appendChild(td);
      }
      table.appendChild(row);
    }
  }
}
