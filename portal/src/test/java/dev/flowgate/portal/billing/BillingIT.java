package dev.flowgate.portal.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubBillingControl;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BillingIT extends PortalIT {

  @AfterEach
  void billingBack() {
    StubBillingControl.failing(false);
  }

  @Test
  void the_plan_is_read_and_changed_in_billing_for_the_callers_tenant() {
    Api.Tenant tenant = signUp();

    assertThat(api.get("/api/v1/billing/plan", tenant.token()).json().path("plan").path("code").asString()).isEqualTo("free");
    Api.Response changed = api.send("PUT", "/api/v1/billing/plan", tenant.token(), Map.of("planCode", "pro"));

    assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    assertThat(changed.json().path("tenantId").asString()).isEqualTo(tenant.id().toString());
    assertThat(changed.json().path("plan").path("code").asString()).isEqualTo("pro");
    assertThat(StubBillingControl.lastAuthorization()).isEqualTo("Bearer " + INTERNAL_TOKEN);
    assertThat(api.get("/api/v1/billing/plan", tenant.token()).json().path("plan").path("code").asString()).isEqualTo("pro");
    JsonNode audited = api.get("/api/v1/audit-logs?resourceType=plan", tenant.token()).json().path("items").get(0);
    assertThat(audited.path("action").asString()).isEqualTo("billing.plan_changed");
    assertThat(audited.path("before").path("planCode").asString()).isEqualTo("free");
    assertThat(audited.path("after").path("planCode").asString()).isEqualTo("pro");
  }

  @Test
  void an_unknown_plan_is_a_field_error_on_plan_code() {
    Api.Tenant tenant = signUp();

    Api.Response unknown = api.send("PUT", "/api/v1/billing/plan", tenant.token(), Map.of("planCode", "gold"));
    Api.Response malformed = api.send("PUT", "/api/v1/billing/plan", tenant.token(), Map.of("planCode", "Not A Code!"));

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("planCode");
    assertThat(unknown.json().path("errors").get(0).path("message").asString()).contains("unknown plan gold");
    assertThat(malformed.status()).isEqualTo(400);
  }

  @Test
  void invoices_list_detail_and_upcoming_come_from_billing() {
    Api.Tenant tenant = signUp();

    Api.Response list = api.get("/api/v1/invoices?page=0&size=5", tenant.token());
    String forwarded = StubBillingControl.lastQuery();
    Api.Response one = api.get("/api/v1/invoices/inv_" + tenant.id(), tenant.token());
    Api.Response upcoming = api.get("/api/v1/invoices/upcoming", tenant.token());

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("total").asLong()).isEqualTo(1);
    assertThat(forwarded).isEqualTo("page=0&size=5");
    assertThat(list.header("X-Total-Count")).isEqualTo("1");
    assertThat(list.header("Link")).contains("rel=\"first\"").doesNotContain("rel=\"next\"");
    assertThat(one.json().path("lineItems").get(0).path("amountMinor").asLong()).isEqualTo(1900);
    assertThat(upcoming.json().path("status").asString()).isEqualTo("draft");
  }

  @Test
  void another_tenants_invoice_answers_404() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();

    Api.Response response = api.get("/api/v1/invoices/inv_" + a.id(), b.token());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/not-found");
  }

  @Test
  void billing_down_answers_503_problem_with_retry_after() {
    Api.Tenant tenant = signUp();
    StubBillingControl.failing(true);

    for (String path : new String[] {"/api/v1/billing/plan", "/api/v1/invoices", "/api/v1/invoices/upcoming"}) {
      Api.Response response = api.get(path, tenant.token());
      assertThat(response.status()).as(path).isEqualTo(503);
      assertThat(response.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/service-unavailable");
      assertThat(response.header("Retry-After")).isNotNull();
    }
  }

  @Test
  void an_invoice_pdf_is_streamed_from_billing_and_another_tenants_invoice_is_a_404() throws Exception {
    Api.Tenant tenant = signUp();
    Api.Tenant other = signUp();
    java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/invoices/inv_" + tenant.id() + "/pdf"))
            .header("Authorization", "Bearer " + member(tenant, "billing")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());

    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    assertThat(new String(pdf.body(), java.nio.charset.StandardCharsets.US_ASCII)).startsWith("%PDF-");
    assertThat(StubBillingControl.lastRequest()).isEqualTo("/internal/v1/tenants/" + tenant.id() + "/invoices/inv_" + tenant.id() + "/pdf");
    Api.Response foreign = api.get("/api/v1/invoices/inv_" + tenant.id() + "/pdf", other.token());
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.json().path("type").asString()).endsWith("/not-found");
  }

  @Test
  void usage_alerts_come_from_billing_for_the_callers_tenant() {
    Api.Tenant tenant = signUp();
    StubBillingControl.alerts(tenant.id(), "{\"items\":[{\"period\":\"2026-11\",\"thresholdPercent\":100,\"usedCalls\":1000,"
        + "\"includedCalls\":1000,\"createdAt\":\"2026-11-22T09:00:00Z\"}]}");

    Api.Response alerts = api.get("/api/v1/billing/alerts", member(tenant, "viewer"));

    assertThat(alerts.status()).as(alerts.raw()).isEqualTo(200);
    assertThat(alerts.json().path("items").get(0).path("thresholdPercent").asInt()).isEqualTo(100);
    assertThat(StubBillingControl.lastRequest()).isEqualTo("/internal/v1/tenants/" + tenant.id() + "/alerts");
  }
}
