package dev.flowgate.portal.billingteam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubBillingControl;
import dev.flowgate.portal.admin.PlatformAccounts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The billing team's API against real PostgreSQL and the stub billing server. */
class BillingTeamApiIT extends PortalIT {

  private static final String BASE = "/api/v1/admin/billing";

  @Autowired PlatformAccounts accounts;

  @AfterEach
  void billingBack() {
    StubBillingControl.failing(false);
  }

  private UUID firstAdmin() {
    return jdbc.sql("select id from platform_users where role = 'platform-admin' order by created_at limit 1")
        .query(UUID.class).single();
  }

  private String adminToken() {
    return accounts.issueToken(firstAdmin(), "test");
  }

  private String billingTeamToken() {
    UUID id = accounts.create("billing-team-" + UUID.randomUUID() + "@flowgate.test", "x", "billing-team");
    return accounts.issueToken(id, "test");
  }

  private static void assertForbidden(Api.Response response) {
    assertThat(response.status()).as(response.raw()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
  }

  @Test
  void tenant_users_even_the_owner_are_refused_every_billing_team_endpoint() {
    Api.Tenant tenant = signUp();
    String tenantPath = BASE + "/tenants/" + tenant.id();
    for (String token : List.of(tenant.token(), member(tenant, "admin"), member(tenant, "billing"))) {
      assertForbidden(api.get(BASE + "/revenue", token));
      assertForbidden(api.get(BASE + "/usage", token));
      assertForbidden(api.get(BASE + "/invoices", token));
      assertForbidden(api.get(tenantPath, token));
      assertForbidden(api.post(tenantPath + "/credits", token, Map.of("amountMinor", 100, "reason", "self-service")));
      assertForbidden(api.send("PUT", tenantPath + "/plan", token, Map.of("planCode", "business")));
      assertForbidden(api.get(BASE + "/exports/usage.csv?from=2026-11-01&to=2026-11-30", token));
      assertForbidden(api.post(BASE + "/team", token, Map.of("email", "x@example.com", "password", "long enough password")));
    }
    assertThat(api.get(BASE + "/revenue", null).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/audit-logs", tenant.token()).json().path("items").valueStream()
        .noneMatch(e -> e.path("action").asString().startsWith("billing."))).isTrue();
  }

  @Test
  void billing_team_and_the_first_platform_admin_read_revenue_by_month() {
    for (String token : List.of(billingTeamToken(), adminToken())) {
      Api.Response revenue = api.get(BASE + "/revenue?months=6", token);
      assertThat(revenue.status()).as(revenue.raw()).isEqualTo(200);
      assertThat(StubBillingControl.lastRequest()).isEqualTo("/internal/v1/admin/revenue?months=6");
      assertThat(StubBillingControl.lastAuthorization()).isEqualTo("Bearer " + INTERNAL_TOKEN);
      JsonNode months = revenue.json().path("months");
      assertThat(months.size()).isEqualTo(6);
      assertThat(months.get(5).path("openMinor").asLong()).isEqualTo(6 * 4900);
    }
    assertThat(api.get(BASE + "/revenue?months=0", billingTeamToken()).status()).isEqualTo(400);
  }

  @Test
  void usage_across_tenants_carries_the_tenants_names_and_is_searched_by_name_slug_or_plan() {
    Api.Tenant tenant = signUp();
    StubBillingControl.billedTenant(tenant.id(), "business", 4321);
    String token = billingTeamToken();

    JsonNode found = api.get(BASE + "/usage?period=2026-10&q=" + tenant.slug().toUpperCase(), token).json();
    assertThat(StubBillingControl.lastQuery()).isEqualTo("period=2026-10");
    assertThat(found.path("period").asString()).isEqualTo("2026-10");
    assertThat(found.path("rows").size()).isEqualTo(1);
    JsonNode row = found.path("rows").get(0);
    assertThat(row.path("tenantId").asString()).isEqualTo(tenant.id().toString());
    assertThat(row.path("tenantSlug").asString()).isEqualTo(tenant.slug());
    assertThat(row.path("calls").asLong()).isEqualTo(4321);
    assertThat(api.get(BASE + "/usage?period=2026-10&q=no-such-tenant-" + UUID.randomUUID(), token).json().path("rows").size()).isZero();
    assertThat(api.get(BASE + "/usage?period=October", token).status()).isEqualTo(400);
  }

  @Test
  void invoices_across_tenants_filter_by_state_and_period_and_refuse_an_unknown_state() {
    Api.Tenant tenant = signUp();
    StubBillingControl.billedTenant(tenant.id(), "pro", 10);
    String token = billingTeamToken();

    Api.Response open = api.get(BASE + "/invoices?status=open&period=2026-10&page=0&size=50", token);
    assertThat(open.status()).as(open.raw()).isEqualTo(200);
    assertThat(StubBillingControl.lastQuery()).contains("status=open").contains("period=2026-10").contains("size=50");
    assertThat(open.json().path("items").valueStream().allMatch(i -> i.path("status").asString().equals("open"))).isTrue();
    assertThat(open.json().path("items").valueStream().filter(i -> i.path("tenantId").asString().equals(tenant.id().toString()))
        .findFirst().orElseThrow().path("tenantSlug").asString()).isEqualTo(tenant.slug());
    Api.Response unknown = api.get(BASE + "/invoices?status=lost", token);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("status");
  }

  @Test
  void the_drill_down_shows_one_tenants_plan_running_bill_invoices_credits_and_alerts() {
    Api.Tenant tenant = signUp();
    String token = billingTeamToken();
    api.post(BASE + "/tenants/" + tenant.id() + "/credits", token, Map.of("amountMinor", 500, "reason", "Outage on 3 Nov"));

    JsonNode drill = api.get(BASE + "/tenants/" + tenant.id(), token).json();
    assertThat(drill.path("tenant").path("slug").asString()).isEqualTo(tenant.slug());
    assertThat(drill.path("plan").path("plan").path("code").asString()).isEqualTo("free");
    assertThat(drill.path("upcoming").path("totalMinor").asLong()).isEqualTo(2150);
    assertThat(drill.path("invoices").get(0).path("id").asString()).isEqualTo("inv_" + tenant.id());
    assertThat(drill.path("credits").path("items").get(0).path("reason").asString()).isEqualTo("Outage on 3 Nov");
    assertThat(drill.path("alerts").path("items").get(0).path("thresholdPercent").asInt()).isEqualTo(80);
    assertThat(api.get(BASE + "/tenants/" + UUID.randomUUID(), token).status()).isEqualTo(404);
  }

  @Test
  void a_credit_is_issued_in_billing_with_the_operator_and_audited_in_the_tenants_trail() {
    Api.Tenant tenant = signUp();
    UUID operator = accounts.create("billing-team-" + UUID.randomUUID() + "@flowgate.test", "x", "billing-team");
    String token = accounts.issueToken(operator, "test");

    Api.Response issued = api.post(BASE + "/tenants/" + tenant.id() + "/credits", token,
        Map.of("amountMinor", 1250, "reason", "Goodwill for the 3 Nov outage"));

    assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
    assertThat(issued.json().path("actor").asString()).startsWith("billing-team-").endsWith("@flowgate.test");
    JsonNode credits = api.get(BASE + "/tenants/" + tenant.id() + "/credits", token).json();
    assertThat(credits.path("items").get(0).path("amountMinor").asLong()).isEqualTo(1250);
    JsonNode audited = api.get("/api/v1/audit-logs?resourceType=credit", tenant.token()).json().path("items").get(0);
    assertThat(audited.path("action").asString()).isEqualTo("billing.credit_issued");
    assertThat(audited.path("actorType").asString()).isEqualTo("platform");
    assertThat(audited.path("actorId").asString()).isEqualTo(operator.toString());
    assertThat(audited.path("resourceId").asString()).isEqualTo(issued.json().path("id").asString());
    assertThat(audited.path("before").isNull() || audited.path("before").isMissingNode()).isTrue();
    assertThat(audited.path("after").path("reason").asString()).isEqualTo("Goodwill for the 3 Nov outage");
    assertThat(audited.path("after").path("amountMinor").asLong()).isEqualTo(1250);
  }

  @Test
  void a_credit_without_a_reason_or_a_positive_amount_is_refused_field_by_field_and_not_audited() {
    Api.Tenant tenant = signUp();
    String token = billingTeamToken();

    Api.Response invalid = api.post(BASE + "/tenants/" + tenant.id() + "/credits", token, Map.of("amountMinor", -5, "reason", " "));
    Api.Response refusedByBilling = api.post(BASE + "/tenants/" + tenant.id() + "/credits", token,
        Map.of("amountMinor", 60_000_000, "reason", "typo"));

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .containsExactlyInAnyOrder("amountMinor", "reason");
    assertThat(refusedByBilling.status()).isEqualTo(400);
    assertThat(refusedByBilling.json().path("errors").get(0).path("message").asString()).contains("exceeds");
    assertThat(api.get("/api/v1/audit-logs?resourceType=credit", tenant.token()).json().path("items").size()).isZero();
    assertThat(api.post(BASE + "/tenants/" + UUID.randomUUID() + "/credits", token,
        Map.of("amountMinor", 100, "reason", "nobody")).status()).isEqualTo(404);
  }

  @Test
  void a_plan_change_by_the_billing_team_is_audited_with_the_plan_before_and_after() {
    Api.Tenant tenant = signUp();
    String token = billingTeamToken();

    Api.Response changed = api.send("PUT", BASE + "/tenants/" + tenant.id() + "/plan", token, Map.of("planCode", "business"));

    assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    assertThat(api.get("/api/v1/billing/plan", tenant.token()).json().path("plan").path("code").asString()).isEqualTo("business");
    JsonNode audited = api.get("/api/v1/audit-logs?resourceType=plan", tenant.token()).json().path("items").get(0);
    assertThat(audited.path("action").asString()).isEqualTo("billing.plan_changed");
    assertThat(audited.path("before").path("planCode").asString()).isEqualTo("free");
    assertThat(audited.path("after").path("planCode").asString()).isEqualTo("business");
    assertThat(api.send("PUT", BASE + "/tenants/" + tenant.id() + "/plan", token, Map.of("planCode", "gold")).status())
        .isEqualTo(400);
  }

  @Test
  void a_platform_admin_grants_billing_team_and_only_a_platform_admin_may() {
    String email = "new-billing-" + UUID.randomUUID() + "@flowgate.test";
    Map<String, String> grant = Map.of("email", email, "password", "a long enough password");

    assertForbidden(api.post(BASE + "/team", billingTeamToken(), grant));
    Api.Response granted = api.post(BASE + "/team", adminToken(), grant);

    assertThat(granted.status()).as(granted.raw()).isEqualTo(201);
    assertThat(granted.json().path("role").asString()).isEqualTo("billing-team");
    String token = accounts.issueToken(UUID.fromString(granted.json().path("id").asString()), "test");
    assertThat(api.get(BASE + "/revenue", token).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/admin/tenants/" + UUID.randomUUID() + "/suspend", token, Map.of("reason", "x")).status())
        .isEqualTo(403);
    assertThat(api.post(BASE + "/team", adminToken(), grant).status()).isEqualTo(409);
    assertThat(api.post(BASE + "/team", adminToken(), Map.of("email", "nope", "password", "short")).json()
        .path("errors").size()).isEqualTo(2);
  }

  @Test
  void billing_down_is_a_503_problem() {
    StubBillingControl.failing(true);
    Api.Response response = api.get(BASE + "/revenue", billingTeamToken());
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.json().path("type").asString()).endsWith("/service-unavailable");
  }
}
