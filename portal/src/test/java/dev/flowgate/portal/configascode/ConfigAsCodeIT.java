package dev.flowgate.portal.configascode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConfigAsCodeIT extends PortalIT {

  private static Map<String, Object> service(String name, String url, int retries) {
    return Map.of("name", name, "url", url, "retries", retries);
  }

  private Api.Tenant configured() {
    Api.Tenant tenant = signUp();
    String id = api.post("/api/v1/services", tenant.token(), service("orders", "https://8.8.8.8", 1)).json().path("id").asString();
    api.post("/api/v1/routes", tenant.token(), Map.of("name", "orders", "serviceId", id, "paths", List.of("/orders")));
    return tenant;
  }

  @Test
  void the_export_names_services_by_name_shows_key_metadata_without_secrets_and_applies_back_unchanged() {
    Api.Tenant tenant = configured();
    String secret = api.post("/api/v1/keys", tenant.token(), Map.of("name", "mobile")).json().path("secret").asString();

    Api.Response exported = api.get("/api/v1/config", tenant.token());

    assertThat(exported.status()).isEqualTo(200);
    JsonNode doc = exported.json();
    assertThat(doc.path("services").get(0).path("name").asString()).isEqualTo("orders");
    assertThat(doc.path("routes").get(0).path("service").asString()).isEqualTo("orders");
    assertThat(doc.path("keys").get(0).path("name").asString()).isEqualTo("mobile");
    assertThat(exported.raw()).doesNotContain(secret).doesNotContain("secret_digest");
    Api.Response reapplied = api.send("PUT", "/api/v1/config", tenant.token(), exported.raw());
    assertThat(reapplied.status()).as(reapplied.raw()).isEqualTo(200);
    assertThat(reapplied.json().path("changes").size()).isZero();
  }

  @Test
  void a_dry_run_shows_the_diff_and_changes_nothing_then_the_same_document_applies() {
    Api.Tenant tenant = configured();
    long auditBefore = api.get("/api/v1/audit-logs", tenant.token()).json().path("total").asLong();
    Map<String, Object> doc = Map.of(
        "services", List.of(service("orders", "https://8.8.8.8", 3), service("payments", "https://8.8.4.4", 0)),
        "routes", List.of(Map.of("name", "pay", "service", "payments", "paths", List.of("/pay"))));

    Api.Response dryRun = api.send("PUT", "/api/v1/config?dryRun=true", tenant.token(), doc);

    assertThat(dryRun.status()).as(dryRun.raw()).isEqualTo(200);
    assertThat(dryRun.json().path("dryRun").asBoolean()).isTrue();
    assertThat(dryRun.json().path("changes").toString())
        .contains("{\"op\":\"update\",\"type\":\"service\",\"name\":\"orders\",\"fields\":[\"retries\"]}")
        .contains("{\"op\":\"create\",\"type\":\"service\",\"name\":\"payments\",\"fields\":[]}")
        .contains("{\"op\":\"create\",\"type\":\"route\",\"name\":\"pay\",\"fields\":[]}");
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("total").asLong()).isEqualTo(1);
    assertThat(api.get("/api/v1/audit-logs", tenant.token()).json().path("total").asLong()).isEqualTo(auditBefore);

    Api.Response applied = api.send("PUT", "/api/v1/config", tenant.token(), doc);

    assertThat(applied.json().path("changes").size()).isEqualTo(3);
    assertThat(api.get("/api/v1/services?q=payments", tenant.token()).json().path("total").asLong()).isEqualTo(1);
    assertThat(api.get("/api/v1/routes", tenant.token()).json().path("total").asLong()).isEqualTo(2);
  }

  @Test
  void the_configuration_round_trips_as_yaml() {
    Api.Tenant tenant = configured();

    Api.Response yaml = api.send("GET", "/api/v1/config", tenant.token(), null, "Accept", "application/yaml");

    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
    assertThat(yaml.raw()).contains("services:").contains("name: \"orders\"");
    String changed = yaml.raw().replace("retries: 1", "retries: 4");
    Api.Response applied = api.send("PUT", "/api/v1/config?dryRun=true", tenant.token(), changed, "Content-Type", "application/yaml");
    assertThat(applied.status()).as(applied.raw()).isEqualTo(200);
    assertThat(applied.json().path("changes").toString()).contains("\"fields\":[\"retries\"]");
    Api.Response broken = api.send("PUT", "/api/v1/config", tenant.token(), "services: [ {nam: x} ]", "Content-Type", "application/yaml");
    assertThat(broken.status()).isEqualTo(400);
  }

  @Test
  void an_invalid_document_applies_nothing_and_names_the_failing_entry() {
    Api.Tenant tenant = configured();
    Map<String, Object> doc = Map.of("services", List.of(
        service("fine", "https://8.8.4.4", 0), service("metadata", "http://169.254.169.254/", 0)));

    Api.Response response = api.send("PUT", "/api/v1/config", tenant.token(), doc);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("services[1].url");
    assertThat(api.get("/api/v1/services?q=fine", tenant.token()).json().path("total").asLong()).isZero();
    Api.Response dangling = api.send("PUT", "/api/v1/config", tenant.token(),
        Map.of("routes", List.of(Map.of("name", "x", "service", "nowhere", "paths", List.of("/x")))));
    assertThat(dangling.json().path("errors").get(0).path("field").asString()).isEqualTo("routes[0].service");
  }

  @Test
  void a_services_openapi_document_travels_with_the_configuration_in_json_and_yaml() {
    Api.Tenant source = configured();
    String spec = "openapi: 3.0.3\ninfo: {title: Orders, version: \"1\"}\npaths:\n  /orders/{id}:\n    get:\n"
        + "      responses: {\"200\": {description: the order}}\n";
    String id = api.get("/api/v1/services", source.token()).json().path("items").get(0).path("id").asString();
    api.patch("/api/v1/services/" + id, source.token(), Map.of("openApi", spec));

    Api.Response exported = api.get("/api/v1/config", source.token());
    assertThat(exported.json().path("services").get(0).path("openApi").asString()).isEqualTo(spec);
    assertThat(api.send("PUT", "/api/v1/config", source.token(), exported.raw()).json().path("changes").size()).isZero();

    Api.Tenant target = signUp();
    String yaml = api.send("GET", "/api/v1/config", source.token(), null, "Accept", "application/yaml").raw()
        .replaceAll("(?s)keys:.*", "");
    Api.Response applied = api.send("PUT", "/api/v1/config", target.token(), yaml, "Content-Type", "application/yaml");
    assertThat(applied.status()).as(applied.raw()).isEqualTo(200);
    assertThat(api.get("/api/v1/services", target.token()).json().path("items").get(0).path("openApi").asString()).isEqualTo(spec);

    Map<String, Object> removed = Map.of("services", List.of(Map.of("name", "orders", "url", "https://8.8.8.8", "openApi", "")));
    assertThat(api.send("PUT", "/api/v1/config?dryRun=true", target.token(), removed).json().path("changes").toString())
        .contains("\"fields\":[\"openApi\"]");
    Api.Response refused = api.send("PUT", "/api/v1/config", target.token(),
        Map.of("services", List.of(Map.of("name", "orders", "url", "https://8.8.8.8", "openApi", "swagger: \"2.0\""))));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("services[0].openApi");
  }

  @Test
  void prune_deletes_what_the_document_does_not_name_and_viewers_cannot_apply() {
    Api.Tenant tenant = configured();
    assertThat(api.send("PUT", "/api/v1/config", member(tenant, "viewer"), Map.of()).status()).isEqualTo(403);

    Api.Response pruned = api.send("PUT", "/api/v1/config?prune=true", tenant.token(), Map.of("services", List.of(), "routes", List.of()));

    assertThat(pruned.status()).as(pruned.raw()).isEqualTo(200);
    assertThat(pruned.json().path("changes").toString()).contains("\"op\":\"delete\",\"type\":\"route\"")
        .contains("\"op\":\"delete\",\"type\":\"service\"");
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("total").asLong()).isZero();
  }
}
