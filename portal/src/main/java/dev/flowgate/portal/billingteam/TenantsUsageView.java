package dev.flowgate.portal.billingteam;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.billing.BillingFormats;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Every tenant's usage in one month: calls against the included calls, the amount due and the
 * invoice's state. The search narrows the month's rows by tenant name, slug, id or plan as one
 * types; each tenant opens its drill-down.
 */
@Route(value = "billing-team/usage", layout = MainLayout.class)
@PageTitle("Usage by tenant · Flowgate billing")
@RolesAllowed({"PLATFORM_ADMIN", "BILLING_TEAM"})
public class TenantsUsageView extends Main {

  final Select<YearMonth> period = new Select<>();
  final TextField search = new TextField("Search");
  final Grid<JsonNode> grid = new Grid<>();
  final Paragraph status = new Paragraph();
  private final BillingTeamClient billing;
  private final TenantNames names;
  private List<JsonNode> monthRows = List.of();

  public TenantsUsageView(BillingTeamClient billing, TenantNames names, Clock clock) {
    this.billing = billing;
    this.names = names;
    addClassNames("flowgate-page");

    YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    List<YearMonth> months = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      months.add(now.minusMonths(i));
    }
    period.setId("billing-usage-period");
    period.setLabel("Month");
    period.setItems(months);
    period.setItemLabelGenerator(m -> m.equals(now) ? m + " (so far)" : m.toString());
    period.setValue(now);
    period.addValueChangeListener(e -> load());
    search.setId("billing-usage-search");
    search.setPlaceholder("Tenant name, slug, id or plan");
    search.setAriaLabel("Search the month's tenants");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setMaxLength(100);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> filter());
    HorizontalLayout toolbar = new HorizontalLayout(period, search);
    toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
    toolbar.setWrap(true);

    status.setId("billing-usage-status");
    status.addClassName("flowgate-muted");
    status.getElement().setAttribute("role", "status");
    grid.setId("billing-usage-grid");
    grid.setAriaLabel("Usage by tenant");
    grid.addComponentColumn(TenantsUsageView::tenantLink).setHeader("Tenant").setFlexGrow(3);
    grid.addColumn(r -> r.path("planCode").asString("")).setHeader("Plan").setFlexGrow(1);
    grid.addColumn(r -> Amounts.count(r.path("calls").asLong(0), getLocale())).setHeader("Calls")
        .setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
    grid.addColumn(r -> Amounts.count(r.path("errors").asLong(0), getLocale())).setHeader("Errors")
        .setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
    grid.addColumn(TenantsUsageView::used).setHeader("Of included").setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
    grid.addColumn(r -> Amounts.money(r, "amountDueMinor", getLocale())).setHeader("Amount due")
        .setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
    grid.addComponentColumn(r -> r.path("invoiceStatus").asString("").isEmpty() ? new Span("—")
        : BillingFormats.statusBadge(r.path("invoiceStatus").asString())).setHeader("Invoice").setFlexGrow(1);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setEmptyStateText("No tenant used the API in this month.");

    add(new H2("Usage by tenant"), toolbar, status, grid);
    load();
  }

  /** Fetches the month from billing (with tenant names), then applies the search. */
  void load() {
    try {
      monthRows = names.named(billing.usage(period.getValue()).path("rows"));
      status.setText("");
    } catch (UnavailableException e) {
      monthRows = List.of();
      status.setText("Usage is unavailable right now: billing did not answer. Pick the month again in a moment.");
    }
    filter();
  }

  private void filter() {
    List<JsonNode> shown = UsageSearch.filter(monthRows, search.getValue());
    grid.setItems(shown);
    if (!monthRows.isEmpty()) {
      status.setText(shown.size() == monthRows.size() ? monthRows.size() + " tenants"
          : shown.size() + " of " + monthRows.size() + " tenants match");
    }
  }

  /** The shown rows, for tests. */
  List<JsonNode> shown() {
    return grid.getListDataView().getItems().toList();
  }

  private static RouterLink tenantLink(JsonNode row) {
    String name = row.path("tenantName").asString("");
    String label = name.isEmpty() ? row.path("tenantId").asString() : name + " (" + row.path("tenantSlug").asString() + ")";
    return new RouterLink(label, TenantBillingView.class, new RouteParameters("tenantId", row.path("tenantId").asString()));
  }

  private static String used(JsonNode row) {
    long included = row.path("includedCalls").asLong(0);
    return included <= 0 ? "—" : (row.path("calls").asLong(0) * 100 / included) + "%";
  }
}
