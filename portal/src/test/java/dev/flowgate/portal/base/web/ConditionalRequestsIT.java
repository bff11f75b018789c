package dev.flowgate.portal.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConditionalRequestsIT extends PortalIT {

  @Test
  void a_patch_with_a_stale_if_match_answers_412_and_changes_nothing() {
    Api.Tenant tenant = signUp();
    String id = api.post("/api/v1/services", tenant.token(), Map.of("name", "orders", "url", "https://8.8.8.8"))
        .json().path("id").asString();
    String etag = api.get("/api/v1/services/" + id, tenant.token()).header("ETag");
    assertThat(etag).startsWith("\"");

    Api.Response first = api.send("PATCH", "/api/v1/services/" + id, tenant.token(), Map.of("retries", 1), "If-Match", etag);
    assertThat(first.status()).as(first.raw()).isEqualTo(200);
    assertThat(first.header("ETag")).isNotEqualTo(etag);

    Api.Response stale = api.send("PATCH", "/api/v1/services/" + id, tenant.token(), Map.of("retries", 4), "If-Match", etag);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/precondition-failed");
    assertThat(api.get("/api/v1/services/" + id, tenant.token()).json().path("retries").asInt()).isEqualTo(1);
    Api.Response fresh = api.send("PATCH", "/api/v1/services/" + id, tenant.token(), Map.of("retries", 4), "If-Match", first.header("ETag"));
    assertThat(fresh.status()).isEqualTo(200);
  }

  @Test
  void routes_carry_etags_and_refuse_stale_patches() {
    Api.Tenant tenant = signUp();
    String service = api.post("/api/v1/services", tenant.token(), Map.of("name", "s", "url", "https://8.8.8.8")).json().path("id").asString();
    String route = api.post("/api/v1/routes", tenant.token(), Map.of("name", "r", "serviceId", service, "paths", List.of("/r")))
        .json().path("id").asString();
    String etag = api.get("/api/v1/routes/" + route, tenant.token()).header("ETag");
    api.patch("/api/v1/routes/" + route, tenant.token(), Map.of("stripPath", true));

    Api.Response stale = api.send("PATCH", "/api/v1/routes/" + route, tenant.token(), Map.of("name", "renamed"), "If-Match", etag);

    assertThat(stale.status()).isEqualTo(412);
    assertThat(api.get("/api/v1/routes/" + route, tenant.token()).json().path("name").asString()).isEqualTo("r");
  }

  @Test
  void a_retried_create_with_the_same_idempotency_key_returns_the_first_answer_and_creates_nothing_more() {
    Api.Tenant tenant = signUp();
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Map.of("name", "orders", "url", "https://8.8.8.8");

    Api.Response first = api.send("POST", "/api/v1/services", tenant.token(), body, "Idempotency-Key", key);
    Api.Response retry = api.send("POST", "/api/v1/services", tenant.token(), body, "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("total").asLong()).isEqualTo(1);
  }

  @Test
  void an_idempotency_key_reused_with_another_body_answers_422_and_keys_are_per_tenant() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String key = UUID.randomUUID().toString();
    api.send("POST", "/api/v1/keys", a.token(), Map.of("name", "one"), "Idempotency-Key", key);

    Api.Response reused = api.send("POST", "/api/v1/keys", a.token(), Map.of("name", "two"), "Idempotency-Key", key);
    Api.Response otherTenant = api.send("POST", "/api/v1/keys", b.token(), Map.of("name", "one"), "Idempotency-Key", key);

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/idempotency-key-reused");
    assertThat(otherTenant.status()).isEqualTo(201);
    assertThat(otherTenant.header("Idempotent-Replayed")).isNull();
    assertThat(api.get("/api/v1/keys", a.token()).json().path("total").asLong()).isEqualTo(1);
  }

  @Test
  void a_replayed_key_creation_never_repeats_the_secret() {
    Api.Tenant tenant = signUp();
    String key = UUID.randomUUID().toString();
    Api.Response first = api.send("POST", "/api/v1/keys", tenant.token(), Map.of("name", "once"), "Idempotency-Key", key);
    Api.Response replay = api.send("POST", "/api/v1/keys", tenant.token(), Map.of("name", "once"), "Idempotency-Key", key);

    String secret = first.json().path("secret").asString();
    assertThat(secret).isNotBlank();
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.raw()).doesNotContain(secret).contains(first.json().path("id").asString());
  }

  @Test
  void lists_link_to_the_next_and_previous_pages() {
    Api.Tenant tenant = signUp();
    for (int i = 0; i < 3; i++) {
      api.post("/api/v1/keys", tenant.token(), Map.of("name", "k" + i));
    }

    Api.Response first = api.get("/api/v1/keys?size=1&sort=createdAt,desc", tenant.token());
    Api.Response middle = api.get("/api/v1/keys?size=1&page=1", tenant.token());

    assertThat(first.header("Link")).contains("sort=createdAt,desc&page=1>; rel=\"next\"").doesNotContain("rel=\"prev\"");
    assertThat(middle.header("Link")).contains("page=2").contains("rel=\"next\"").contains("page=0").contains("rel=\"prev\"");
    assertThat(middle.header("X-Total-Count")).isEqualTo("3");
  }
}
