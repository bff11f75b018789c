package dev.flowgate.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import dev.flowgate.billing.BillingFixtures;
import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.UsageClient;
import dev.flowgate.billing.UsageClient.Answer;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@BillingIntegrationTest
class StripeWebhookIT {

  static final String SECRET = "whsec_flowgate_it";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private UsageClient client;
  private final UUID invoiceId = UUID.randomUUID();
  private final String stripeInvoiceId = "in_it_" + UUID.randomUUID().toString().replace("-", "");

  @BeforeEach
  void openInvoice() {
    client = new UsageClient(port);
    YearMonth month = BillingFixtures.randomPastMonth();
    jdbc.update(
        """
        INSERT INTO billing.invoices (id, tenant_id, number, period_start, period_end, plan_code, calls, status, currency,
            subtotal_minor, total_minor, stripe_invoice_id, finalized_at)
        VALUES (?, ?, ?, ?, ?, 'starter', 0, 'open', 'USD', 2900, 2900, ?, now())
        """,
        invoiceId, UUID.randomUUID(), "IT-" + invoiceId, BillingFixtures.start(month).atOffset(ZoneOffset.UTC),
        BillingFixtures.start(month.plusMonths(1)).atOffset(ZoneOffset.UTC), stripeInvoiceId);
  }

  static String event(String eventId, String type, String invoiceJson) {
    return """
        {"id":"%s","object":"event","api_version":"%s","created":%d,"type":"%s","livemode":false,
         "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"data":{"object":%s}}
        """.formatted(eventId, Stripe.API_VERSION, Instant.now().getEpochSecond(), type, invoiceJson);
  }

  String invoice(String status, long paidAt) {
    return """
        {"id":"%s","object":"invoice","status":"%s","metadata":{},"status_transitions":{"paid_at":%s}}
        """.formatted(stripeInvoiceId, status, paidAt == 0 ? "null" : Long.toString(paidAt));
  }

  static String signature(String payload, long timestamp, String secret) throws Exception {
    return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
  }

  Answer deliver(String payload) throws Exception {
    return deliver(payload, signature(payload, Instant.now().getEpochSecond(), SECRET));
  }

  Answer deliver(String payload, String signature) {
    return client.post("/webhooks/stripe", payload, "Content-Type", "application/json", "Stripe-Signature", signature);
  }

  String status() {
    return jdbc.queryForObject("SELECT status FROM billing.invoices WHERE id = ?", String.class, invoiceId);
  }

  long events(String eventId) {
    return jdbc.queryForObject("SELECT count(*) FROM billing.stripe_events WHERE event_id = ?", Long.class, eventId);
  }

  static String eventId() {
    return "evt_it_" + UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void a_paid_event_marks_the_invoice_paid_with_the_time_stripe_gives() throws Exception {
    long paidAt = Instant.now().minusSeconds(60).getEpochSecond();

    Answer answer = deliver(event(eventId(), "invoice.paid", invoice("paid", paidAt)));

    assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
    assertThat(answer.json().get("outcome").asString()).isEqualTo("applied");
    assertThat(status()).isEqualTo("paid");
    assertThat(jdbc.queryForObject("SELECT extract(epoch FROM paid_at)::bigint FROM billing.invoices WHERE id = ?",
        Long.class, invoiceId)).isEqualTo(paidAt);
  }

  @Test
  void failed_payments_and_voids_follow_stripe() throws Exception {
    deliver(event(eventId(), "invoice.payment_failed", invoice("open", 0)));
    assertThat(status()).isEqualTo("payment_failed");

    deliver(event(eventId(), "invoice.voided", invoice("void", 0)));
    assertThat(status()).isEqualTo("void");
  }

  @Test
  void a_finalized_event_opens_a_draft_but_never_reopens_a_paid_invoice() throws Exception {
    jdbc.update("UPDATE billing.invoices SET status = 'draft' WHERE id = ?", invoiceId);
    deliver(event(eventId(), "invoice.finalized", invoice("open", 0)));
    assertThat(status()).isEqualTo("open");

    deliver(event(eventId(), "invoice.paid", invoice("paid", Instant.now().getEpochSecond())));
    Answer late = deliver(event(eventId(), "invoice.finalized", invoice("open", 0)));

    assertThat(late.json().get("outcome").asString()).isEqualTo("unchanged");
    assertThat(status()).isEqualTo("paid");
  }

  @Test
  void a_replayed_event_changes_nothing() throws Exception {
    String failed = event(eventId(), "invoice.payment_failed", invoice("open", 0));
    deliver(failed);
    deliver(event(eventId(), "invoice.finalized", invoice("open", 0)));
    assertThat(status()).isEqualTo("open");

    Answer replay = deliver(failed);

    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().get("outcome").asString()).isEqualTo("replayed");
    assertThat(status()).isEqualTo("open");
  }

  @Test
  void a_bad_signature_is_a_400_problem_and_nothing_is_applied() throws Exception {
    String id = eventId();
    String payload = event(id, "invoice.paid", invoice("paid", Instant.now().getEpochSecond()));

    Answer wrongSecret = deliver(payload, signature(payload, Instant.now().getEpochSecond(), "whsec_someone_else"));
    Answer tampered = deliver(payload.replace("\"livemode\":false", "\"livemode\":true"),
        signature(payload, Instant.now().getEpochSecond(), SECRET));
    Answer missing = client.post("/webhooks/stripe", payload, "Content-Type", "application/json");

    for (Answer answer : new Answer[] {wrongSecret, tampered, missing}) {
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(answer.json().get("type").asString()).isEqualTo("https://flowgate.dev/problems/invalid-signature");
    }
    assertThat(status()).isEqualTo("open");
    assertThat(events(id)).isZero();
  }

  @Test
  void a_stale_signature_is_refused_even_when_it_is_genuine() throws Exception {
    String id = eventId();
    String payload = event(id, "invoice.paid", invoice("paid", Instant.now().getEpochSecond()));

    Answer answer = deliver(payload, signature(payload, Instant.now().getEpochSecond() - 301, SECRET));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("type").asString()).isEqualTo("https://flowgate.dev/problems/invalid-signature");
    assertThat(status()).isEqualTo("open");
    assertThat(events(id)).isZero();
  }

  @Test
  void a_signature_within_the_tolerance_is_accepted() throws Exception {
    String payload = event(eventId(), "invoice.paid", invoice("paid", Instant.now().getEpochSecond()));

    assertThat(deliver(payload, signature(payload, Instant.now().getEpochSecond() - 240, SECRET)).status()).isEqualTo(200);
    assertThat(status()).isEqualTo("paid");
  }

  @Test
  void an_invoice_known_only_by_its_metadata_is_found() throws Exception {
    jdbc.update("UPDATE billing.invoices SET stripe_invoice_id = NULL WHERE id = ?", invoiceId);
    String json = invoice("paid", Instant.now().getEpochSecond())
        .replace("\"metadata\":{}", "\"metadata\":{\"flowgate_invoice_id\":\"" + invoiceId + "\"}");

    assertThat(deliver(event(eventId(), "invoice.paid", json)).json().get("outcome").asString()).isEqualTo("applied");
    assertThat(status()).isEqualTo("paid");
  }

  @Test
  void events_for_unknown_invoices_or_of_other_types_are_recorded_and_acknowledged() throws Exception {
    String unknown = eventId();
    String other = eventId();

    Answer a = deliver(event(unknown, "invoice.paid", invoice("paid", 1).replace(stripeInvoiceId, "in_nobody")));
    Answer b = deliver(event(other, "customer.created", "{\"id\":\"cus_x\",\"object\":\"customer\"}"));

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("outcome").asString()).isEqualTo("unknown-invoice");
    assertThat(b.json().get("outcome").asString()).isEqualTo("ignored");
    assertThat(events(unknown) + events(other)).isEqualTo(2);
    assertThat(status()).isEqualTo("open");
  }

  @Test
  void webhooks_need_no_internal_token_and_are_counted_in_metrics() throws Exception {
    Answer answer = deliver(event(eventId(), "invoice.paid", invoice("paid", 1)));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(client.get("/actuator/prometheus", null).response().body())
        .contains("flowgate_billing_stripe_webhooks_total{", "outcome=\"applied\"");
  }
}
