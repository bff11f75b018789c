package dev.flowgate.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.billing.BillingFixtures;
import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.UsageClient;
import dev.flowgate.billing.UsageClient.Answer;
import dev.flowgate.billing.plans.BillingPeriod;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@BillingIntegrationTest
class InvoiceApiIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired InvoiceFinalizer finalizer;

  private UsageClient client;
  private BillingFixtures fixtures;
  private final UUID tenant = UUID.randomUUID();

  @AfterEach
  void removePlans() {
    fixtures.removePlans();
  }

  @BeforeEach
  void setUp() {
    client = new UsageClient(port);
    fixtures = new BillingFixtures(jdbc);
  }

  private String invoices() {
    return "/internal/v1/tenants/" + tenant + "/invoices";
  }

  @Test
  void the_upcoming_invoice_is_this_months_running_bill() {
    fixtures.plan(tenant, "starter", BillingPeriod.containing(Instant.now()).start());
    fixtures.usage(tenant, Instant.now().truncatedTo(ChronoUnit.HOURS), 101_234);

    Answer answer = client.get(invoices() + "/upcoming", UsageClient.TOKEN);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.get("status").asString()).isEqualTo("draft");
    assertThat(json.get("id").isNull()).isTrue();
    assertThat(json.get("currency").asString()).isEqualTo("USD");
    assertThat(json.get("periodStart").asString()).isEqualTo(BillingPeriod.containing(Instant.now()).start().toString());
    assertThat(json.get("subtotalMinor").asLong()).isEqualTo(2_900 + 2 * 50);
    assertThat(json.get("totalMinor").asLong()).isEqualTo(3_000);
    JsonNode lines = json.get("lineItems");
    assertThat(lines.findValuesAsString("kind")).containsExactly("base", "overage");
    assertThat(lines.get(1).get("quantity").asLong()).isEqualTo(2);
    assertThat(lines.get(1).get("unitAmountMinor").asLong()).isEqualTo(50);
    assertThat(lines.get(1).get("amountMinor").asLong()).isEqualTo(100);
    assertThat(json.get("stripeInvoiceId").isNull()).isTrue();
    assertThat(json.get("finalizedAt").isNull()).isTrue();
  }

  @Test
  void a_plan_chosen_this_month_shows_prorated_on_the_running_bill() {
    client.put("/internal/v1/tenants/" + tenant + "/plan", "{\"planCode\":\"growth\"}", UsageClient.TOKEN);

    JsonNode lines = client.get(invoices() + "/upcoming", UsageClient.TOKEN).json().get("lineItems");

    assertThat(lines.findValuesAsString("kind")).containsExactly("base", "base");
    assertThat(lines.get(0).get("description").asString()).startsWith("Free plan");
    assertThat(lines.get(1).get("description").asString()).startsWith("Growth plan").contains("prorated");
    assertThat(lines.get(1).get("amountMinor").asLong()).isBetween(1L, 19_900L);
  }

  @Test
  void invoices_are_listed_newest_first_without_lines_and_read_one_by_one_with_them() {
    YearMonth older = BillingFixtures.randomPastMonth();
    YearMonth newer = older.plusMonths(1);
    fixtures.usage(tenant, BillingFixtures.start(older), 5);
    fixtures.usage(tenant, BillingFixtures.start(newer), 7);
    finalizer.finalizeMonth(older);
    finalizer.finalizeMonth(newer);

    JsonNode page = client.get(invoices() + "?page=0&size=1", UsageClient.TOKEN).json();
    JsonNode listed = page.get("items").get(0);
    Answer one = client.get(invoices() + "/" + listed.get("id").asString(), UsageClient.TOKEN);

    assertThat(page.get("total").asLong()).isEqualTo(2);
    assertThat(page.get("page").asInt()).isZero();
    assertThat(page.get("size").asInt()).isEqualTo(1);
    assertThat(page.get("items").size()).isEqualTo(1);
    assertThat(listed.get("periodStart").asString()).isEqualTo(BillingFixtures.start(newer).toString());
    assertThat(listed.has("lineItems")).isFalse();
    assertThat(listed.get("number").asString()).startsWith("FG-%d%02d-".formatted(newer.getYear(), newer.getMonthValue()));
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("lineItems").size()).isEqualTo(1);
    assertThat(one.json().get("finalizedAt").isNull()).isFalse();
    assertThat(client.get(invoices() + "?page=1&size=1", UsageClient.TOKEN).json().get("items").get(0)
        .get("periodStart").asString()).isEqualTo(BillingFixtures.start(older).toString());
  }

  @Test
  void another_tenants_invoice_is_not_found() {
    YearMonth month = BillingFixtures.randomPastMonth();
    fixtures.usage(tenant, BillingFixtures.start(month), 1);
    finalizer.finalizeMonth(month);
    String id = client.get(invoices(), UsageClient.TOKEN).json().get("items").get(0).get("id").asString();

    Answer answer = client.get("/internal/v1/tenants/" + UUID.randomUUID() + "/invoices/" + id, UsageClient.TOKEN);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.json().get("type").asString()).isEqualTo("https://flowgate.dev/problems/not-found");
    assertThat(answer.response().body()).doesNotContain(tenant.toString());
  }

  @Test
  void an_invoice_id_that_is_not_a_uuid_is_not_found() {
    assertThat(client.get(invoices() + "/nope", UsageClient.TOKEN).status()).isEqualTo(404);
  }

  @Test
  void a_tenant_without_invoices_has_an_empty_first_page() {
    JsonNode page = client.get(invoices(), UsageClient.TOKEN).json();

    assertThat(page.get("items").size()).isZero();
    assertThat(page.get("total").asLong()).isZero();
    assertThat(page.get("size").asInt()).isEqualTo(20);
  }

  @Test
  void bad_paging_is_a_problem_naming_each_field() {
    Answer answer = client.get(invoices() + "?page=-1&size=1000", UsageClient.TOKEN);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactly("page", "size");
  }

  @Test
  void invoices_need_the_internal_token() {
    assertThat(client.get(invoices() + "/upcoming", null).status()).isEqualTo(401);
  }
}
