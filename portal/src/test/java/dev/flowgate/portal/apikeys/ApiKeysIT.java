package dev.flowgate.portal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.keys.ApiKeys;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ApiKeysIT extends PortalIT {

  private static final byte[] PEPPER = "test-pepper".getBytes(StandardCharsets.UTF_8);


  @Test
  void the_secret_is_returned_once_and_only_its_digest_is_stored() {
    Api.Tenant tenant = signUp();
    Api.Response created = api.post("/api/v1/keys", tenant.token(),
        Map.of("name", "mobile", "rateLimit", Map.of("limit", 100, "windowSeconds", 60)));

    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    JsonNode key = created.json();
    String secret = key.path("secret").asString();
    assertThat(secret).matches("fg_live_[0-9A-Za-z]{32}");
    assertThat(key.path("prefix").asString()).isEqualTo(secret.substring(8, 16));
    assertThat(key.path("scopes").get(0).asString()).isEqualTo("*");
    assertThat(key.path("status").asString()).isEqualTo("active");

    String id = key.path("id").asString();
    assertThat(api.get("/api/v1/keys/" + id, tenant.token()).raw()).doesNotContain(secret).doesNotContain("\"secret\"");
    assertThat(api.get("/api/v1/keys", tenant.token()).raw()).doesNotContain(secret);
    String stored = jdbc.sql("select secret_digest from api_keys where id = ?").param(UUID.fromString(id)).query(String.class).single();
    assertThat(stored).isEqualTo(ApiKeys.digest(PEPPER, secret)).isNotEqualTo(secret);
    assertThat(jdbc.sql("select count(*) from api_keys where secret_digest = ? or lookup_prefix = ?")
        .params(secret, secret).query(Long.class).single()).isZero();
  }

  @Test
  void rotation_keeps_old_and_new_secrets_valid_in_the_snapshot_during_the_grace_period() {
    Api.Tenant tenant = signUp();
    JsonNode created = api.post("/api/v1/keys", tenant.token(), Map.of("name", "server")).json();
    String id = created.path("id").asString();
    String oldSecret = created.path("secret").asString();

    Api.Response rotated = api.post("/api/v1/keys/" + id + "/rotate", tenant.token(), Map.of("gracePeriodSeconds", 3600));
    assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
    String newSecret = rotated.json().path("secret").asString();
    assertThat(newSecret).isNotEqualTo(oldSecret);

    JsonNode snapshotKey = snapshotKey(id);
    assertThat(snapshotKey.path("secretDigest").asString()).isEqualTo(ApiKeys.digest(PEPPER, newSecret));
    assertThat(snapshotKey.path("previousSecretDigest").asString()).isEqualTo(ApiKeys.digest(PEPPER, oldSecret));
    assertThat(snapshotKey.path("previousValidUntil").asString()).isNotBlank();

    assertThat(api.post("/api/v1/keys/" + id + "/rotate", tenant.token(), Map.of("gracePeriodSeconds", 604801)).status())
        .isEqualTo(400);
  }

  @Test
  void a_revoked_key_leaves_the_snapshot_and_shows_as_revoked() {
    Api.Tenant tenant = signUp();
    String id = api.post("/api/v1/keys", tenant.token(), Map.of("name", "temp")).json().path("id").asString();
    assertThat(snapshotKey(id)).isNotNull();

    assertThat(api.delete("/api/v1/keys/" + id, tenant.token()).status()).isEqualTo(204);

    assertThat(api.get("/api/v1/keys/" + id, tenant.token()).json().path("status").asString()).isEqualTo("revoked");
    assertThat(snapshotKey(id)).isNull();
    assertThat(api.post("/api/v1/keys/" + id + "/rotate", tenant.token(), Map.of()).status()).isEqualTo(409);
  }

  @Test
  void scopes_must_be_star_or_the_tenants_own_route_ids() {
    Api.Tenant tenant = signUp();
    Api.Response response = api.post("/api/v1/keys", tenant.token(),
        Map.of("name", "scoped", "scopes", List.of(UUID.randomUUID().toString())));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("scopes[0]");
  }

  @Test
  void key_lists_are_paginated_with_a_total() {
    Api.Tenant tenant = signUp();
    for (int i = 0; i < 3; i++) {
      api.post("/api/v1/keys", tenant.token(), Map.of("name", "k" + i));
    }
    JsonNode page = api.get("/api/v1/keys?page=1&size=2&sort=name,asc", tenant.token()).json();
    assertThat(page.path("total").asLong()).isEqualTo(3);
    assertThat(page.path("page").asInt()).isEqualTo(1);
    assertThat(page.path("items").size()).isEqualTo(1);
    assertThat(page.path("items").get(0).path("name").asString()).isEqualTo("k2");
  }

  private JsonNode snapshotKey(String id) {
    JsonNode snapshot = api.get("/internal/v1/gateway/snapshot", INTERNAL_TOKEN).json();
    return snapshot.path("keys").valueStream().filter(k -> k.path("id").asString().equals(id)).findFirst().orElse(null);
  }
}
