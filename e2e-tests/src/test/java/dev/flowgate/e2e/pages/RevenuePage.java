package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The billing team's revenue by month: the chart (invoiced per plan, paid) and the grid. */
public final class RevenuePage {

  private final Page page;
  private final Locator chartCanvas;
  private final Locator chartTable;
  private final Locator grid;

  public RevenuePage(Page page) {
    this.page = page;
    this.chartCanvas = page.locator("#billing-revenue-chart canvas");
    this.chartTable = page.locator("#billing-revenue-chart table");
    this.grid = page.locator("#billing-revenue-grid");
  }

  public RevenuePage open() {
    page.navigate("/billing-team/revenue");
    grid.waitFor();
    chartCanvas.first().waitFor();
    return this;
  }

  /** The chart's data as the screen reader gets it: the hidden table's text. */
  public String chartData() {
    return chartTable.textContent();
  }
}
