package dev.flowgate.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.billing.BillingFixtures;
import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.invoices.InvoiceFinalizer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Against the running local Stripe stub at 127.0.0.1:12111. */
@BillingIntegrationTest
class StripeSyncIT {

  @Autowired InvoiceFinalizer finalizer;
  @Autowired StripeInvoiceSync sync;
  @Autowired SwitchableStripeBilling stripe;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;

  private BillingFixtures fixtures;
  private final UUID tenant = UUID.randomUUID();
  private final YearMonth month = BillingFixtures.randomPastMonth();
  private final Instant start = BillingFixtures.start(month);

  @BeforeAll
  static void stubIsRunning(@Autowired StripeProperties properties) {
    URI base = URI.create(properties.effectiveApiBase() == null ? "https://api.stripe.com" : properties.effectiveApiBase());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2_000);
    } catch (IOException e) {
      throw new IllegalStateException("The Stripe stub is not running at " + base
          + ": start the local stack (deploy/local/up) or point STRIPE_API_BASE at a running stub", e);
    }
  }

  @BeforeEach
  void setUp() {
    fixtures = new BillingFixtures(jdbc);
  }

  @AfterEach
  void cleanUp() {
    stripe.up(tenant);
    fixtures.removePlans();
  }

  /** Moves this tenant's invoices' next Stripe attempt into the past, as if the back-off had elapsed. */
  private void timePasses() {
    jdbc.update("UPDATE billing.invoices SET stripe_next_attempt_at = now() - interval '1 second' WHERE tenant_id = ?",
        tenant);
  }

  private double pendingGauge() {
    return meters.get("flowgate.billing.stripe.pending").gauge().value();
  }

  private Instant nextAttempt() {
    return jdbc.queryForObject("SELECT stripe_next_attempt_at FROM billing.invoices WHERE tenant_id = ?",
        java.sql.Timestamp.class, tenant).toInstant();
  }

  private Map<String, Object> invoiceRow() {
    return jdbc.queryForMap(
        """
        SELECT id, status, stripe_sync_pending, stripe_sync_attempts, stripe_sync_error, stripe_next_attempt_at,
               stripe_customer_id, stripe_invoice_id, paid_at
        FROM billing.invoices WHERE tenant_id = ? AND period_start = ?
        """,
        tenant, start.atOffset(java.time.ZoneOffset.UTC));
  }

  @Test
  void a_finalised_invoice_is_pushed_to_stripe_and_finalised_there() {
    fixtures.plan(tenant, "starter", start);
    fixtures.usage(tenant, start.plus(3, ChronoUnit.HOURS), 100_001);

    finalizer.finalizeMonth(month);

    Map<String, Object> row = invoiceRow();
    assertThat(row.get("stripe_sync_pending")).isEqualTo(false);
    assertThat((String) row.get("stripe_invoice_id")).startsWith("in_");
    assertThat((String) row.get("stripe_customer_id")).startsWith("cus_");
    assertThat(row.get("status")).isEqualTo("open");
    assertThat(jdbc.queryForObject("SELECT stripe_customer_id FROM billing.stripe_customers WHERE tenant_id = ?",
        String.class, tenant)).isEqualTo(row.get("stripe_customer_id"));
  }

  @Test
  void a_zero_invoice_is_settled_by_stripe_at_once() {
    fixtures.usage(tenant, start, 3);

    finalizer.finalizeMonth(month);

    Map<String, Object> row = invoiceRow();
    assertThat(row.get("status")).isEqualTo("paid");
    assertThat(row.get("paid_at")).isNotNull();
  }

  @Test
  void an_invoice_stripe_cannot_take_stays_open_and_pending_until_a_retry_succeeds() {
    stripe.down(tenant);
    fixtures.plan(tenant, "growth", start);

    finalizer.finalizeMonth(month);

    Map<String, Object> pending = invoiceRow();
    assertThat(pending.get("status")).isEqualTo("open");
    assertThat(pending.get("stripe_sync_pending")).isEqualTo(true);
    assertThat(pending.get("stripe_sync_attempts")).isEqualTo(1);
    assertThat(pending.get("stripe_sync_error")).isNotNull();
    assertThat(pending.get("stripe_invoice_id")).isNull();

    assertThat(nextAttempt()).isAfter(Instant.now().plusSeconds(30));

    sync.retryPending();
    assertThat(invoiceRow().get("stripe_sync_attempts")).as("not due yet: backing off").isEqualTo(1);

    timePasses();
    sync.retryPending();
    assertThat(invoiceRow().get("stripe_sync_pending")).as("still down").isEqualTo(true);
    assertThat(invoiceRow().get("stripe_sync_attempts")).isEqualTo(2);
    assertThat(nextAttempt()).as("the second wait is longer").isAfter(Instant.now().plusSeconds(90));

    assertThat(pendingGauge()).isGreaterThanOrEqualTo(1);

    stripe.up(tenant);
    timePasses();
    sync.retryPending();

    Map<String, Object> synced = invoiceRow();
    assertThat(synced.get("stripe_sync_pending")).isEqualTo(false);
    assertThat(synced.get("stripe_sync_error")).isNull();
    assertThat((String) synced.get("stripe_invoice_id")).startsWith("in_");
    assertThat(synced.get("status")).isEqualTo("open");
  }

  @Test
  void a_customer_stripe_has_lost_is_replaced_on_the_next_retry() {
    jdbc.update("INSERT INTO billing.stripe_customers (tenant_id, stripe_customer_id) VALUES (?, ?)",
        tenant, "cus_gone_" + UUID.randomUUID().toString().replace("-", ""));
    fixtures.plan(tenant, "starter", start);

    finalizer.finalizeMonth(month);
    assertThat(invoiceRow().get("stripe_sync_pending")).isEqualTo(true);
    timePasses();
    sync.retryPending();

    Map<String, Object> synced = invoiceRow();
    assertThat(synced.get("stripe_sync_pending")).isEqualTo(false);
    assertThat((String) synced.get("stripe_customer_id")).startsWith("cus_").doesNotStartWith("cus_gone_");
  }

  @Test
  void a_tenants_stripe_customer_is_created_once_and_reused() {
    fixtures.usage(tenant, start, 1);
    fixtures.usage(tenant, BillingFixtures.start(month.plusMonths(1)), 1);

    finalizer.finalizeMonth(month);
    finalizer.finalizeMonth(month.plusMonths(1));

    List<String> customers = jdbc.queryForList(
        "SELECT DISTINCT stripe_customer_id FROM billing.invoices WHERE tenant_id = ?", String.class, tenant);
    assertThat(customers).singleElement().asString().startsWith("cus_");
  }

  @Test
  void an_invoice_already_on_stripe_is_not_pushed_again() {
    fixtures.usage(tenant, start, 1);
    finalizer.finalizeMonth(month);
    Object stripeId = invoiceRow().get("stripe_invoice_id");

    boolean pushed = sync.push((UUID) invoiceRow().get("id"));

    assertThat(pushed).isFalse();
    assertThat(invoiceRow().get("stripe_invoice_id")).isEqualTo(stripeId);
  }
}
