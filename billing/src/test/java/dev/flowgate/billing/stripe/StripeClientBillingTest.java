package dev.flowgate.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.billing.invoices.Invoice;
import dev.flowgate.billing.invoices.InvoiceStatus;
import dev.flowgate.billing.invoices.LineItem;
import dev.flowgate.billing.stripe.StripeBilling.PushedInvoice;
import dev.flowgate.billing.stripe.StripeBilling.StripeBillingException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeClientBillingTest {

  private FakeStripe fake;
  private StripeClientBilling stripe;
  private final UUID tenant = UUID.randomUUID();
  private final Invoice invoice = new Invoice(UUID.randomUUID(), tenant, "FG-202610-000042",
      Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"), "starter", 101_001,
      InvoiceStatus.OPEN, "USD", 3_000, 3_000,
      List.of(new LineItem(LineItem.Kind.BASE, "Starter plan, monthly base price", 1, 2_900, 2_900),
          new LineItem(LineItem.Kind.OVERAGE, "1,001 calls over the 100,000 included, per started 1,000", 2, 50, 100)),
      null, Instant.parse("2026-11-01T00:05:00Z"), null);

  @BeforeEach
  void start() throws Exception {
    fake = new FakeStripe();
    stripe = billingAt(fake.apiBase());
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private static StripeClientBilling billingAt(String base) {
    var properties = new StripeProperties("sk_test_unit", base, null, Duration.ofSeconds(300), Duration.ofMinutes(1),
        Duration.ofSeconds(1), Duration.ofSeconds(2), 30);
    return new StripeClientBilling(StripeConfiguration.client(properties), properties.daysUntilDue());
  }

  @Test
  void a_new_invoice_is_created_with_one_item_per_line_and_finalised() {
    PushedInvoice pushed = stripe.pushInvoice("cus_fake", invoice);

    assertThat(pushed).isEqualTo(new PushedInvoice("in_new", InvoiceStatus.OPEN, null));
    assertThat(fake.requests).extracting(r -> r.method() + " " + r.path()).containsExactly(
        "GET /v1/invoices", "POST /v1/invoices", "POST /v1/invoiceitems", "POST /v1/invoiceitems",
        "POST /v1/invoices/in_new/finalize");
    FakeStripe.Request create = fake.posts().get(0);
    assertThat(create.body()).contains("customer=cus_fake", "currency=usd", "collection_method=send_invoice",
        "auto_advance=false", "metadata[flowgate_invoice_id]=" + invoice.id(), "metadata[flowgate_tenant_id]=" + tenant);
    assertThat(create.idempotencyKey()).isEqualTo("flowgate-invoice-" + invoice.id());
    FakeStripe.Request overage = fake.posts().get(2);
    assertThat(overage.body()).contains("invoice=in_new", "amount=100", "metadata[flowgate_line]=1");
    assertThat(overage.idempotencyKey()).isEqualTo("flowgate-invoice-" + invoice.id() + "-line-1");
  }

  @Test
  void a_retried_push_reuses_the_draft_an_earlier_attempt_left_and_adds_only_missing_lines() {
    fake.listedInvoices.add(FakeStripe.invoiceFor("in_old", invoice.id().toString(), "draft", "null",
        "[{\"id\":\"il_1\",\"object\":\"line_item\",\"amount\":2900,\"metadata\":{\"flowgate_line\":\"0\"}}]"));

    PushedInvoice pushed = stripe.pushInvoice("cus_fake", invoice);

    assertThat(pushed.stripeInvoiceId()).isEqualTo("in_old");
    assertThat(fake.posts()).extracting(FakeStripe.Request::path)
        .containsExactly("/v1/invoiceitems", "/v1/invoices/in_old/finalize");
    assertThat(fake.posts().getFirst().body()).contains("metadata[flowgate_line]=1");
  }

  @Test
  void an_invoice_stripe_already_finalised_is_only_read_back() {
    fake.listedInvoices.add(FakeStripe.invoiceFor("in_paid", invoice.id().toString(), "paid", "1793491200", "[]"));

    PushedInvoice pushed = stripe.pushInvoice("cus_fake", invoice);

    assertThat(pushed).isEqualTo(new PushedInvoice("in_paid", InvoiceStatus.PAID, Instant.ofEpochSecond(1793491200)));
    assertThat(fake.posts()).isEmpty();
  }

  @Test
  void another_invoice_of_the_customer_is_not_mistaken_for_this_one() {
    fake.listedInvoices.add(FakeStripe.invoiceFor("in_other", UUID.randomUUID().toString(), "open", "null", "[]"));

    assertThat(stripe.pushInvoice("cus_fake", invoice).stripeInvoiceId()).isEqualTo("in_new");
  }

  @Test
  void a_customer_carries_the_tenant_and_a_per_tenant_idempotency_key() {
    assertThat(stripe.createCustomer(tenant)).isEqualTo("cus_fake");

    FakeStripe.Request create = fake.posts().getFirst();
    assertThat(create.body()).contains("metadata[flowgate_tenant_id]=" + tenant);
    assertThat(create.idempotencyKey()).isEqualTo("flowgate-customer-" + tenant);
  }

  @Test
  void a_stripe_error_becomes_a_stripe_billing_exception() {
    fake.failWithStatus = 500;

    assertThatThrownBy(() -> stripe.pushInvoice("cus_fake", invoice))
        .isInstanceOf(StripeBillingException.class).hasMessageContaining(invoice.number());
    assertThatThrownBy(() -> stripe.createCustomer(tenant)).isInstanceOf(StripeBillingException.class);
  }

  @Test
  void a_customer_stripe_no_longer_knows_is_reported_as_missing() {
    fake.failWithStatus = 400;
    fake.failWithBody = """
        {"error":{"type":"invalid_request_error","code":"resource_missing","param":"customer",
                  "message":"No such customer: 'cus_gone'"}}
        """;

    assertThatThrownBy(() -> stripe.pushInvoice("cus_gone", invoice))
        .isInstanceOfSatisfying(StripeBillingException.class, e -> assertThat(e.customerMissing()).isTrue());
  }

  @Test
  void other_refusals_are_not_a_missing_customer() {
    fake.failWithStatus = 500;

    assertThatThrownBy(() -> stripe.pushInvoice("cus_fake", invoice))
        .isInstanceOfSatisfying(StripeBillingException.class, e -> assertThat(e.customerMissing()).isFalse());
  }

  @Test
  void an_unreachable_stripe_becomes_a_stripe_billing_exception() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    StripeClientBilling unreachable = billingAt("http://127.0.0.1:" + closedPort);

    assertThatThrownBy(() -> unreachable.pushInvoice("cus_fake", invoice)).isInstanceOf(StripeBillingException.class);
  }

  @Test
  void stripe_states_map_onto_flowgate_states() {
    assertThat(StripeClientBilling.status("open")).isEqualTo(InvoiceStatus.OPEN);
    assertThat(StripeClientBilling.status("paid")).isEqualTo(InvoiceStatus.PAID);
    assertThat(StripeClientBilling.status("void")).isEqualTo(InvoiceStatus.VOID);
    assertThat(StripeClientBilling.status("uncollectible")).isEqualTo(InvoiceStatus.PAYMENT_FAILED);
  }
}
