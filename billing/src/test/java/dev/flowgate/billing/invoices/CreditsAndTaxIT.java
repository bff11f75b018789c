package dev.flowgate.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.billing.BillingFixtures;
import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.UsageClient;
import dev.flowgate.billing.UsageClient.Answer;
import dev.flowgate.billing.plans.BillingPeriod;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@BillingIntegrationTest
class CreditsAndTaxIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired InvoiceFinalizer finalizer;
  @Autowired InvoiceService invoices;

  private UsageClient client;
  private BillingFixtures fixtures;
  private final UUID tenant = UUID.randomUUID();

  @BeforeEach
  void setUp() {
    client = new UsageClient(port);
    fixtures = new BillingFixtures(jdbc);
  }

  @AfterEach
  void removePlans() {
    fixtures.removePlans();
  }

  private String tenantPath() {
    return "/internal/v1/tenants/" + tenant;
  }

  private Answer grant(String body) {
    return client.post(tenantPath() + "/credits", body, "Authorization", "Bearer " + UsageClient.TOKEN,
        "Content-Type", "application/json");
  }

  @Test
  void a_granted_credit_is_created_listed_and_shown_negative_on_the_running_bill() {
    fixtures.plan(tenant, "starter", BillingPeriod.containing(Instant.now()).start());

    Answer created = grant("{\"amountMinor\":500,\"reason\":\"Outage on the 3rd\",\"actor\":\"ops@flowgate.dev\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.response().headers().firstValue("Location")).hasValueSatisfying(l -> l.contains("/credits/"));
    assertThat(created.json().get("amountMinor").asLong()).isEqualTo(500);
    assertThat(created.json().get("currency").asString()).isEqualTo("USD");
    assertThat(created.json().get("invoiceId").isNull()).isTrue();
    JsonNode listed = client.get(tenantPath() + "/credits", UsageClient.TOKEN).json().get("items");
    assertThat(listed.size()).isEqualTo(1);
    assertThat(listed.get(0).get("reason").asString()).isEqualTo("Outage on the 3rd");
    assertThat(listed.get(0).get("actor").asString()).isEqualTo("ops@flowgate.dev");

    JsonNode upcoming = client.get(tenantPath() + "/invoices/upcoming", UsageClient.TOKEN).json();
    assertThat(upcoming.get("lineItems").findValuesAsString("kind")).containsExactly("base", "credit");
    assertThat(upcoming.get("lineItems").get(1).get("amountMinor").asLong()).isEqualTo(-500);
    assertThat(upcoming.get("totalMinor").asLong()).isEqualTo(2_900 - 500);
  }

  @Test
  void a_credit_without_reason_or_with_a_foreign_currency_is_a_problem_and_nothing_is_granted() {
    Answer answer = grant("{\"amountMinor\":0,\"currency\":\"EUR\",\"actor\":\"ops\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("amountMinor", "currency", "reason");
    assertThat(client.get(tenantPath() + "/credits", UsageClient.TOKEN).json().get("items").size()).isZero();
  }

  @Test
  void a_tenant_tax_rate_adds_a_tax_line_after_credits() {
    fixtures.plan(tenant, "starter", BillingPeriod.containing(Instant.now()).start());
    grant("{\"amountMinor\":900,\"reason\":\"Goodwill\",\"actor\":\"ops\"}");

    Answer set = client.put(tenantPath() + "/tax-rate", "{\"rateBasisPoints\":2000,\"label\":\"VAT\"}",
        UsageClient.TOKEN);

    assertThat(set.status()).isEqualTo(200);
    JsonNode upcoming = client.get(tenantPath() + "/invoices/upcoming", UsageClient.TOKEN).json();
    assertThat(upcoming.get("lineItems").findValuesAsString("kind")).containsExactly("base", "credit", "tax");
    assertThat(upcoming.get("lineItems").get(2).get("amountMinor").asLong()).isEqualTo(400);
    assertThat(upcoming.get("totalMinor").asLong()).isEqualTo(2_400);
    assertThat(client.put(tenantPath() + "/tax-rate", "{\"rateBasisPoints\":10001}", UsageClient.TOKEN).status())
        .isEqualTo(400);
  }

  @Test
  void a_finalised_invoice_uses_the_credits_granted_before_its_end_and_carries_the_rest_over() {
    YearMonth month = BillingFixtures.randomPastMonth();
    Instant start = BillingFixtures.start(month);
    fixtures.plan(tenant, "starter", start);
    UUID big = UUID.randomUUID();
    jdbc.update("INSERT INTO billing.credits (id, tenant_id, amount_minor, currency, reason, actor, created_at) "
        + "VALUES (?, ?, 5000, 'USD', 'Migration', 'ops', ?)", big, tenant, start.plusSeconds(3_600).atOffset(ZoneOffset.UTC));
    jdbc.update("INSERT INTO billing.credits (id, tenant_id, amount_minor, currency, reason, actor, created_at) "
        + "VALUES (?, ?, 100, 'USD', 'Later', 'ops', ?)", UUID.randomUUID(), tenant,
        BillingPeriod.of(month).end().plusSeconds(60).atOffset(ZoneOffset.UTC));

    finalizer.finalizeMonth(month);

    UUID invoiceId = jdbc.queryForObject("SELECT id FROM billing.invoices WHERE tenant_id = ?", UUID.class, tenant);
    Invoice invoice = invoices.get(tenant, invoiceId);
    assertThat(invoice.lineItems()).extracting(LineItem::kind).containsExactly(LineItem.Kind.BASE, LineItem.Kind.CREDIT);
    assertThat(invoice.lineItems().get(1).amountMinor()).isEqualTo(-2_900);
    assertThat(invoice.totalMinor()).isZero();
    assertThat(jdbc.queryForObject("SELECT applied_minor FROM billing.credits WHERE id = ?", Long.class, big))
        .isEqualTo(2_900);
    assertThat(jdbc.queryForList("SELECT amount_minor FROM billing.credits WHERE tenant_id = ? AND invoice_id IS NULL "
        + "ORDER BY amount_minor", Long.class, tenant)).containsExactly(100L, 2_100L);
  }
}
