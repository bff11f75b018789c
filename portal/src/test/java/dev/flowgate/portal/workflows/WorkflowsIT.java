package dev.flowgate.portal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkflowsIT extends PortalIT {

  private static Map<String, Object> definition(String name, String url) {
    return Map.of("name", name, "steps", List.of(
        Map.of("id", "call", "type", "http_request", "config", Map.of("url", url, "method", "POST")),
        Map.of("id", "approve", "type", "wait_for_signal", "dependsOn", List.of("call"), "config", Map.of("signal", "approval"))));
  }

  @Test
  void every_put_is_a_new_immutable_version_and_old_versions_stay_readable() {
    Api.Tenant tenant = signUp();
    Api.Response created = api.post("/api/v1/workflows", tenant.token(), definition("onboarding", "https://a.example"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(created.json().path("currentVersion").asInt()).isEqualTo(1);

    Api.Response updated = api.send("PUT", "/api/v1/workflows/" + id, tenant.token(), definition("onboarding-v2", "https://b.example"));

    assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
    assertThat(updated.json().path("currentVersion").asInt()).isEqualTo(2);
    assertThat(updated.json().path("name").asString()).isEqualTo("onboarding-v2");
    JsonNode versions = api.get("/api/v1/workflows/" + id + "/versions", tenant.token()).json();
    assertThat(versions.path("total").asLong()).isEqualTo(2);
    assertThat(versions.path("items").get(0).path("version").asInt()).isEqualTo(2);
    assertThat(versions.path("items").get(1).path("definition").path("steps").get(0).path("config").path("url").asString())
        .isEqualTo("https://a.example");
    assertThat(api.get("/api/v1/workflows/" + id, tenant.token()).json().path("definition").path("name").asString())
        .isEqualTo("onboarding-v2");
    assertThat(api.get("/api/v1/workflows", tenant.token()).json().path("total").asLong()).isEqualTo(1);
    assertThat(api.get("/api/v1/audit-logs?resourceType=workflow&resourceId=" + id, tenant.token()).json().path("total").asLong())
        .isEqualTo(2);
  }

  @Test
  void an_invalid_definition_answers_400_with_field_errors_naming_the_step() {
    Api.Tenant tenant = signUp();

    Api.Response response = api.post("/api/v1/workflows", tenant.token(), Map.of("name", "bad", "steps", List.of(
        Map.of("id", "a", "type", "http_request", "dependsOn", List.of("nowhere")),
        Map.of("id", "b", "type", "teleport"))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/validation-error");
    assertThat(response.json().path("errors").toString())
        .contains("steps[0].dependsOn").contains("step 'a': depends on unknown step 'nowhere'")
        .contains("steps[1].type").contains("step 'b'");
    assertThat(api.get("/api/v1/workflows", tenant.token()).json().path("total").asLong()).isZero();
  }

  @Test
  void a_workflow_name_is_unique_in_a_tenant() {
    Api.Tenant tenant = signUp();
    api.post("/api/v1/workflows", tenant.token(), definition("same", "https://a.example"));

    assertThat(api.post("/api/v1/workflows", tenant.token(), definition("same", "https://b.example")).status()).isEqualTo(409);
    assertThat(api.post("/api/v1/workflows", signUp().token(), definition("same", "https://b.example")).status()).isEqualTo(201);
  }

  @Test
  void another_tenants_workflow_answers_404_everywhere() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String id = api.post("/api/v1/workflows", a.token(), definition("mine", "https://a.example")).json().path("id").asString();

    assertThat(api.get("/api/v1/workflows/" + id, b.token()).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/workflows/" + id + "/versions", b.token()).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/workflows/" + id + "/versions/1", b.token()).status()).isEqualTo(404);
    assertThat(api.send("PUT", "/api/v1/workflows/" + id, b.token(), definition("mine", "https://x.example")).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/workflows", b.token()).json().path("total").asLong()).isZero();
    assertThat(api.get("/api/v1/workflows/" + id, a.token()).json().path("currentVersion").asInt()).isEqualTo(1);
  }

  @Test
  void the_worker_reads_a_pinned_version_with_the_internal_token_for_the_right_tenant_only() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String id = api.post("/api/v1/workflows", a.token(), definition("pinned", "https://v1.example")).json().path("id").asString();
    api.send("PUT", "/api/v1/workflows/" + id, a.token(), definition("pinned", "https://v2.example"));
    String path = "/internal/v1/tenants/" + a.id() + "/workflows/" + id + "/versions/1";

    Api.Response version = api.get(path, INTERNAL_TOKEN);

    assertThat(version.status()).as(version.raw()).isEqualTo(200);
    assertThat(version.json().path("workflowId").asString()).isEqualTo(id);
    assertThat(version.json().path("version").asInt()).isEqualTo(1);
    assertThat(version.json().path("definition").path("steps").get(0).path("config").path("url").asString()).isEqualTo("https://v1.example");
    assertThat(api.get(path.replace(a.id().toString(), b.id().toString()), INTERNAL_TOKEN).status()).isEqualTo(404);
    assertThat(api.get(path.replace("/versions/1", "/versions/3"), INTERNAL_TOKEN).status()).isEqualTo(404);
    assertThat(api.get(path, a.token()).status()).isEqualTo(401);
  }
}
