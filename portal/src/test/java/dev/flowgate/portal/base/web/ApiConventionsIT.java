package dev.flowgate.portal.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Paging, conditional writes, idempotent creates and mass-assignment refusal, across resources. */
class ApiConventionsIT extends PortalIT {


  @Test
  void every_list_refuses_unlisted_sort_fields_and_out_of_range_sizes_naming_the_parameter() {
    Api.Tenant tenant = signUp();
    String workflow = workflow(tenant, "flow-a");
    for (String list : List.of("/api/v1/services", "/api/v1/routes", "/api/v1/keys", "/api/v1/tokens", "/api/v1/workflows",
        "/api/v1/workflows/" + workflow + "/versions", "/api/v1/workflows/" + workflow + "/triggers", "/api/v1/audit-logs",
        "/api/v1/members", "/api/v1/workflow-templates")) {
      Api.Response secret = api.get(list + "?sort=secretDigest,asc", tenant.token());
      Api.Response huge = api.get(list + "?size=1000", tenant.token());
      assertThat(secret.status()).as(list).isEqualTo(400);
      assertThat(secret.json().path("errors").get(0).path("field").asString()).as(list).isEqualTo("sort");
      assertThat(huge.status()).as(list).isEqualTo(400);
      assertThat(huge.json().path("errors").get(0).path("field").asString()).isEqualTo("size");
      Api.Response page = api.get(list + "?size=1", tenant.token());
      assertThat(page.status()).as(list).isEqualTo(200);
      assertThat(page.json().has("total")).as(list).isTrue();
      assertThat(page.header("Link")).as(list).contains("rel=\"first\"").contains("rel=\"last\"");
    }
  }

  @Test
  void workflows_sort_by_name_and_pages_link_first_prev_next_last() {
    Api.Tenant tenant = signUp();
    for (String name : List.of("charlie", "alpha", "bravo")) {
      workflow(tenant, name);
    }

    Api.Response middle = api.get("/api/v1/workflows?size=1&page=1&sort=name,asc", tenant.token());

    assertThat(middle.json().path("items").get(0).path("name").asString()).isEqualTo("bravo");
    assertThat(middle.json().path("total").asLong()).isEqualTo(3);
    assertThat(middle.header("X-Total-Count")).isEqualTo("3");
    assertThat(middle.header("Link")).contains("page=2>; rel=\"next\"").contains("page=0>; rel=\"prev\"")
        .contains("page=0>; rel=\"first\"").contains("page=2>; rel=\"last\"").contains("sort=name,asc");
  }

  @Test
  void a_stale_if_match_refuses_deletes_and_workflow_saves_with_412_and_changes_nothing() {
    Api.Tenant tenant = signUp();
    String key = api.post("/api/v1/keys", tenant.token(), Map.of("name", "k")).json().path("id").asString();
    String keyTag = api.get("/api/v1/keys/" + key, tenant.token()).header("ETag");
    String token = api.post("/api/v1/tokens", tenant.token(), Map.of("name", "t")).json().path("id").asString();
    String tokenTag = api.get("/api/v1/tokens/" + token, tenant.token()).header("ETag");
    String workflow = workflow(tenant, "guarded");
    String flowTag = api.get("/api/v1/workflows/" + workflow, tenant.token()).header("ETag");
    api.send("PUT", "/api/v1/workflows/" + workflow, tenant.token(), definition("guarded", 2));

    assertThat(keyTag).startsWith("\"");
    assertThat(api.send("DELETE", "/api/v1/keys/" + key, tenant.token(), null, "If-Match", "\"stale\"").status()).isEqualTo(412);
    assertThat(api.get("/api/v1/keys/" + key, tenant.token()).json().path("status").asString()).isEqualTo("active");
    assertThat(api.send("DELETE", "/api/v1/tokens/" + token, tenant.token(), null, "If-Match", "\"stale\"").status()).isEqualTo(412);
    Api.Response staleSave = api.send("PUT", "/api/v1/workflows/" + workflow, tenant.token(), definition("guarded", 3),
        "If-Match", flowTag);
    assertThat(staleSave.status()).isEqualTo(412);
    assertThat(staleSave.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/precondition-failed");
    assertThat(api.get("/api/v1/workflows/" + workflow, tenant.token()).json().path("currentVersion").asInt()).isEqualTo(2);

    assertThat(api.send("DELETE", "/api/v1/keys/" + key, tenant.token(), null, "If-Match", keyTag).status()).isEqualTo(204);
    assertThat(api.send("DELETE", "/api/v1/tokens/" + token, tenant.token(), null, "If-Match", tokenTag).status()).isEqualTo(204);
  }

  @Test
  void a_configuration_document_applied_with_a_stale_if_match_answers_412_and_applies_nothing() {
    Api.Tenant tenant = signUp();
    Api.Response exported = api.get("/api/v1/config", tenant.token());
    String yamlTag = api.send("GET", "/api/v1/config", tenant.token(), null, "Accept", "application/yaml").header("ETag");
    assertThat(exported.header("ETag")).isNotNull().isEqualTo(yamlTag);
    api.post("/api/v1/services", tenant.token(), Map.of("name", "meanwhile", "url", "https://8.8.8.8"));
    Map<String, Object> document = Map.of("services", List.of(Map.of("name", "mine", "url", "https://8.8.4.4")));

    Api.Response stale = api.send("PUT", "/api/v1/config", tenant.token(), document, "If-Match", exported.header("ETag"));

    assertThat(stale.status()).as(stale.raw()).isEqualTo(412);
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("total").asLong()).isEqualTo(1);
    String fresh = api.get("/api/v1/config", tenant.token()).header("ETag");
    assertThat(api.send("PUT", "/api/v1/config", tenant.token(), document, "If-Match", fresh).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("total").asLong()).isEqualTo(2);
  }

  @Test
  void every_create_answers_201_with_the_location_of_the_new_resource() {
    Api.Tenant tenant = signUp();
    Api.Response service = api.post("/api/v1/services", tenant.token(), Map.of("name", "s", "url", "https://8.8.8.8"));
    Api.Response route = api.post("/api/v1/routes", tenant.token(), Map.of("name", "r", "serviceId", service.json().path("id").asString(),
        "paths", List.of("/r")));
    Api.Response created = api.post("/api/v1/workflows/from-template", tenant.token(), Map.of("template", "scheduled-report"));
    String workflow = created.json().path("id").asString();
    List<Api.Response> creates = List.of(service, route, api.post("/api/v1/keys", tenant.token(), Map.of("name", "k")),
        api.post("/api/v1/tokens", tenant.token(), Map.of("name", "t")), created,
        api.post("/api/v1/workflows", tenant.token(), definition("plain", 1)),
        api.post("/api/v1/workflows/" + workflow + "/triggers", tenant.token(), Map.of("type", "manual")));

    for (Api.Response response : creates) {
      assertThat(response.status()).as(response.raw()).isEqualTo(201);
      String location = response.header("Location");
      assertThat(location).as(response.raw()).endsWith("/" + response.json().path("id").asString());
      Api.Response read = api.get(java.net.URI.create(location).getPath(), tenant.token());
      assertThat(read.status()).as(location).isEqualTo(200);
      assertThat(read.header("ETag")).as(location).isNotNull();
    }
  }

  @Test
  void unknown_or_read_only_body_fields_answer_400_naming_the_field_for_every_resource() {
    Api.Tenant tenant = signUp();
    String service = api.post("/api/v1/services", tenant.token(), Map.of("name", "s", "url", "https://8.8.8.8")).json().path("id").asString();
    String route = api.post("/api/v1/routes", tenant.token(), Map.of("name", "r", "serviceId", service, "paths", List.of("/r")))
        .json().path("id").asString();
    String workflow = workflow(tenant, "mass");

    assertField(api.post("/api/v1/services", tenant.token(), Map.of("name", "x", "url", "https://8.8.8.8", "id", UUID.randomUUID())), "id");
    assertField(api.patch("/api/v1/services/" + service, tenant.token(), Map.of("tenantId", UUID.randomUUID())), "tenantId");
    assertField(api.patch("/api/v1/routes/" + route, tenant.token(), Map.of("createdAt", "2020-01-01T00:00:00Z")), "createdAt");
    assertField(api.post("/api/v1/keys", tenant.token(), Map.of("name", "k", "secretDigest", "x")), "secretDigest");
    assertField(api.post("/api/v1/keys", tenant.token(), Map.of("name", "k", "rateLimit", Map.of("limit", 1, "windowSeconds", 1, "burst", 2))), "rateLimit.burst");
    assertField(api.post("/api/v1/tokens", tenant.token(), Map.of("name", "t", "userId", UUID.randomUUID())), "userId");
    assertField(api.post("/api/v1/workflows", tenant.token(), Map.of("name", "w", "currentVersion", 9,
        "steps", List.of(Map.of("id", "a", "type", "delay")))), "currentVersion");
    assertField(api.post("/api/v1/workflows/" + workflow + "/triggers", tenant.token(), Map.of("type", "manual", "id", "x")), "id");
    assertField(api.post("/api/v1/workflows/from-template", tenant.token(), Map.of("template", "approval-chain", "steps", 1)), "steps");
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("total").asLong()).isEqualTo(1);
    assertThat(api.get("/api/v1/keys", tenant.token()).json().path("total").asLong()).isZero();
  }

  @Test
  void an_expired_idempotency_key_counts_as_new_and_a_replay_keeps_status_location_and_body() {
    Api.Tenant tenant = signUp();
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Map.of("type", "manual");
    String triggers = "/api/v1/workflows/" + workflow(tenant, "idem") + "/triggers";

    Api.Response first = api.send("POST", triggers, tenant.token(), body, "Idempotency-Key", key);
    Api.Response replay = api.send("POST", triggers, tenant.token(), body, "Idempotency-Key", key);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.json()).isEqualTo(first.json());
    assertThat(replay.header("Location")).isEqualTo(first.header("Location")).isNotNull();
    assertThat(jdbc.sql("select request_path from idempotency_keys where tenant_id = ? and key = ? and expires_at > now()")
        .params(tenant.id(), key).query(String.class).single()).isEqualTo(triggers);

    jdbc.sql("update idempotency_keys set expires_at = now() - interval '1 minute' where tenant_id = ? and key = ?")
        .params(tenant.id(), key).update();
    Api.Response after = api.send("POST", triggers, tenant.token(), body, "Idempotency-Key", key);

    assertThat(after.status()).isEqualTo(201);
    assertThat(after.header("Idempotent-Replayed")).isNull();
    assertThat(after.json().path("id").asString()).isNotEqualTo(first.json().path("id").asString());
    assertThat(api.get(triggers, tenant.token()).json().path("total").asLong()).isEqualTo(2);
  }

  private static void assertField(Api.Response response, String field) {
    assertThat(response.status()).as(response.raw()).isEqualTo(400);
    assertThat(response.json().path("type").asString()).isIn("https://flowgate.dev/problems/malformed-request",
        "https://flowgate.dev/problems/validation-error");
    assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString())).as(response.raw()).contains(field);
  }

  private String workflow(Api.Tenant tenant, String name) {
    Api.Response created = api.post("/api/v1/workflows", tenant.token(), definition(name, 1));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private static Map<String, Object> definition(String name, int seconds) {
    return Map.of("name", name, "steps", List.of(Map.of("id", "wait", "type", "delay", "config", Map.of("seconds", seconds))));
  }
}
