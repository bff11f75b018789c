package dev.flowgate.portal.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantIsolationIT extends PortalIT {

  @Test
  void another_tenants_services_routes_and_keys_answer_404_and_never_show_in_lists() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String service = api.post("/api/v1/services", a.token(), Map.of("name", "orders", "url", "https://8.8.8.8"))
        .json().path("id").asString();
    String route = api.post("/api/v1/routes", a.token(),
        Map.of("name", "orders", "serviceId", service, "paths", List.of("/orders"))).json().path("id").asString();
    String key = api.post("/api/v1/keys", a.token(), Map.of("name", "a-key")).json().path("id").asString();

    for (String path : List.of("/api/v1/services/" + service, "/api/v1/routes/" + route, "/api/v1/keys/" + key)) {
      Api.Response read = api.get(path, b.token());
      assertThat(read.status()).as(path).isEqualTo(404);
      assertThat(read.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/not-found");
      assertThat(api.delete(path, b.token()).status()).as(path).isEqualTo(404);
    }
    assertThat(api.patch("/api/v1/services/" + service, b.token(), Map.of("retries", 1)).status()).isEqualTo(404);
    assertThat(api.patch("/api/v1/routes/" + route, b.token(), Map.of("stripPath", true)).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/keys/" + key + "/rotate", b.token(), Map.of()).status()).isEqualTo(404);

    for (String list : List.of("/api/v1/services", "/api/v1/routes", "/api/v1/keys")) {
      Api.Response page = api.get(list, b.token());
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.json().path("total").asLong()).as(list).isZero();
      assertThat(page.json().path("items").size()).isZero();
      assertThat(api.get(list, a.token()).json().path("total").asLong()).as(list).isEqualTo(1);
    }
    assertThat(api.get("/api/v1/services/" + service, a.token()).status()).isEqualTo(200);
  }

  @Test
  void a_route_cannot_point_at_another_tenants_service() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String service = api.post("/api/v1/services", a.token(), Map.of("name", "billing", "url", "https://8.8.4.4"))
        .json().path("id").asString();

    Api.Response response = api.post("/api/v1/routes", b.token(),
        Map.of("name", "steal", "serviceId", service, "paths", List.of("/steal")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("serviceId");
  }

  @Test
  void requests_without_a_valid_token_answer_401_problem() {
    Api.Response response = api.get("/api/v1/keys", null);
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/unauthorized");
  }

  @Test
  void unknown_api_paths_answer_a_404_problem_not_a_page() {
    Api.Tenant tenant = signUp();
    Api.Response response = api.get("/api/v1/nothing-here", tenant.token());
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/not-found");
  }

  @Test
  void another_tenants_tokens_members_workflows_runs_and_invoices_answer_404_and_never_show() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String token = api.post("/api/v1/tokens", a.token(), Map.of("name", "a-token")).json().path("id").asString();
    String workflow = api.post("/api/v1/workflows", a.token(), Map.of("name", "a-flow",
        "steps", List.of(Map.of("id", "s", "type", "delay")))).json().path("id").asString();
    String run = api.post("/api/v1/workflows/" + workflow + "/runs", a.token(), Map.of()).json().path("executionId").asString();
    String owner = api.get("/api/v1/members", a.token()).json().path("items").get(0).path("id").asString();

    assertThat(api.delete("/api/v1/tokens/" + token, b.token()).status()).isEqualTo(404);
    assertThat(api.patch("/api/v1/members/" + owner, b.token(), Map.of("role", "viewer")).status()).isEqualTo(404);
    for (String path : List.of("/api/v1/workflows/" + workflow, "/api/v1/workflows/" + workflow + "/versions",
        "/api/v1/workflows/" + workflow + "/runs", "/api/v1/workflow-runs/" + run, "/api/v1/invoices/inv_" + a.id())) {
      assertThat(api.get(path, b.token()).status()).as(path).isEqualTo(404);
    }
    assertThat(api.post("/api/v1/workflow-runs/" + run + "/signals/approval", b.token(), Map.of()).status()).isEqualTo(404);
    for (String list : List.of("/api/v1/tokens", "/api/v1/members", "/api/v1/workflows", "/api/v1/audit-logs", "/api/v1/config")) {
      String raw = api.get(list, b.token()).raw();
      assertThat(raw).as(list).doesNotContain("a-token").doesNotContain("a-flow").doesNotContain(a.email());
    }
  }

  /**
   * Every resource type, every verb: tenant B names tenant A's ids on GET, PATCH/PUT, DELETE and
   * POST of a subresource, and always gets a 404 problem; A's resources are unchanged afterwards.
   */
  @Test
  void every_resource_type_answers_404_to_another_tenant_on_every_verb() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String service = id(api.post("/api/v1/services", a.token(), Map.of("name", "svc", "url", "https://8.8.8.8")));
    String route = id(api.post("/api/v1/routes", a.token(), Map.of("name", "rt", "serviceId", service, "paths", List.of("/rt"))));
    String key = id(api.post("/api/v1/keys", a.token(), Map.of("name", "k")));
    String token = id(api.post("/api/v1/tokens", a.token(), Map.of("name", "t")));
    Map<String, Object> flow = Map.of("name", "iso-flow", "steps", List.of(Map.of("id", "s", "type", "delay")));
    String workflow = id(api.post("/api/v1/workflows", a.token(), flow));
    String w = "/api/v1/workflows/" + workflow;
    String trigger = id(api.post(w + "/triggers", a.token(), Map.of("type", "manual")));
    String run = api.post(w + "/runs", a.token(), Map.of()).json().path("executionId").asString();
    String invited = api.post("/api/v1/members/invitations", a.token(), Map.of("email", "iso-" + a.id() + "@example.com", "role", "viewer"))
        .json().path("id").asString();
    String owner = api.get("/api/v1/members", a.token()).json().path("items").get(0).path("id").asString();

    List<String> reads = List.of("/api/v1/services/" + service, "/api/v1/routes/" + route, "/api/v1/keys/" + key,
        "/api/v1/keys/" + key + "/usage", "/api/v1/tokens/" + token, w, w + "/versions", w + "/versions/1",
        w + "/versions/1/diff/1", w + "/triggers", w + "/triggers/" + trigger, w + "/runs", "/api/v1/workflow-runs/" + run,
        "/api/v1/invoices/inv_" + a.id());
    for (String path : reads) {
      notFound(api.get(path, b.token()), "GET " + path);
    }
    notFound(api.patch("/api/v1/services/" + service, b.token(), Map.of("retries", 1)), "PATCH service");
    notFound(api.patch("/api/v1/routes/" + route, b.token(), Map.of("stripPath", true)), "PATCH route");
    notFound(api.patch("/api/v1/members/" + owner, b.token(), Map.of("role", "viewer")), "PATCH member");
    notFound(api.send("PUT", w, b.token(), flow), "PUT workflow");
    for (String path : List.of("/api/v1/routes/" + route, "/api/v1/services/" + service, "/api/v1/keys/" + key,
        "/api/v1/tokens/" + token, w + "/triggers/" + trigger)) {
      notFound(api.delete(path, b.token()), "DELETE " + path);
    }
    notFound(api.post("/api/v1/keys/" + key + "/rotate", b.token(), Map.of()), "POST rotate");
    notFound(api.post(w + "/versions/1/restore", b.token(), null), "POST restore");
    notFound(api.post(w + "/triggers", b.token(), Map.of("type", "manual")), "POST trigger");
    notFound(api.post(w + "/runs", b.token(), Map.of()), "POST run");
    notFound(api.post("/api/v1/workflow-runs/" + run + "/signals/approval", b.token(), Map.of()), "POST signal");
    notFound(api.post("/api/v1/workflow-runs/" + run + "/cancel", b.token(), null), "POST cancel");

    for (String resource : List.of(service, route, key, token, workflow, trigger, invited)) {
      assertThat(api.get("/api/v1/audit-logs?resourceId=" + resource, b.token()).json().path("total").asLong())
          .as("B's audit log for A's " + resource).isZero();
      assertThat(api.get("/api/v1/audit-logs?resourceId=" + resource, a.token()).json().path("total").asLong())
          .as("A's audit log for " + resource).isPositive();
    }
    assertThat(api.get("/api/v1/members", b.token()).raw()).doesNotContain("iso-" + a.id());
    assertThat(api.get("/api/v1/invoices", b.token()).raw()).doesNotContain(a.id().toString());
    assertThat(api.get("/api/v1/services/" + service, a.token()).json().path("retries").asInt()).isNotEqualTo(1);
    assertThat(api.get("/api/v1/keys/" + key, a.token()).json().path("status").asString()).isEqualTo("active");
    assertThat(api.get(w, a.token()).json().path("currentVersion").asInt()).isEqualTo(1);
    assertThat(api.get(w + "/triggers/" + trigger, a.token()).status()).isEqualTo(200);
  }

  private static String id(Api.Response created) {
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private static void notFound(Api.Response response, String what) {
    assertThat(response.status()).as(what + ": " + response.raw()).isEqualTo(404);
    assertThat(response.json().path("type").asString()).as(what).isEqualTo("https://flowgate.dev/problems/not-found");
  }
}
