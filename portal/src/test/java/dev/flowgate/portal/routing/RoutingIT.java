package dev.flowgate.portal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RoutingIT extends PortalIT {

  @Test
  void services_get_defaults_and_can_be_read_patched_and_deleted() {
    Api.Tenant tenant = signUp();
    Api.Response created = api.post("/api/v1/services", tenant.token(), Map.of("name", "orders", "url", "https://8.8.8.8/api"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    JsonNode service = created.json();
    assertThat(service.path("connectTimeoutMs").asInt()).isEqualTo(2000);
    assertThat(service.path("readTimeoutMs").asInt()).isEqualTo(45000);
    assertThat(service.path("retries").asInt()).isZero();
    String path = "/api/v1/services/" + service.path("id").asString();

    Api.Response patched = api.patch(path, tenant.token(), Map.of("retries", 3, "healthCheckPath", "/health"));
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().path("retries").asInt()).isEqualTo(3);
    assertThat(patched.json().path("url").asString()).isEqualTo("https://8.8.8.8/api");
    assertThat(api.patch(path, tenant.token(), Map.of("retries", 6)).status()).isEqualTo(400);

    assertThat(api.delete(path, tenant.token()).status()).isEqualTo(204);
    assertThat(api.get(path, tenant.token()).status()).isEqualTo(404);
  }

  @Test
  void internal_upstream_urls_are_refused_with_a_field_error_on_url() {
    Api.Tenant tenant = signUp();
    for (String url : List.of("http://127.0.0.1:9100", "http://169.254.169.254/latest", "http://10.0.0.5", "ftp://8.8.8.8")) {
      Api.Response response = api.post("/api/v1/services", tenant.token(), Map.of("name", "bad", "url", url));
      assertThat(response.status()).as(url).isEqualTo(400);
      assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
    }
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("total").asLong()).isZero();
  }

  @Test
  void routes_validate_paths_and_methods_and_keep_policies() {
    Api.Tenant tenant = signUp();
    String service = api.post("/api/v1/services", tenant.token(), Map.of("name", "orders", "url", "https://8.8.8.8"))
        .json().path("id").asString();

    Api.Response bad = api.post("/api/v1/routes", tenant.token(),
        Map.of("name", "orders", "serviceId", service, "paths", List.of("orders"), "methods", List.of("FETCH")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").valueStream().map(e -> e.path("field").asString()))
        .containsExactlyInAnyOrder("paths[0]", "methods[0]");

    Api.Response created = api.post("/api/v1/routes", tenant.token(), Map.of(
        "name", "orders", "serviceId", service, "paths", List.of("/orders"), "methods", List.of("get", "POST"),
        "hosts", List.of("api.acme.example"), "stripPath", true,
        "policies", List.of(Map.of("type", "rate_limit", "config", Map.of("limit", 10, "windowSeconds", 1)))));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    JsonNode route = created.json();
    assertThat(route.path("methods").valueStream().map(JsonNode::asString)).containsExactly("GET", "POST");
    assertThat(route.path("policies").get(0).path("config").path("limit").asInt()).isEqualTo(10);

    assertThat(api.delete("/api/v1/services/" + service, tenant.token()).status()).isEqualTo(409);
    Api.Response patched = api.patch("/api/v1/routes/" + route.path("id").asString(), tenant.token(), Map.of("paths", List.of("/v2/orders")));
    assertThat(patched.json().path("paths").get(0).asString()).isEqualTo("/v2/orders");
    assertThat(patched.json().path("stripPath").asBoolean()).isTrue();
  }

  @Test
  void a_workflow_trigger_policy_must_name_a_workflow_of_the_same_tenant() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String service = api.post("/api/v1/services", a.token(), Map.of("name", "hooks", "url", "https://8.8.8.8")).json().path("id").asString();
    String foreign = api.post("/api/v1/workflows", b.token(), Map.of("name", "theirs",
        "steps", List.of(Map.of("id", "a", "type", "delay")))).json().path("id").asString();
    String own = api.post("/api/v1/workflows", a.token(), Map.of("name", "ours",
        "steps", List.of(Map.of("id", "a", "type", "delay")))).json().path("id").asString();

    Api.Response refused = api.post("/api/v1/routes", a.token(), Map.of("name", "hook", "serviceId", service, "paths", List.of("/hook"),
        "policies", List.of(Map.of("type", "workflow_trigger", "config", Map.of("workflowId", foreign, "mode", "async")))));
    Api.Response accepted = api.post("/api/v1/routes", a.token(), Map.of("name", "hook", "serviceId", service, "paths", List.of("/hook"),
        "policies", List.of(Map.of("type", "workflow_trigger", "config", Map.of("workflowId", own, "mode", "async")))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("policies[0].config.workflowId");
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
  }

  @Test
  void a_transform_body_mapping_is_validated_at_save_with_a_field_error_per_pointer() {
    Api.Tenant tenant = signUp();
    String service = api.post("/api/v1/services", tenant.token(), Map.of("name", "users", "url", "https://8.8.8.8"))
        .json().path("id").asString();
    Map<String, Object> bad = Map.of("type", "response_transform", "config", Map.of("body", Map.of(
        "rename", Map.of("/user/mail", "user~email"), "remove", List.of("/internal"), "add", Map.of("/internal/x", 1))));
    Map<String, Object> good = Map.of("type", "response_transform", "config", Map.of("body", Map.of(
        "rename", Map.of("/user/mail", "/user/email"), "remove", List.of("/internal"), "add", Map.of("/source", "flowgate"))));

    Api.Response refused = api.post("/api/v1/routes", tenant.token(),
        Map.of("name", "users", "serviceId", service, "paths", List.of("/users"), "policies", List.of(bad)));
    Api.Response accepted = api.post("/api/v1/routes", tenant.token(),
        Map.of("name", "users", "serviceId", service, "paths", List.of("/users"), "policies", List.of(good)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").valueStream().map(e -> e.path("field").asString())).containsExactly(
        "policies[0].config.body.rename./user/mail", "policies[0].config.body.add./internal/x");
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
    assertThat(accepted.json().path("policies").get(0).path("config").path("body").path("add").path("/source").asString())
        .isEqualTo("flowgate");
  }
}
