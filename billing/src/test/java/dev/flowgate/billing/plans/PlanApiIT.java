package dev.flowgate.billing.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.billing.BillingFixtures;
import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.UsageClient;
import dev.flowgate.billing.UsageClient.Answer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@BillingIntegrationTest
class PlanApiIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private UsageClient client;
  private BillingFixtures fixtures;
  private final UUID tenant = UUID.randomUUID();

  @BeforeEach
  void setUp() {
    client = new UsageClient(port);
    fixtures = new BillingFixtures(jdbc);
  }

  @Test
  void the_seeded_plans_are_listed_with_prices_in_minor_units() {
    Answer answer = client.get("/internal/v1/plans", UsageClient.TOKEN);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode plans = answer.json();
    assertThat(plans.findValuesAsString("code")).startsWith("free", "starter", "growth");
    JsonNode free = plans.get(0);
    assertThat(free.get("basePriceMinor").asLong()).isZero();
    assertThat(free.get("includedCalls").asLong()).isEqualTo(10_000);
    assertThat(free.get("hardLimitCalls").asLong()).isEqualTo(10_000);
    JsonNode starter = plans.get(1);
    assertThat(starter.get("currency").asString()).isEqualTo("USD");
    assertThat(starter.get("basePriceMinor").asLong()).isEqualTo(2_900);
    assertThat(starter.get("includedCalls").asLong()).isEqualTo(100_000);
    assertThat(starter.get("overagePerThousandMinor").asLong()).isEqualTo(50);
    assertThat(starter.get("hardLimitCalls").isNull()).isTrue();
    JsonNode growth = plans.get(2);
    assertThat(growth.get("basePriceMinor").asLong()).isEqualTo(19_900);
    assertThat(growth.get("includedCalls").asLong()).isEqualTo(2_000_000);
    assertThat(growth.get("overagePerThousandMinor").asLong()).isEqualTo(20);
  }

  @Test
  void a_tenant_that_never_chose_a_plan_is_on_free_with_this_months_calls() {
    Instant thisHour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    fixtures.usage(tenant, thisHour, 120);
    fixtures.usage(tenant, thisHour, 3);

    JsonNode json = client.get("/internal/v1/tenants/" + tenant + "/plan", UsageClient.TOKEN).json();

    assertThat(json.get("tenantId").asString()).isEqualTo(tenant.toString());
    assertThat(json.get("plan").get("code").asString()).isEqualTo("free");
    assertThat(json.get("callsThisPeriod").asLong()).isEqualTo(123);
    BillingPeriod period = BillingPeriod.containing(Instant.now());
    assertThat(json.get("periodStart").asString()).isEqualTo(period.start().toString());
    assertThat(json.get("periodEnd").asString()).isEqualTo(period.end().toString());
  }

  @Test
  void last_months_calls_do_not_count_in_this_period() {
    fixtures.usage(tenant, BillingPeriod.containing(Instant.now()).start().minus(1, ChronoUnit.HOURS), 500);

    assertThat(client.get("/internal/v1/tenants/" + tenant + "/plan", UsageClient.TOKEN).json()
        .get("callsThisPeriod").asLong()).isZero();
  }

  @Test
  void a_tenant_changes_plan_and_keeps_it() {
    Answer changed = client.put("/internal/v1/tenants/" + tenant + "/plan", "{\"planCode\":\"starter\"}", UsageClient.TOKEN);
    Answer read = client.get("/internal/v1/tenants/" + tenant + "/plan", UsageClient.TOKEN);

    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().get("plan").get("code").asString()).isEqualTo("starter");
    assertThat(read.json().get("plan").get("code").asString()).isEqualTo("starter");
    assertThat(read.json().get("plan").get("basePriceMinor").asLong()).isEqualTo(2_900);
  }

  @Test
  void choosing_the_current_plan_again_adds_no_history() {
    client.put("/internal/v1/tenants/" + tenant + "/plan", "{\"planCode\":\"growth\"}", UsageClient.TOKEN);
    client.put("/internal/v1/tenants/" + tenant + "/plan", "{\"planCode\":\"growth\"}", UsageClient.TOKEN);

    assertThat(jdbc.queryForObject("SELECT count(*) FROM billing.tenant_plans WHERE tenant_id = ?", Long.class, tenant))
        .isEqualTo(1);
  }

  @Test
  void an_unknown_plan_is_a_problem_naming_the_field_and_changes_nothing() {
    Answer answer = client.put("/internal/v1/tenants/" + tenant + "/plan", "{\"planCode\":\"platinum\"}", UsageClient.TOKEN);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.json().get("type").asString()).isEqualTo("https://flowgate.dev/problems/invalid-request");
    assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactly("planCode");
    assertThat(client.get("/internal/v1/tenants/" + tenant + "/plan", UsageClient.TOKEN).json()
        .get("plan").get("code").asString()).isEqualTo("free");
  }

  @Test
  void a_missing_plan_code_is_a_problem() {
    Answer answer = client.put("/internal/v1/tenants/" + tenant + "/plan", "{}", UsageClient.TOKEN);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactly("planCode");
  }

  @Test
  void a_tenant_id_that_is_not_a_uuid_is_a_bad_request_problem() {
    Answer answer = client.get("/internal/v1/tenants/acme/plan", UsageClient.TOKEN);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("type").asString()).isEqualTo("https://flowgate.dev/problems/invalid-request");
  }

  @Test
  void plans_need_the_internal_token() {
    assertThat(client.get("/internal/v1/plans", null).status()).isEqualTo(401);
    assertThat(client.put("/internal/v1/tenants/" + tenant + "/plan", "{\"planCode\":\"growth\"}", "wrong").status())
        .isEqualTo(401);
  }
}
