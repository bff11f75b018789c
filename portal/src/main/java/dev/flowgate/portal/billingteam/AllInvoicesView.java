package dev.flowgate.portal.billingteam;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.Query;
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
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Every tenant's invoices, newest first, paged from billing as the grid scrolls; filtered by
 * state (draft, open, paid, payment failed, void) and month.
 */
@Route(value = "billing-team/invoices", layout = MainLayout.class)
@PageTitle("Invoices · Flowgate billing")
@RolesAllowed({"PLATFORM_ADMIN", "BILLING_TEAM"})
public class AllInvoicesView extends Main {

  static final String ALL = "all";

  final Select<String> state = new Select<>();
  final Select<String> month = new Select<>();
  final Grid<JsonNode> grid = new Grid<>();
  final Paragraph status = new Paragraph();
  private final BillingTeamClient billing;
  private final TenantNames names;

  public AllInvoicesView(BillingTeamClient billing, TenantNames names, Clock clock) {
    this.billing = billing;
    this.names = names;
    addClassNames("flowgate-page");

    state.setId("billing-invoices-state");
    state.setLabel("State");
    state.setItems(ALL, "draft", "open", "paid", "payment_failed", "void");
    state.setItemLabelGenerator(s -> s.equals(ALL) ? "All states" : BillingFormats.statusBadge(s).getText());
    state.setValue(ALL);
    state.addValueChangeListener(e -> refresh());
    YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    List<String> months = new ArrayList<>(List.of(ALL));
    for (int i = 0; i < 13; i++) {
      months.add(now.minusMonths(i).toString());
    }
    month.setId("billing-invoices-month");
    month.setLabel("Month");
    month.setItems(months);
    month.setItemLabelGenerator(m -> m.equals(ALL) ? "All months" : m);
    month.setValue(ALL);
    month.addValueChangeListener(e -> refresh());
    HorizontalLayout toolbar = new HorizontalLayout(state, month);
    toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

    status.setId("billing-invoices-status");
    status.addClassName("flowgate-muted");
    status.getElement().setAttribute("role", "status");
    grid.setId("billing-invoices-grid");
    grid.setAriaLabel("Invoices of every tenant");
    grid.addComponentColumn(AllInvoicesView::tenantLink).setHeader("Tenant").setFlexGrow(3);
    grid.addColumn(i -> i.path("number").asString("—")).setHeader("Number").setFlexGrow(2);
    grid.addColumn(i -> i.path("period").asString(i.has("periodStart") ? BillingFormats.period(i) : "")).setHeader("Period")
        .setFlexGrow(2);
    grid.addComponentColumn(i -> BillingFormats.statusBadge(i.path("status").asString(""))).setHeader("State").setFlexGrow(1);
    grid.addColumn(i -> Amounts.money(i, "totalMinor", getLocale())).setHeader("Total").setTextAlign(ColumnTextAlign.END)
        .setFlexGrow(1);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setEmptyStateText("No invoices match.");
    grid.setItems(this::fetch);

    add(new H2("Invoices"), toolbar, status, grid);
  }

  private Stream<JsonNode> fetch(Query<JsonNode, Void> query) {
    try {
      JsonNode page = billing.invoices(filter(state.getValue()), month(month.getValue()), query.getPage(), query.getPageSize());
      status.setText(page.path("total").asLong(0) + " invoices");
      return names.named(page.path("items")).stream();
    } catch (UnavailableException e) {
      status.setText("Invoices are unavailable right now: billing did not answer. Change a filter to try again.");
      return Stream.empty();
    }
  }

  void refresh() {
    grid.getDataProvider().refreshAll();
  }

  /** The first page as the grid would fetch it, for tests. */
  List<JsonNode> firstPage() {
    return fetch(new Query<>(0, 50, List.of(), null, null)).toList();
  }

  private static @Nullable String filter(@Nullable String value) {
    return value == null || value.equals(ALL) ? null : value;
  }

  private static @Nullable YearMonth month(@Nullable String value) {
    return value == null || value.equals(ALL) ? null : YearMonth.parse(value);
  }

  private static RouterLink tenantLink(JsonNode row) {
    String name = row.path("tenantName").asString("");
    return new RouterLink(name.isEmpty() ? row.path("tenantId").asString() : name, TenantBillingView.class,
        new RouteParameters("tenantId", row.path("tenantId").asString()));
  }
}
