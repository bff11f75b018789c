package dev.flowgate.portal.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
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
}
