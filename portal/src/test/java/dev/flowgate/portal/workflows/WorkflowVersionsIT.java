package dev.flowgate.portal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkflowVersionsIT extends PortalIT {

  private static final Map<String, Object> V1 = Map.of("name", "onboarding", "steps", List.of(
      Map.of("id", "fetch", "type", "http_request", "config", Map.of("url", "https://a.example/x", "method", "GET")),
      Map.of("id", "wait", "type", "delay", "dependsOn", List.of("fetch"), "config", Map.of("seconds", 5))));
  private static final Map<String, Object> V2 = Map.of("name", "onboarding", "steps", List.of(
      Map.of("id", "fetch", "type", "http_request", "config", Map.of("url", "https://b.example/x", "method", "GET")),
      Map.of("id", "tell", "type", "notify", "dependsOn", List.of("fetch"),
          "config", Map.of("to", List.of("ops@example.com"), "subject", "done"))));

  @Test
  void the_diff_lists_added_removed_and_changed_steps_with_field_paths() {
    Api.Tenant tenant = signUp();
    String id = api.post("/api/v1/workflows", tenant.token(), V1).json().path("id").asString();
    api.send("PUT", "/api/v1/workflows/" + id, tenant.token(), V2);

    Api.Response diff = api.get("/api/v1/workflows/" + id + "/versions/1/diff/2", tenant.token());

    assertThat(diff.status()).as(diff.raw()).isEqualTo(200);
    JsonNode body = diff.json();
    assertThat(body.path("added").valueStream().map(JsonNode::asString)).containsExactly("tell");
    assertThat(body.path("removed").valueStream().map(JsonNode::asString)).containsExactly("wait");
    assertThat(body.path("changed")).hasSize(1);
    JsonNode fetch = body.path("changed").get(0);
    assertThat(fetch.path("step").asString()).isEqualTo("fetch");
    assertThat(fetch.path("fields").get(0).path("path").asString()).isEqualTo("config.url");
    assertThat(fetch.path("fields").get(0).path("from").asString()).isEqualTo("https://a.example/x");
    assertThat(fetch.path("fields").get(0).path("to").asString()).isEqualTo("https://b.example/x");
    assertThat(api.get("/api/v1/workflows/" + id + "/versions/1/diff/9", tenant.token()).status()).isEqualTo(404);
  }

  @Test
  void restoring_a_version_creates_a_new_equal_version_and_is_audited() {
    Api.Tenant tenant = signUp();
    String id = api.post("/api/v1/workflows", tenant.token(), V1).json().path("id").asString();
    api.send("PUT", "/api/v1/workflows/" + id, tenant.token(), V2);
    String etag = api.get("/api/v1/workflows/" + id, tenant.token()).header("ETag");

    Api.Response restored = api.send("POST", "/api/v1/workflows/" + id + "/versions/1/restore", tenant.token(), null,
        "If-Match", etag);

    assertThat(restored.status()).as(restored.raw()).isEqualTo(201);
    assertThat(restored.json().path("currentVersion").asInt()).isEqualTo(3);
    assertThat(restored.header("Location")).endsWith("/api/v1/workflows/" + id + "/versions/3");
    JsonNode v3 = api.get("/api/v1/workflows/" + id + "/versions/3", tenant.token()).json();
    JsonNode v1 = api.get("/api/v1/workflows/" + id + "/versions/1", tenant.token()).json();
    assertThat(v3.path("definition")).isEqualTo(v1.path("definition"));
    assertThat(api.get("/api/v1/workflows/" + id + "/versions/1/diff/3", tenant.token()).json().path("changed")).isEmpty();
    JsonNode audit = api.get("/api/v1/audit-logs?resourceId=" + id, tenant.token()).json().path("items");
    assertThat(audit.valueStream().map(e -> e.path("action").asString())).contains("workflow.restored");
    Api.Response stale = api.send("POST", "/api/v1/workflows/" + id + "/versions/2/restore", tenant.token(), null,
        "If-Match", etag);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(api.get("/api/v1/workflows/" + id, tenant.token()).json().path("currentVersion").asInt()).isEqualTo(3);
  }

  @Test
  void templates_are_listed_and_each_creates_a_valid_workflow() {
    Api.Tenant tenant = signUp();

    Api.Response list = api.get("/api/v1/workflow-templates", tenant.token());

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("items").valueStream().map(t -> t.path("id").asString()))
        .containsExactly("approval-chain", "scheduled-report", "webhook-fan-out");
    for (JsonNode template : list.json().path("items")) {
      String templateId = template.path("id").asString();
      Api.Response created = api.post("/api/v1/workflows/from-template", tenant.token(),
          Map.of("template", templateId, "name", "mine " + templateId));
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      assertThat(created.json().path("name").asString()).isEqualTo("mine " + templateId);
      assertThat(created.json().path("definition").path("steps")).isEqualTo(template.path("definition").path("steps"));
    }
    assertThat(api.get("/api/v1/workflow-templates/approval-chain", tenant.token()).json().path("suggestedTrigger").asString())
        .isEqualTo("manual");
    assertThat(api.get("/api/v1/workflow-templates/nope", tenant.token()).status()).isEqualTo(404);
    Api.Response unknown = api.post("/api/v1/workflows/from-template", tenant.token(), Map.of("template", "nope"));
    assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("template");
  }
}
