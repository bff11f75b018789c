package dev.flowgate.portal.billingteam;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.PlatformUser;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.billing.BillingClient;
import dev.flowgate.portal.billing.BillingFormats;
import dev.flowgate.portal.billing.InvoicePdf;
import dev.flowgate.portal.billing.UsageAlertsCard;
import dev.flowgate.portal.tenants.Tenant;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One tenant's billing for the billing team: plan (changed after a confirmation that states the
 * proration), usage alerts, the running bill, invoices with their PDFs, and credits with the
 * dialog that issues one. Plan changes and credits are audited in the tenant's trail.
 */
@Route(value = "billing-team/tenants/:tenantId", layout = MainLayout.class)
@PageTitle("Tenant billing · Flowgate billing")
@RolesAllowed({"PLATFORM_ADMIN", "BILLING_TEAM"})
public class TenantBillingView extends Main implements BeforeEnterObserver {

  final H2 title = new H2();
  final Paragraph planText = new Paragraph();
  final Paragraph runningBill = new Paragraph();
  final Paragraph status = new Paragraph();
  final Select<String> planSelect = new Select<>();
  final Button changePlan = new Button("Change plan…");
  final ConfirmDialog confirm = new ConfirmDialog();
  final Grid<JsonNode> invoices = new Grid<>();
  final Grid<JsonNode> credits = new Grid<>();
  final Button issueCredit = new Button("Issue credit…", VaadinIcon.GIFT.create());
  final Div content = new Div();
  @Nullable CreditDialog creditDialog;
  @Nullable UsageAlertsCard alerts;
  private final BillingOperations operations;
  private final BillingTeamClient billing;
  private final PlatformUser operator;
  private @Nullable UUID tenantId;
  private String currency = "EUR";
  private String currentPlan = "";

  public TenantBillingView(BillingOperations operations, BillingTeamClient billing, AuthenticationContext authentication) {
    this.operations = operations;
    this.billing = billing;
    this.operator = authentication.getAuthenticatedUser(PlatformUser.class).orElseThrow();
    addClassNames("flowgate-page");
    status.setId("billing-tenant-status");
    status.getElement().setAttribute("role", "status");
    title.setId("billing-tenant-title");
    planText.setId("billing-tenant-plan");
    runningBill.setId("billing-tenant-running-bill");

    planSelect.setId("billing-tenant-plan-select");
    planSelect.setLabel("Plan");
    planSelect.addValueChangeListener(e -> changePlan.setEnabled(e.getValue() != null && !e.getValue().equals(currentPlan)));
    changePlan.setId("billing-tenant-change-plan");
    changePlan.setEnabled(false);
    changePlan.addClickListener(e -> askToChangePlan());
    confirm.setId("billing-tenant-change-plan-confirm");
    confirm.setCancelable(true);
    confirm.setConfirmText("Change plan");
    confirm.addConfirmListener(e -> confirmPlanChange());
    HorizontalLayout planRow = new HorizontalLayout(planSelect, changePlan);
    planRow.setAlignItems(FlexComponent.Alignment.BASELINE);

    invoices.setId("billing-tenant-invoices");
    invoices.setAriaLabel("Invoices");
    invoices.addColumn(i -> i.path("number").asString("—")).setHeader("Number").setFlexGrow(2);
    invoices.addColumn(BillingFormats::period).setHeader("Period").setFlexGrow(3);
    invoices.addComponentColumn(i -> BillingFormats.statusBadge(i.path("status").asString(""))).setHeader("Status").setFlexGrow(1);
    invoices.addColumn(i -> Amounts.money(i, "totalMinor", getLocale())).setHeader("Total").setTextAlign(ColumnTextAlign.END);
    invoices.addComponentColumn(this::pdfLink).setHeader("").setAutoWidth(true).setFlexGrow(0);
    invoices.setAllRowsVisible(true);
    invoices.addThemeVariants(GridVariant.LUMO_COMPACT);
    invoices.setEmptyStateText("No invoices yet.");

    credits.setId("billing-tenant-credits");
    credits.setAriaLabel("Credits");
    credits.addColumn(c -> c.path("createdAt").asString("").replace('T', ' ').replace("Z", " UTC")).setHeader("Issued").setFlexGrow(2);
    credits.addColumn(c -> Amounts.money(c, "amountMinor", getLocale())).setHeader("Amount").setTextAlign(ColumnTextAlign.END);
    credits.addColumn(c -> c.path("reason").asString("")).setHeader("Reason").setFlexGrow(3);
    credits.addColumn(c -> c.path("actor").asString("")).setHeader("By").setFlexGrow(2);
    credits.setAllRowsVisible(true);
    credits.addThemeVariants(GridVariant.LUMO_COMPACT);
    credits.setEmptyStateText("No credits issued.");
    issueCredit.setId("billing-tenant-issue-credit");
    issueCredit.addClickListener(e -> {
      if (creditDialog != null) {
        creditDialog.open(currency);
      }
    });

    content.add(planText, planRow, runningBill, new H3("Invoices"), invoices, new H3("Credits"), issueCredit, credits);
    add(title, status, content);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    show(event.getRouteParameters().get("tenantId").orElse(""));
  }

  /** Shows the tenant with that id, or says there is none. */
  void show(String id) {
    Tenant tenant;
    try {
      tenant = operations.tenant(UUID.fromString(id));
    } catch (IllegalArgumentException | NotFoundException e) {
      title.setText("No such tenant");
      content.setVisible(false);
      status.setText("There is no tenant with the id " + id + ".");
      return;
    }
    tenantId = tenant.getId();
    title.setText(tenant.getName() + " (" + tenant.getSlug() + ")" + (tenant.isSuspended() ? " · suspended" : ""));
    creditDialog = new CreditDialog(operations, operator, tenantId, () -> {
      status.setText("Credit issued and recorded in the tenant's audit trail.");
      refresh();
    });
    if (alerts != null) {
      content.remove(alerts);
    }
    alerts = new UsageAlertsCard(billing.billing(), tenantId, this::getLocale, "billing-tenant");
    content.addComponentAtIndex(3, alerts);
    content.setVisible(true);
    refresh();
  }

  void refresh() {
    UUID id = tenantId;
    if (id == null || alerts == null) {
      return;
    }
    BillingClient client = billing.billing();
    try {
      JsonNode plan = client.plan(id);
      currentPlan = plan.path("plan").path("code").asString("");
      currency = plan.path("plan").path("currency").asString("EUR");
      planText.setText("Plan " + plan.path("plan").path("name").asString(currentPlan) + " · "
          + Amounts.count(plan.path("callsThisPeriod").asLong(0), getLocale()) + " of "
          + Amounts.count(plan.path("plan").path("includedCalls").asLong(0), getLocale()) + " included calls this period");
      List<String> codes = new ArrayList<>();
      client.plans().forEach(p -> codes.add(p.path("code").asString()));
      planSelect.setItems(codes);
      planSelect.setValue(codes.contains(currentPlan) ? currentPlan : null);
      JsonNode upcoming = client.upcoming(id);
      runningBill.setText("Running bill this month: " + Amounts.money(upcoming, "totalMinor", getLocale()));
      invoices.setItems(items(client.invoices(id, 0, 24).path("items")));
      credits.setItems(items(billing.credits(id)));
    } catch (UnavailableException | NotFoundException e) {
      status.setText("Part of this tenant's billing is unavailable right now: billing did not answer. Try again shortly.");
    }
    alerts.refresh();
  }

  private void askToChangePlan() {
    confirm.setHeader("Change the plan to " + planSelect.getValue() + "?");
    confirm.setText("The tenant's new plan applies at once. This month's invoice is prorated: each plan's base price "
        + "counts for the part of the month it was in force. The change is recorded in the tenant's audit trail.");
    confirm.open();
  }

  void confirmPlanChange() {
    UUID id = tenantId;
    String code = planSelect.getValue();
    if (id == null || code == null) {
      return;
    }
    try {
      operations.changePlan(operator, id, code);
      status.setText("Plan changed to " + code + ".");
      refresh();
    } catch (InvalidInputException e) {
      status.setText("The plan was not changed: " + e.getMessage());
    } catch (UnavailableException e) {
      status.setText("The plan was not changed: billing did not answer. Try again shortly.");
    }
  }

  private Anchor pdfLink(JsonNode invoice) {
    String invoiceId = invoice.path("id").asString();
    UUID id = tenantId == null ? new UUID(0, 0) : tenantId;
    Anchor pdf = new Anchor(InvoicePdf.download(billing.billing(), id, () -> invoiceId), "PDF");
    pdf.getElement().setAttribute("aria-label", "Invoice " + invoice.path("number").asString(invoiceId) + " as PDF");
    return pdf;
  }

  /** A list billing answered, bare or as its usual {@code {"items": [...]}}. */
  private static List<JsonNode> items(JsonNode answer) {
    List<JsonNode> list = new ArrayList<>();
    (answer.isArray() ? answer : answer.path("items")).forEach(list::add);
    return list;
  }
}
