package dev.flowgate.portal.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolesIT extends PortalIT {

  private static final Map<String, Object> SERVICE = Map.of("name", "orders", "url", "https://8.8.8.8");
  private static final Map<String, Object> WORKFLOW = Map.of("name", "onboarding",
      "steps", List.of(Map.of("id", "wait", "type", "delay", "config", Map.of("seconds", 1))));

  @Test
  void a_viewer_reads_everything_but_tokens_and_changes_nothing() {
    Api.Tenant tenant = signUp();
    String service = api.post("/api/v1/services", tenant.token(), SERVICE).json().path("id").asString();
    String viewer = member(tenant, "viewer");

    for (String read : List.of("/api/v1/services", "/api/v1/services/" + service, "/api/v1/routes", "/api/v1/keys",
        "/api/v1/workflows", "/api/v1/audit-logs", "/api/v1/usage", "/api/v1/invoices", "/api/v1/billing/plan")) {
      assertThat(api.get(read, viewer).status()).as(read).isEqualTo(200);
    }
    assertForbidden(api.post("/api/v1/services", viewer, Map.of("name", "other", "url", "https://8.8.4.4")));
    assertForbidden(api.patch("/api/v1/services/" + service, viewer, Map.of("retries", 2)));
    assertForbidden(api.delete("/api/v1/services/" + service, viewer));
    assertForbidden(api.post("/api/v1/keys", viewer, Map.of("name", "k")));
    assertForbidden(api.post("/api/v1/workflows", viewer, WORKFLOW));
    assertForbidden(api.send("PUT", "/api/v1/billing/plan", viewer, Map.of("planCode", "pro")));
    assertForbidden(api.get("/api/v1/tokens", viewer));
    assertForbidden(api.post("/api/v1/tokens", viewer, Map.of("name", "mine")));
    assertThat(api.get("/api/v1/services/" + service, tenant.token()).json().path("retries").asInt()).isZero();
  }

  @Test
  void billing_reads_usage_and_invoices_and_changes_the_plan_but_not_the_configuration() {
    Api.Tenant tenant = signUp();
    String billing = member(tenant, "billing");

    for (String read : List.of("/api/v1/usage", "/api/v1/invoices", "/api/v1/invoices/upcoming", "/api/v1/billing/plan")) {
      assertThat(api.get(read, billing).status()).as(read).isEqualTo(200);
    }
    assertThat(api.send("PUT", "/api/v1/billing/plan", billing, Map.of("planCode", "pro")).status()).isEqualTo(200);
    assertForbidden(api.get("/api/v1/services", billing));
    assertForbidden(api.get("/api/v1/keys", billing));
    assertForbidden(api.post("/api/v1/services", billing, SERVICE));
    assertForbidden(api.post("/api/v1/workflows", billing, WORKFLOW));
    assertForbidden(api.get("/api/v1/tokens", billing));
  }

  @Test
  void a_developer_manages_services_routes_keys_and_workflows_but_not_tokens_or_the_plan() {
    Api.Tenant tenant = signUp();
    String developer = member(tenant, "developer");

    String service = api.post("/api/v1/services", developer, SERVICE).json().path("id").asString();
    assertThat(api.post("/api/v1/routes", developer, Map.of("name", "orders", "serviceId", service, "paths", List.of("/o")))
        .status()).isEqualTo(201);
    assertThat(api.post("/api/v1/keys", developer, Map.of("name", "k")).status()).isEqualTo(201);
    assertThat(api.post("/api/v1/workflows", developer, WORKFLOW).status()).isEqualTo(201);
    assertThat(api.patch("/api/v1/services/" + service, developer, Map.of("retries", 1)).status()).isEqualTo(200);
    assertForbidden(api.get("/api/v1/tokens", developer));
    assertForbidden(api.post("/api/v1/tokens", developer, Map.of("name", "t")));
    assertForbidden(api.send("PUT", "/api/v1/billing/plan", developer, Map.of("planCode", "pro")));
  }

  @Test
  void owner_and_admin_do_everything_including_tokens_and_the_plan() {
    Api.Tenant tenant = signUp();
    for (String token : List.of(tenant.token(), member(tenant, "admin"))) {
      assertThat(api.get("/api/v1/tokens", token).status()).isEqualTo(200);
      assertThat(api.post("/api/v1/tokens", token, Map.of("name", "ci")).status()).isEqualTo(201);
      assertThat(api.send("PUT", "/api/v1/billing/plan", token, Map.of("planCode", "pro")).status()).isEqualTo(200);
      assertThat(api.post("/api/v1/keys", token, Map.of("name", "k")).status()).isEqualTo(201);
    }
  }

  @Test
  void a_request_without_a_token_answers_401_not_403() {
    Api.Response response = api.post("/api/v1/services", null, SERVICE);
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/unauthorized");
  }

  private static void assertForbidden(Api.Response response) {
    assertThat(response.status()).as(response.raw()).isEqualTo(403);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/forbidden");
  }
}
