package dev.flowgate.portal.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubBillingControl;
import dev.flowgate.portal.ViewSession;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The billing screen, driven server-side against the stub billing server. */
class BillingViewIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired BillingClient billing;
  @Autowired PlanChanges planChanges;
  @Autowired AuthenticationContext authentication;

  @BeforeEach
  void ukLocale() {
    session.ui().setLocale(Locale.UK);
  }

  @AfterEach
  void resetStubBilling() {
    StubBillingControl.failing(false);
  }

  private BillingView billingAs(Api.Tenant tenant, String role) {
    session.signIn(tenant, role);
    return new BillingView(billing, planChanges, authentication);
  }

  private static String text(BillingView view, String id) {
    return view.plan.facts.getChildren().flatMap(c -> c.getChildren())
        .filter(c -> c.getId().filter(id::equals).isPresent()).map(c -> ((Span) c).getText()).findFirst().orElseThrow();
  }

  private static List<JsonNode> rows(com.vaadin.flow.component.grid.Grid<JsonNode> grid) {
    return grid.getDataProvider().fetch(new Query<>()).toList();
  }

  @Test
  void the_plan_card_shows_prices_in_the_plans_currency_and_the_limits() {
    Api.Tenant tenant = signUp();
    BillingView view = billingAs(tenant, "owner");

    assertThat(view.plan.getId()).contains("billing-plan");
    assertThat(text(view, "billing-plan-name")).isEqualTo("Free");
    assertThat(text(view, "billing-plan-price")).isEqualTo("€0.00 / month");
    assertThat(text(view, "billing-plan-included")).isEqualTo("1,000");
    assertThat(text(view, "billing-plan-hard-limit")).isEqualTo("1,000 calls");
    assertThat(text(view, "billing-plan-calls")).isEqualTo("7");
    assertThat(view.plan.usageText.getText()).startsWith("7 of 1,000 included calls used (0%)");
    assertThat(view.plan.status.getText()).contains("2026-11-01 – 2026-11-30");
  }

  @Test
  void the_usage_bar_turns_amber_at_80_percent_and_red_at_100_percent_of_the_included_calls() {
    Api.Tenant tenant = signUp();
    long[] calls = {799, 800, 999, 1000, 1500};
    String[] levels = {PlanCard.NORMAL, PlanCard.WARNING, PlanCard.WARNING, PlanCard.EXCEEDED, PlanCard.EXCEEDED};

    for (int i = 0; i < calls.length; i++) {
      StubBillingControl.callsThisPeriod(tenant.id(), calls[i]);
      BillingView view = billingAs(tenant, "billing");
      var bar = view.plan.progress;
      assertThat(bar.getId()).contains("billing-usage-progress");
      assertThat(bar.getElement().getAttribute("data-level")).as("%d calls", calls[i]).isEqualTo(levels[i]);
      assertThat(bar.getElement().getThemeList()).as("%d calls", calls[i]).contains(levels[i]);
      assertThat(bar.getElement().getThemeList()).as("one colour at a time").hasSize(1);
      assertThat(bar.getValue()).isEqualTo(Math.min(calls[i] / 10, 100));
    }
  }

  @Test
  void changing_the_plan_asks_for_confirmation_then_puts_it_to_billing() {
    Api.Tenant tenant = signUp();
    BillingView view = billingAs(tenant, "billing");
    assertThat(view.plan.planSelect.getValue()).isEqualTo("free");
    assertThat(view.plan.change.isEnabled()).isFalse();

    view.plan.planSelect.setValue("pro");
    view.plan.change.click();

    assertThat(view.plan.confirm.isOpened()).isTrue();
    assertThat(api.get("/api/v1/billing/plan", tenant.token()).json().path("plan").path("code").asString())
        .as("nothing changes before the confirmation").isEqualTo("free");
    ComponentUtil.fireEvent(view.plan.confirm, new ConfirmDialog.ConfirmEvent(view.plan.confirm, false));

    assertThat(api.get("/api/v1/billing/plan", tenant.token()).json().path("plan").path("code").asString()).isEqualTo("pro");
    assertThat(text(view, "billing-plan-price")).isEqualTo("€49.00 / month");
    assertThat(text(view, "billing-plan-overage")).isEqualTo("€0.50 per 1,000 calls");
    assertThat(text(view, "billing-plan-hard-limit")).isEqualTo("None");
    assertThat(view.plan.status.getText()).contains("Plan changed to Pro");
  }

  @Test
  void the_running_bill_lists_its_line_items_and_total_in_exact_minor_units() {
    Api.Tenant tenant = signUp();
    BillingView view = billingAs(tenant, "admin");

    List<JsonNode> lines = rows(view.upcomingLines);
    assertThat(lines).extracting(l -> l.path("kind").asString()).containsExactly("base", "overage");
    assertThat(lines.get(1).path("_currency").asString()).isEqualTo("EUR");
    assertThat(view.upcomingTotal.getText()).isEqualTo("€21.50");
    assertThat(view.upcomingStatus.getText()).contains("2026-11-01 – 2026-11-30");
  }

  @Test
  void an_invoice_opens_with_its_line_items() {
    Api.Tenant tenant = signUp();
    BillingView view = billingAs(tenant, "billing");
    List<JsonNode> invoices = rows(view.invoices);
    assertThat(invoices).hasSize(1);
    assertThat(invoices.get(0).path("number").asString()).isEqualTo("FG-2026-10-0042");
    assertThat(BillingFormats.statusBadge("paid").getElement().getThemeList()).contains("badge", "success");
    assertThat(BillingFormats.statusBadge("payment_failed").getElement().getThemeList()).contains("badge", "error");

    view.openInvoice(invoices.get(0).path("id").asString());

    assertThat(view.invoiceDialog.isOpened()).isTrue();
    assertThat(view.invoiceDialog.getHeaderTitle()).contains("FG-2026-10-0042").contains("2026-10-01 – 2026-10-31");
    assertThat(rows(view.invoiceLines)).extracting(l -> l.path("amountMinor").asLong()).containsExactly(1900L);
    assertThat(view.invoiceTotal.getText()).isEqualTo("Total €19.00 · Paid");
  }

  @Test
  void billing_down_shows_a_message_in_place_of_each_part_without_failing_the_page() {
    Api.Tenant tenant = signUp();
    StubBillingControl.failing(true);

    BillingView view = billingAs(tenant, "owner");

    assertThat(view.plan.status.getText()).contains("Billing is unavailable");
    assertThat(view.plan.progress.isVisible()).isFalse();
    assertThat(view.plan.change.isEnabled()).isFalse();
    assertThat(view.upcomingStatus.getText()).contains("unavailable");
    assertThat(view.upcomingTotal.getText()).isEqualTo("–");
    assertThat(view.invoicesStatus.getText()).contains("unavailable");
    assertThat(view.alerts.status.getText()).contains("unavailable");

    StubBillingControl.failing(false);
    view.refresh();
    assertThat(view.plan.progress.isVisible()).isTrue();
    assertThat(view.upcomingTotal.getText()).isEqualTo("€21.50");
  }

  @Test
  void usage_alerts_and_the_proration_note_are_on_the_billing_page() {
    Api.Tenant tenant = signUp();
    StubBillingControl.alerts(tenant.id(), "{\"items\":[{\"period\":\"2026-11\",\"thresholdPercent\":100,\"usedCalls\":1000,\"includedCalls\":1000,"
        + "\"createdAt\":\"2026-11-22T09:00:00Z\"},{\"period\":\"2026-11\",\"thresholdPercent\":80,\"usedCalls\":800,"
        + "\"includedCalls\":1000,\"createdAt\":\"2026-11-20T14:02:00Z\"}]}");

    BillingView view = billingAs(tenant, "billing");

    assertThat(view.alerts.count()).isEqualTo(2);
    assertThat(view.alerts.list.getChildren().findFirst().orElseThrow().getElement().getText())
        .contains("2026-11: 100% of the included calls reached (1,000 of 1,000), 2026-11-22 09:00 UTC");
    assertThat(view.plan.proration.getText()).contains("prorated");
    StubBillingControl.alerts(tenant.id(), "{\"items\":[]}");
    view.refresh();
    assertThat(view.alerts.status.getText()).startsWith("No alerts");
  }

  @Test
  void the_open_invoice_downloads_as_a_pdf_streamed_from_billing() throws Exception {
    Api.Tenant tenant = signUp();
    BillingView view = billingAs(tenant, "owner");
    view.openInvoice("inv_" + tenant.id());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    com.vaadin.flow.server.streams.DownloadEvent event = org.mockito.Mockito.mock(com.vaadin.flow.server.streams.DownloadEvent.class);
    org.mockito.Mockito.when(event.getOutputStream()).thenReturn(out);

    InvoicePdf.download(billing, tenant.id(), () -> "inv_" + tenant.id()).handleDownloadRequest(event);

    assertThat(view.invoicePdf.getElement().getAttribute("aria-label")).contains("FG-2026-10-0042");
    assertThat(view.invoicePdf.getHref()).isNotBlank();
    org.mockito.Mockito.verify(event).setFileName("invoice-inv_" + tenant.id() + ".pdf");
    org.mockito.Mockito.verify(event).setContentType("application/pdf");
    assertThat(out.toString(java.nio.charset.StandardCharsets.US_ASCII)).startsWith("%PDF-");
  }
}
