package dev.flowgate.portal.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiIT extends PortalIT {

  @Test
  void the_openapi_document_is_public_and_generated_from_the_controllers() {
    Api.Response response = api.get("/api/v1/openapi.json", null);

    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    JsonNode doc = response.json();
    assertThat(doc.path("openapi").asString()).startsWith("3.");
    for (String path : new String[] {"/api/v1/services", "/api/v1/services/{id}", "/api/v1/routes", "/api/v1/keys",
        "/api/v1/tokens", "/api/v1/workflows/{id}/versions", "/api/v1/audit-logs", "/api/v1/invoices/upcoming",
        "/api/v1/billing/plan", "/api/v1/signup", "/api/v1/usage"}) {
      assertThat(doc.path("paths").has(path)).as(path).isTrue();
    }
    assertThat(doc.path("paths").has("/internal/v1/gateway/snapshot")).isFalse();
    assertThat(doc.path("paths").path("/api/v1/services").path("get").path("parameters").findValuesAsString("name"))
        .contains("page", "size", "sort");
    assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
  }

  @Test
  void problem_types_are_documented_on_the_operations() {
    JsonNode doc = api.get("/api/v1/openapi.json", null).json();

    JsonNode problem = doc.path("components").path("schemas").path("Problem");
    assertThat(problem.path("properties").path("type").path("enum").toString()).as(problem.toString())
        .contains("https://flowgate.dev/problems/validation-error")
        .contains("https://flowgate.dev/problems/precondition-failed")
        .contains("https://flowgate.dev/problems/idempotency-key-reused");
    JsonNode patch = doc.path("paths").path("/api/v1/services/{id}").path("patch").path("responses");
    assertThat(patch.has("412")).isTrue();
    assertThat(patch.path("403").path("content").has("application/problem+json")).isTrue();
    assertThat(doc.path("paths").path("/api/v1/services").path("post").path("responses").has("422")).isTrue();
    assertThat(doc.path("paths").path("/api/v1/workflows").path("post").path("requestBody").toString())
        .contains("#/components/schemas/WorkflowDefinition");
    assertThat(doc.path("paths").path("/api/v1/workflows/{id}/runs").path("post").path("requestBody").toString())
        .doesNotContain("WorkflowDefinition");
    assertThat(doc.path("components").path("schemas").path("WorkflowDefinition").toString())
        .as("the DSL example").contains("\"customer-onboarding\"");
  }

  @Test
  void the_document_shows_conditional_writes_idempotency_keys_paging_headers_and_problem_examples() {
    JsonNode doc = api.get("/api/v1/openapi.json", null).json();
    JsonNode paths = doc.path("paths");

    for (String path : List.of("/api/v1/workflows/{id}/versions/{a}/diff/{b}", "/api/v1/workflows/{id}/versions/{version}/restore",
        "/api/v1/workflow-templates", "/api/v1/workflows/from-template", "/api/v1/keys/{id}/usage",
        "/api/v1/workflows/{id}/triggers/{triggerId}", "/api/v1/tokens/{id}")) {
      assertThat(paths.has(path)).as(path).isTrue();
    }
    for (String path : List.of("/api/v1/keys/{id}", "/api/v1/services/{id}", "/api/v1/routes/{id}", "/api/v1/tokens/{id}")) {
      JsonNode delete = paths.path(path).path("delete");
      assertThat(delete.path("responses").has("412")).as(path).isTrue();
      assertThat(delete.path("parameters").findValuesAsString("name")).as(path).contains("If-Match");
      assertThat(paths.path(path).path("get").path("responses").path("200").path("headers").has("ETag")).as(path).isTrue();
    }
    assertThat(paths.path("/api/v1/workflows/{id}").path("put").path("responses").has("412")).isTrue();
    JsonNode post = paths.path("/api/v1/keys").path("post");
    assertThat(post.path("parameters").findValuesAsString("name")).contains("Idempotency-Key");
    assertThat(post.path("responses").path("422").path("content").path("application/problem+json").path("examples")
        .path("idempotency-key-reused").path("value").path("status").asInt()).isEqualTo(422);
    assertThat(post.path("responses").path("400").path("content").path("application/problem+json").path("examples")
        .path("malformed-request").path("value").path("errors").get(0).path("field").asString()).isEqualTo("createdAt");
    assertThat(paths.path("/api/v1/keys").path("get").path("responses").path("200").path("headers").has("Link")).isTrue();
    assertThat(paths.path("/api/v1/workflows/{id}/versions/{a}/diff/{b}").path("get").path("responses").path("200")
        .path("content").toString()).contains("config.url");
    assertThat(paths.path("/api/v1/workflows/{id}/triggers").path("post").path("requestBody").toString()).contains("api_route");
    assertThat(paths.path("/api/v1/keys/{id}/usage").path("get").path("responses").path("200").toString()).contains("keyId");
    for (String create : List.of("/api/v1/services", "/api/v1/routes", "/api/v1/keys", "/api/v1/tokens", "/api/v1/workflows",
        "/api/v1/workflows/from-template", "/api/v1/workflows/{id}/triggers")) {
      assertThat(paths.path(create).path("post").path("responses").has("201")).as(create).isTrue();
    }
    assertThat(paths.path("/api/v1/workflows/{id}/versions/{version}/restore").path("post").path("responses").path("201")
        .toString()).contains("currentVersion");
    assertThat(doc.path("info").path("description").asString()).contains("If-Match").contains("Idempotency-Key")
        .contains("Link` (first, prev, next, last)").doesNotContain("PATCH of services and routes");
  }
}
