package dev.flowgate.portal.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's billing: the plan (and changing it), the running bill of this month with its line
 * items, and past invoices with their details. When billing does not answer, each part says so in
 * place.
 */
@Route(value = "billing", layout = MainLayout.class)
@PageTitle("Billing · Flowgate")
@RolesAllowed({"OWNER", "ADMIN", "BILLING"})
public class BillingView extends Main {

  /** How many invoices the list shows (newest first). */
  static final int INVOICES_SHOWN = 24;

  final PlanCard plan;
  final Grid<JsonNode> upcomingLines;
  final Span upcomingTotal = new Span();
  final Paragraph upcomingStatus = new Paragraph();
  final Grid<JsonNode> invoices = new Grid<>();
  final Paragraph invoicesStatus = new Paragraph();
  final Dialog invoiceDialog = new Dialog();
  final Grid<JsonNode> invoiceLines;
  final Span invoiceTotal = new Span();
  final Anchor invoicePdf = new Anchor();
  final UsageAlertsCard alerts;
  private final BillingClient billing;
  private String openInvoiceId = "";
  private final UUID tenantId;

  public BillingView(BillingClient billing, PlanChanges planChanges, AuthenticationContext authentication) {
    this.billing = billing;
    Actor actor = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow().actor();
    this.tenantId = actor.tenantId();
    addClassNames("flowgate-page");
    getStyle().set("display", "flex").set("flex-direction", "column");
    plan = new PlanCard(billing, planChanges, actor, this::getLocale, this::refreshUpcoming);
    upcomingLines = BillingFormats.lineItems("billing-upcoming-lines", this::getLocale);
    invoiceLines = BillingFormats.lineItems("billing-invoice-lines", this::getLocale);
    alerts = new UsageAlertsCard(billing, tenantId, this::getLocale, "billing");

    Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
    refresh.setId("billing-refresh");
    refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    H2 title = new H2("Billing");
    HorizontalLayout header = new HorizontalLayout(title, refresh);
    header.setAlignItems(FlexComponent.Alignment.CENTER);
    header.expand(title);
    header.setWidthFull();

    add(header, plan, alerts, upcomingCard(), invoicesCard());
    invoiceDialogSetup();
    refresh();
  }

  private Div upcomingCard() {
    upcomingTotal.setId("billing-upcoming-total");
    upcomingTotal.addClassName("flowgate-metric-value");
    upcomingStatus.setId("billing-upcoming-status");
    upcomingStatus.addClassName("flowgate-muted");
    upcomingStatus.getElement().setAttribute("role", "status");
    Span caption = new Span("Total so far");
    caption.addClassName("flowgate-metric-label");
    Div total = new Div(upcomingTotal, caption);
    total.addClassName("flowgate-metric");
    Div card = new Div(new H2("Running bill"), upcomingStatus, upcomingLines, total);
    card.setId("billing-upcoming");
    card.addClassName("flowgate-card");
    return card;
  }

  private Div invoicesCard() {
    invoices.setId("billing-invoices");
    invoices.setAriaLabel("Invoices");
    invoices.addColumn(i -> i.path("number").asString("—")).setHeader("Number").setFlexGrow(2);
    invoices.addColumn(BillingFormats::period).setHeader("Period").setFlexGrow(3);
    invoices.addComponentColumn(i -> BillingFormats.statusBadge(i.path("status").asString(""))).setHeader("Status").setFlexGrow(1);
    invoices.addColumn(i -> Money.format(i.path("totalMinor").asLong(0), i.path("currency").asString(""), getLocale()))
        .setHeader("Total").setFlexGrow(1).setTextAlign(ColumnTextAlign.END);
    invoices.addComponentColumn(i -> {
      Button details = new Button("Details", e -> openInvoice(i.path("id").asString()));
      details.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      details.setAriaLabel("Details of invoice " + i.path("number").asString(i.path("id").asString()));
      return details;
    }).setHeader("").setFlexGrow(0).setAutoWidth(true);
    invoices.addItemDoubleClickListener(e -> openInvoice(e.getItem().path("id").asString()));
    invoices.setAllRowsVisible(true);
    invoices.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    invoices.setEmptyStateText("No invoices yet: the first one is issued at the end of this month.");
    invoicesStatus.setId("billing-invoices-status");
    invoicesStatus.addClassName("flowgate-muted");
    invoicesStatus.getElement().setAttribute("role", "status");
    Div card = new Div(new H2("Invoices"), invoicesStatus, invoices);
    card.addClassName("flowgate-card");
    return card;
  }

  private void invoiceDialogSetup() {
    invoiceDialog.setId("billing-invoice-dialog");
    invoiceDialog.setWidth("min(48rem, 95vw)");
    invoiceTotal.setId("billing-invoice-total");
    invoiceTotal.getStyle().set("font-weight", "700");
    Button close = new Button("Close", e -> invoiceDialog.close());
    close.setId("billing-invoice-close");
    invoicePdf.setId("billing-invoice-pdf");
    invoicePdf.setText("Download PDF");
    invoicePdf.setHref(InvoicePdf.download(billing, tenantId, () -> openInvoiceId));
    invoiceDialog.add(invoiceLines, invoiceTotal);
    invoiceDialog.getFooter().add(invoicePdf, close);
  }

  void refresh() {
    plan.refresh();
    alerts.refresh();
    refreshUpcoming();
    refreshInvoices();
  }

  private void refreshUpcoming() {
    try {
      JsonNode upcoming = billing.upcoming(tenantId);
      upcomingLines.setItems(BillingFormats.linesOf(upcoming));
      upcomingLines.setVisible(true);
      upcomingTotal.setText(Money.format(upcoming.path("totalMinor").asLong(0), upcoming.path("currency").asString(""), getLocale()));
      upcomingStatus.setText("This month so far (" + BillingFormats.period(upcoming) + ", UTC), computed now; "
          + "it is finalised at the end of the month.");
    } catch (UnavailableException | NotFoundException e) {
      upcomingLines.setItems(List.of());
      upcomingLines.setVisible(false);
      upcomingTotal.setText("–");
      upcomingStatus.setText("The running bill is unavailable right now: billing did not answer. Try Refresh in a moment.");
    }
  }

  private void refreshInvoices() {
    try {
      JsonNode page = billing.invoices(tenantId, 0, INVOICES_SHOWN);
      List<JsonNode> items = new ArrayList<>();
      page.path("items").forEach(items::add);
      invoices.setItems(items);
      invoices.setVisible(true);
      long total = page.path("total").asLong(items.size());
      invoicesStatus.setText(total > items.size() ? "The newest " + items.size() + " of " + total + " invoices." : "");
    } catch (UnavailableException e) {
      invoices.setItems(List.of());
      invoices.setVisible(false);
      invoicesStatus.setText("Invoices are unavailable right now: billing did not answer. Try Refresh in a moment.");
    }
  }

  /** Shows one invoice with its line items, fetched fresh from billing. */
  void openInvoice(String invoiceId) {
    try {
      JsonNode invoice = billing.invoice(tenantId, invoiceId);
      openInvoiceId = invoice.path("id").asString(invoiceId);
      invoicePdf.getElement().setAttribute("aria-label", "Download invoice " + invoice.path("number").asString(invoiceId) + " as PDF");
      invoiceDialog.setHeaderTitle("Invoice " + invoice.path("number").asString(invoiceId) + " · " + BillingFormats.period(invoice));
      invoiceLines.setItems(BillingFormats.linesOf(invoice));
      invoiceTotal.setText("Total " + Money.format(invoice.path("totalMinor").asLong(0), invoice.path("currency").asString(""), getLocale())
          + " · " + BillingFormats.statusBadge(invoice.path("status").asString("")).getText());
      invoiceDialog.open();
    } catch (UnavailableException | NotFoundException e) {
      invoicesStatus.setText(e instanceof NotFoundException
          ? "That invoice no longer exists." : "The invoice cannot be opened: billing did not answer. Try again shortly.");
    }
  }
}
