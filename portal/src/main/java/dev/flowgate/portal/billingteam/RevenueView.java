package dev.flowgate.portal.billingteam;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.base.ui.charts.EChart;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Revenue by month across tenants: a chart of what was invoiced per plan and what was paid, and a
 * grid of invoiced, paid and still open, newest month first (the grid is the exact, every-currency
 * view; the chart also carries its data as a hidden table for screen readers).
 */
@Route(value = "billing-team/revenue", layout = MainLayout.class)
@PageTitle("Revenue · Flowgate billing")
@RolesAllowed({"PLATFORM_ADMIN", "BILLING_TEAM"})
public class RevenueView extends Main {

  final Select<Integer> months = new Select<>();
  final Grid<JsonNode> grid = new Grid<>();
  final EChart chart = new EChart("Revenue by month and plan");
  final Paragraph status = new Paragraph();
  final List<JsonNode> rows = new ArrayList<>();
  private final BillingTeamClient billing;

  public RevenueView(BillingTeamClient billing) {
    this.billing = billing;
    addClassNames("flowgate-page");

    months.setId("billing-revenue-months");
    months.setLabel("Months");
    months.setItems(3, 6, 12, 24);
    months.setValue(12);
    months.addValueChangeListener(e -> refresh());
    Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
    refresh.setId("billing-revenue-refresh");
    refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    HorizontalLayout toolbar = new HorizontalLayout(months, refresh);
    toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

    chart.setId("billing-revenue-chart");
    chart.setHeight("20rem");
    chart.setVisible(false); // until billing answered

    status.setId("billing-revenue-status");
    status.addClassName("flowgate-muted");
    status.getElement().setAttribute("role", "status");

    grid.setId("billing-revenue-grid");
    grid.setAriaLabel("Revenue by month");
    grid.addColumn(r -> r.path("period").asString()).setHeader("Month").setFlexGrow(1);
    grid.addColumn(r -> Amounts.count(r.path("tenants").asLong(0), getLocale())).setHeader("Tenants")
        .setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
    grid.addColumn(r -> Amounts.count(r.path("calls").asLong(0), getLocale())).setHeader("Calls")
        .setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
    grid.addColumn(r -> Amounts.money(r, "invoicedMinor", getLocale())).setHeader("Invoiced").setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
    grid.addColumn(r -> Amounts.money(r, "paidMinor", getLocale())).setHeader("Paid").setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
    grid.addColumn(r -> Amounts.money(r, "openMinor", getLocale())).setHeader("Open").setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.setEmptyStateText("No invoices in these months yet.");

    add(new H2("Revenue"), toolbar, chart, status, grid);
    refresh();
  }

  void refresh() {
    rows.clear();
    try {
      JsonNode revenue = billing.revenue(months.getValue() == null ? 12 : months.getValue());
      revenue.path("months").forEach(rows::add);
      Collections.reverse(rows); // billing sends oldest first; people read the latest month first
      chart.setAriaLabel(RevenueChart.label(revenue));
      chart.setOption(RevenueChart.option(revenue));
      chart.setVisible(true);
      status.setText("");
    } catch (UnavailableException e) {
      status.setText("Revenue is unavailable right now: billing did not answer. Try Refresh in a moment.");
      chart.setVisible(false);
    }
    grid.setItems(rows);
  }
}
