package dev.flowgate.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.billing.BillingFixtures;
import dev.flowgate.billing.BillingIntegrationTest;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

@BillingIntegrationTest
class InvoiceFinalizationIT {

  @Autowired InvoiceFinalizer finalizer;
  @Autowired InvoiceService invoices;
  @Autowired JdbcTemplate jdbc;

  private BillingFixtures fixtures;
  private final YearMonth month = BillingFixtures.randomPastMonth();
  private final Instant start = BillingFixtures.start(month);

  @AfterEach
  void removePlans() {
    fixtures.removePlans();
  }

  @BeforeEach
  void setUp() {
    fixtures = new BillingFixtures(jdbc);
  }

  private long invoiceCount(UUID tenant) {
    return jdbc.queryForObject("SELECT count(*) FROM billing.invoices WHERE tenant_id = ?", Long.class, tenant);
  }

  private Invoice onlyInvoice(UUID tenant) {
    UUID id = jdbc.queryForObject("SELECT id FROM billing.invoices WHERE tenant_id = ?", UUID.class, tenant);
    return invoices.get(tenant, id);
  }

  @Test
  void a_month_becomes_one_invoice_per_tenant_on_its_plan_with_its_lines() {
    UUID starter = UUID.randomUUID();
    fixtures.plan(starter, "starter", start);
    fixtures.usage(starter, start.plus(1, ChronoUnit.HOURS), 60_000);
    fixtures.usage(starter, start.plus(27, ChronoUnit.DAYS).plus(23, ChronoUnit.HOURS), 41_001);
    fixtures.usage(starter, BillingFixtures.start(month.plusMonths(1)), 999_999);

    finalizer.finalizeMonth(month);

    Invoice invoice = onlyInvoice(starter);
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(invoice.planCode()).isEqualTo("starter");
    assertThat(invoice.periodStart()).isEqualTo(start);
    assertThat(invoice.periodEnd()).isEqualTo(BillingFixtures.start(month.plusMonths(1)));
    assertThat(invoice.number()).startsWith("FG-%d%02d-".formatted(month.getYear(), month.getMonthValue()));
    assertThat(invoice.finalizedAt()).isNotNull();
    assertThat(invoice.currency()).isEqualTo("USD");
    assertThat(invoice.calls()).as("the next month's calls are not counted").isEqualTo(101_001);
    assertThat(invoice.lineItems()).extracting(LineItem::kind).containsExactly(LineItem.Kind.BASE, LineItem.Kind.OVERAGE);
    assertThat(invoice.lineItems().get(1).quantity()).isEqualTo(2);
    assertThat(invoice.subtotalMinor()).isEqualTo(2_900 + 2 * 50);
    assertThat(invoice.totalMinor()).isEqualTo(2_900 + 2 * 50);
  }

  @Test
  void a_tenant_with_usage_but_no_plan_is_invoiced_on_free() {
    UUID tenant = UUID.randomUUID();
    fixtures.usage(tenant, start.plus(5, ChronoUnit.HOURS), 25_000);

    finalizer.finalizeMonth(month);

    Invoice invoice = onlyInvoice(tenant);
    assertThat(invoice.planCode()).isEqualTo("free");
    assertThat(invoice.totalMinor()).isZero();
  }

  @Test
  void a_tenant_with_a_plan_but_no_usage_is_invoiced_its_base_price() {
    UUID tenant = UUID.randomUUID();
    fixtures.plan(tenant, "growth", start.minus(400, ChronoUnit.DAYS));

    finalizer.finalizeMonth(month);

    assertThat(onlyInvoice(tenant).totalMinor()).isEqualTo(19_900);
  }

  @Test
  void a_plan_chosen_after_the_month_does_not_change_its_invoice() {
    UUID tenant = UUID.randomUUID();
    fixtures.plan(tenant, "starter", start.plus(2, ChronoUnit.DAYS));
    fixtures.plan(tenant, "growth", BillingFixtures.start(month.plusMonths(1)));

    finalizer.finalizeMonth(month);

    assertThat(onlyInvoice(tenant).planCode()).isEqualTo("starter");
  }

  @Test
  void a_plan_change_during_the_month_is_prorated_on_its_invoice() {
    UUID tenant = UUID.randomUUID();
    fixtures.plan(tenant, "starter", start.minus(30, ChronoUnit.DAYS));
    fixtures.plan(tenant, "growth", start.plus(10, ChronoUnit.DAYS));
    long seconds = ChronoUnit.SECONDS.between(start, BillingFixtures.start(month.plusMonths(1)));

    finalizer.finalizeMonth(month);

    Invoice invoice = onlyInvoice(tenant);
    assertThat(invoice.planCode()).isEqualTo("growth");
    assertThat(invoice.lineItems()).extracting(LineItem::kind).containsExactly(LineItem.Kind.BASE, LineItem.Kind.BASE);
    assertThat(invoice.lineItems().get(0).description()).startsWith("Starter plan").contains("prorated 10 of");
    assertThat(invoice.lineItems().get(0).amountMinor()).isEqualTo(InvoiceCalculator.prorate(2_900, 864_000, seconds));
    assertThat(invoice.lineItems().get(1).amountMinor())
        .isEqualTo(InvoiceCalculator.prorate(19_900, seconds - 864_000, seconds));
  }

  @Test
  void finalising_a_month_twice_keeps_one_invoice_per_tenant() {
    UUID tenant = UUID.randomUUID();
    fixtures.usage(tenant, start, 10);

    finalizer.finalizeMonth(month);
    UUID first = onlyInvoice(tenant).id();
    InvoiceFinalizer.Result again = finalizer.finalizeMonth(month);

    assertThat(invoiceCount(tenant)).isEqualTo(1);
    assertThat(onlyInvoice(tenant).id()).isEqualTo(first);
    assertThat(again.created()).isZero();
    assertThat(again.alreadyFinalized()).isPositive();
  }

  @Test
  void two_finalisations_at_once_still_make_one_invoice_per_tenant() throws Exception {
    List<UUID> tenants = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      UUID tenant = UUID.randomUUID();
      tenants.add(tenant);
      fixtures.plan(tenant, i % 2 == 0 ? "starter" : "growth", start);
      fixtures.usage(tenant, start.plus(i, ChronoUnit.HOURS), 1_000L * i);
    }
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<InvoiceFinalizer.Result>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(threads.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return finalizer.finalizeMonth(month);
        }));
      }
      InvoiceFinalizer.Result a = runs.get(0).get(60, TimeUnit.SECONDS);
      InvoiceFinalizer.Result b = runs.get(1).get(60, TimeUnit.SECONDS);

      assertThat(a.failed() + b.failed()).isZero();
      assertThat(a.created() + b.created()).isGreaterThanOrEqualTo(tenants.size());
    } finally {
      threads.shutdownNow();
    }
    for (UUID tenant : tenants) {
      assertThat(invoiceCount(tenant)).as("invoices of %s", tenant).isEqualTo(1);
    }
  }

  @Test
  void the_database_refuses_a_second_invoice_for_the_same_tenant_and_month() {
    UUID tenant = UUID.randomUUID();
    fixtures.usage(tenant, start, 1);
    finalizer.finalizeMonth(month);

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM billing.invoices WHERE tenant_id = ?", tenant);
    assertThatThrownBy(() -> jdbc.update(
        """
        INSERT INTO billing.invoices (id, tenant_id, number, period_start, period_end, plan_code, calls, status,
            currency, subtotal_minor, total_minor)
        VALUES (?, ?, ?, ?, ?, 'free', 0, 'open', 'USD', 0, 0)
        """,
        UUID.randomUUID(), tenant, "DUP-" + UUID.randomUUID(), row.get("period_start"), row.get("period_end")))
        .hasMessageContaining("invoices_tenant_period_uq");
  }

  @Test
  void finalisation_and_the_stripe_retry_are_scheduled_as_configured(@Autowired ScheduledTaskHolder scheduler) {
    List<String> cron = scheduler.getScheduledTasks().stream().map(ScheduledTask::getTask)
        .filter(CronTask.class::isInstance).map(task -> ((CronTask) task).getExpression()).toList();
    List<Long> delays = scheduler.getScheduledTasks().stream().map(ScheduledTask::getTask)
        .filter(FixedDelayTask.class::isInstance).map(task -> ((FixedDelayTask) task).getIntervalDuration().toMinutes())
        .toList();

    assertThat(cron).contains(InvoiceProperties.DEFAULT_FINALIZE_CRON);
    assertThat(delays).as("the test profile retries hourly").contains(60L);
  }

  @Test
  void a_month_that_is_not_over_cannot_be_finalised() {
    assertThatThrownBy(() -> finalizer.finalizeMonth(YearMonth.now()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not over");
  }
}
