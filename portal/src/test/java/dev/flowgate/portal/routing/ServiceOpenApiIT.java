package dev.flowgate.portal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A service's own OpenAPI document through /api/v1/services: validated at save, tenant-scoped. */
class ServiceOpenApiIT extends PortalIT {

  static final String SPEC = """
      openapi: 3.0.3
      info: {title: Orders, version: "1"}
      paths:
        /orders/{id}:
          get:
            summary: Get an order
            responses: {"200": {description: the order}}
      """;

  private static Map<String, Object> service(String name, String openApi) {
    Map<String, Object> body = new HashMap<>(Map.of("name", name, "url", "https://8.8.8.8"));
    body.put("openApi", openApi);
    return body;
  }

  @Test
  void a_service_is_created_with_its_document_and_reads_it_back_as_given() {
    Api.Tenant tenant = signUp();

    Api.Response created = api.post("/api/v1/services", tenant.token(), service("orders", SPEC));

    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(api.get("/api/v1/services/" + id, tenant.token()).json().path("openApi").asString()).isEqualTo(SPEC);
    JsonNode audit = api.get("/api/v1/audit-logs?resourceType=service", tenant.token()).json().path("items").get(0);
    assertThat(audit.path("after").path("openApi").asString()).startsWith("OpenAPI document sha256:").endsWith(" bytes)");
  }

  @Test
  void a_document_that_is_not_openapi_3_is_a_field_error_and_nothing_is_saved() {
    Api.Tenant tenant = signUp();
    for (String bad : new String[] {"openapi: [3.0", "swagger: \"2.0\"\npaths: {}", "just text", "{\"openapi\": \"2.9\"}",
        "openapi: 3.0.3\npaths: [1]", "openapi: 3.0.3\ninfo: {title: \"" + "x".repeat(1024 * 1024) + "\"}"}) {
      Api.Response refused = api.post("/api/v1/services", tenant.token(), service("orders", bad));

      assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("openApi");
    }
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("total").asLong()).isZero();
  }

  @Test
  void a_patch_attaches_replaces_keeps_and_removes_the_document() {
    Api.Tenant tenant = signUp();
    String path = "/api/v1/services/" + api.post("/api/v1/services", tenant.token(),
        Map.of("name", "orders", "url", "https://8.8.8.8")).json().path("id").asString();
    assertThat(api.get(path, tenant.token()).json().path("openApi").isNull()).isTrue();

    assertThat(api.patch(path, tenant.token(), Map.of("openApi", SPEC)).json().path("openApi").asString()).isEqualTo(SPEC);
    String json = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Orders\",\"version\":\"2\"},\"paths\":{}}";
    assertThat(api.patch(path, tenant.token(), Map.of("openApi", json)).json().path("openApi").asString()).isEqualTo(json);
    assertThat(api.patch(path, tenant.token(), Map.of("retries", 2)).json().path("openApi").asString()).isEqualTo(json);
    Api.Response bad = api.patch(path, tenant.token(), Map.of("openApi", "swagger: \"2.0\""));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("openApi");
    assertThat(api.get(path, tenant.token()).json().path("openApi").asString()).isEqualTo(json);

    assertThat(api.patch(path, tenant.token(), Map.of("openApi", "")).json().path("openApi").isNull()).isTrue();
  }

  @Test
  void another_tenants_service_answers_404_and_keeps_its_document() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String path = "/api/v1/services/" + api.post("/api/v1/services", a.token(), service("orders", SPEC)).json().path("id").asString();

    assertThat(api.get(path, b.token()).status()).isEqualTo(404);
    assertThat(api.patch(path, b.token(), Map.of("openApi", "")).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/services", b.token()).raw()).doesNotContain("Get an order");
    assertThat(api.get(path, a.token()).json().path("openApi").asString()).isEqualTo(SPEC);
  }
}
