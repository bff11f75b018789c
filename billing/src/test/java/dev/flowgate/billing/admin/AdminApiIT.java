package dev.flowgate.billing.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.billing.BillingFixtures;
import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.UsageClient;
import dev.flowgate.billing.UsageClient.Answer;
import dev.flowgate.billing.invoices.InvoiceFinalizer;
import dev.flowgate.billing.plans.BillingPeriod;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@BillingIntegrationTest
class AdminApiIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired InvoiceFinalizer finalizer;

  private UsageClient client;
  private BillingFixtures fixtures;
  private final UUID invoiced = UUID.randomUUID();
  private final UUID running = UUID.randomUUID();
  private final YearMonth month = BillingFixtures.randomPastMonth();
  private final List<UUID> insertedInvoices = new ArrayList<>();

  @BeforeEach
  void setUp() {
    client = new UsageClient(port);
    fixtures = new BillingFixtures(jdbc);
  }

  @AfterEach
  void cleanUp() {
    fixtures.removePlans();
    insertedInvoices.forEach(id -> jdbc.update("DELETE FROM billing.invoices WHERE id = ?", id));
  }

  private JsonNode get(String path) {
    Answer answer = client.get(path, UsageClient.TOKEN);
    assertThat(answer.status()).as(path).isEqualTo(200);
    return answer.json();
  }

  /** An invoice straight in the table, for months finalisation would not touch (recent ones). */
  private void invoice(YearMonth of, String status, long totalMinor) {
    UUID id = UUID.randomUUID();
    BillingPeriod period = BillingPeriod.of(of);
    jdbc.update("INSERT INTO billing.invoices (id, tenant_id, number, period_start, period_end, plan_code, calls, status,"
        + " currency, subtotal_minor, total_minor, finalized_at) VALUES (?, ?, ?, ?, ?, 'starter', 0, ?, 'USD', ?, ?, now())",
        id, UUID.randomUUID(), "IT-" + id, period.start().atOffset(ZoneOffset.UTC), period.end().atOffset(ZoneOffset.UTC),
        status, totalMinor, totalMinor);
    insertedInvoices.add(id);
  }

  private JsonNode revenueOf(JsonNode revenue, YearMonth of) {
    for (JsonNode row : revenue.get("months")) {
      if (row.get("period").asString().equals(of.toString()) && row.get("currency").asString().equals("USD")) {
        return row;
      }
    }
    throw new AssertionError("no USD row for " + of);
  }

  @Test
  void revenue_per_month_adds_invoiced_paid_and_open_amounts() {
    YearMonth last = BillingPeriod.month(Instant.now()).minusMonths(1);
    JsonNode before = revenueOf(get("/internal/v1/admin/revenue?months=3"), last);

    invoice(last, "paid", 1_000);
    invoice(last, "open", 300);
    invoice(last, "void", 50_000);
    JsonNode revenue = get("/internal/v1/admin/revenue?months=3");
    JsonNode after = revenueOf(revenue, last);

    assertThat(revenue.get("months").findValuesAsString("period")).contains(
        last.minusMonths(1).toString(), last.toString(), last.plusMonths(1).toString());
    assertThat(after.get("invoicedMinor").asLong() - before.get("invoicedMinor").asLong()).isEqualTo(1_300);
    assertThat(after.get("paidMinor").asLong() - before.get("paidMinor").asLong()).isEqualTo(1_000);
    assertThat(after.get("openMinor").asLong() - before.get("openMinor").asLong()).isEqualTo(300);
    assertThat(after.get("tenants").asLong() - before.get("tenants").asLong()).isEqualTo(3);
    assertThat(after.has("calls")).isTrue();
    assertThat(client.get("/internal/v1/admin/revenue?months=0", UsageClient.TOKEN).status()).isEqualTo(400);
  }

  @Test
  void revenue_by_plan_counts_each_plans_invoices_of_the_month_except_void_ones() {
    YearMonth last = BillingPeriod.month(Instant.now()).minusMonths(1);
    JsonNode before = starterOf(get("/internal/v1/admin/revenue?months=2"), last);

    invoice(last, "paid", 2_900);
    invoice(last, "payment_failed", 3_100);
    invoice(last, "void", 9_900);
    JsonNode after = starterOf(get("/internal/v1/admin/revenue?months=2"), last);

    assertThat(after.get("invoices").asLong() - before.path("invoices").asLong(0)).isEqualTo(2);
    assertThat(after.get("invoicedMinor").asLong() - before.path("invoicedMinor").asLong(0)).isEqualTo(6_000);
  }

  private static JsonNode starterOf(JsonNode revenue, YearMonth of) {
    for (JsonNode row : revenue.get("byPlan")) {
      if (row.get("period").asString().equals(of.toString()) && row.get("planCode").asString().equals("starter")
          && row.get("currency").asString().equals("USD")) {
        return row;
      }
    }
    return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  }

  @Test
  void finalising_a_tenants_month_on_request_creates_its_invoice_once_and_leaves_other_tenants_alone() {
    fixtures.plan(invoiced, "starter", BillingFixtures.start(month));
    fixtures.plan(running, "starter", BillingFixtures.start(month));
    String body = "{\"period\":\"" + month + "\",\"tenantId\":\"" + invoiced + "\"}";

    Answer first = finalize(body);
    Answer second = finalize(body);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("month").asString()).isEqualTo(month.toString());
    assertThat(first.json().get("created").asInt()).isEqualTo(1);
    assertThat(second.json().get("created").asInt()).isZero();
    assertThat(second.json().get("alreadyFinalized").asInt()).isEqualTo(1);
    assertThat(invoicesOf(invoiced)).isEqualTo(1);
    assertThat(invoicesOf(running)).isZero();
    String thisMonth = BillingPeriod.month(Instant.now()).toString();
    assertThat(finalize("{\"period\":\"" + thisMonth + "\"}").status()).isEqualTo(400);
    assertThat(client.post("/internal/v1/admin/invoices/finalize", body, "Content-Type", "application/json").status())
        .isEqualTo(401);
  }

  private Answer finalize(String body) {
    return client.post("/internal/v1/admin/invoices/finalize", body, "Content-Type", "application/json",
        "Authorization", "Bearer " + UsageClient.TOKEN);
  }

  private int invoicesOf(UUID tenant) {
    Integer n = jdbc.queryForObject("SELECT count(*) FROM billing.invoices WHERE tenant_id = ?", Integer.class, tenant);
    return n == null ? 0 : n;
  }

  @Test
  void usage_of_a_period_lists_each_tenant_with_its_invoice_or_running_amount() {
    fixtures.plan(invoiced, "starter", BillingFixtures.start(month));
    fixtures.usage(invoiced, BillingFixtures.start(month), 101_000);
    finalizer.finalizeMonth(month);
    fixtures.usage(running, BillingFixtures.start(month).plusSeconds(7_200), 42);

    JsonNode usage = get("/internal/v1/admin/usage?period=" + month);

    assertThat(usage.get("period").asString()).isEqualTo(month.toString());
    JsonNode withInvoice = row(usage, invoiced);
    assertThat(withInvoice.get("planCode").asString()).isEqualTo("starter");
    assertThat(withInvoice.get("calls").asLong()).isEqualTo(101_000);
    assertThat(withInvoice.get("includedCalls").asLong()).isEqualTo(100_000);
    assertThat(withInvoice.get("amountDueMinor").asLong()).isEqualTo(2_900 + 50);
    assertThat(withInvoice.get("currency").asString()).isEqualTo("USD");
    assertThat(withInvoice.get("invoiceStatus").asString()).isEqualTo("open");
    assertThat(withInvoice.get("invoiceId").isNull()).isFalse();
    JsonNode withoutInvoice = row(usage, running);
    assertThat(withoutInvoice.get("planCode").asString()).isEqualTo("free");
    assertThat(withoutInvoice.get("calls").asLong()).isEqualTo(42);
    assertThat(withoutInvoice.get("errors").asLong()).isZero();
    assertThat(withoutInvoice.get("amountDueMinor").asLong()).isZero();
    assertThat(withoutInvoice.get("invoiceId").isNull()).isTrue();
    assertThat(client.get("/internal/v1/admin/usage?period=2020-13", UsageClient.TOKEN).status()).isEqualTo(400);
  }

  @Test
  void invoices_of_every_tenant_are_filtered_by_status_and_period_and_paged() {
    // on a paid plan: a zero invoice is settled by Stripe at once and would no longer be open
    fixtures.plan(invoiced, "starter", BillingFixtures.start(month));
    fixtures.plan(running, "starter", BillingFixtures.start(month));
    fixtures.usage(invoiced, BillingFixtures.start(month), 5);
    finalizer.finalizeMonth(month);

    JsonNode page = get("/internal/v1/admin/invoices?status=open&period=" + month + "&page=0&size=100");
    JsonNode paid = get("/internal/v1/admin/invoices?status=paid&period=" + month);
    JsonNode small = get("/internal/v1/admin/invoices?period=" + month + "&page=0&size=1");

    assertThat(page.get("items").findValuesAsString("tenantId")).contains(invoiced.toString(), running.toString());
    assertThat(page.get("total").asLong()).isEqualTo(page.get("items").size());
    assertThat(page.get("items").get(0).has("lineItems")).isFalse();
    assertThat(page.get("items").get(0).get("periodStart").asString()).isEqualTo(BillingFixtures.start(month).toString());
    assertThat(paid.get("items").findValuesAsString("tenantId")).doesNotContain(invoiced.toString());
    assertThat(small.get("items").size()).isEqualTo(1);
    assertThat(small.get("size").asInt()).isEqualTo(1);
    assertThat(small.get("total").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(client.get("/internal/v1/admin/invoices?status=lost", UsageClient.TOKEN).status()).isEqualTo(400);
  }

  @Test
  void admin_endpoints_need_the_internal_token() {
    for (String path : List.of("/internal/v1/admin/revenue", "/internal/v1/admin/usage", "/internal/v1/admin/invoices",
        "/internal/v1/admin/exports/usage.csv?from=2020-01-01&to=2020-01-02")) {
      assertThat(client.get(path, null).status()).as(path).isEqualTo(401);
    }
  }

  private static JsonNode row(JsonNode usage, UUID tenant) {
    for (JsonNode row : usage.get("rows")) {
      if (row.get("tenantId").asString().equals(tenant.toString())) {
        return row;
      }
    }
    throw new AssertionError("no row for " + tenant);
  }
}
