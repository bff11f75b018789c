package dev.flowgate.portal.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TokensIT extends PortalIT {


  @Test
  void a_created_token_is_shown_once_stored_hashed_and_works_until_revoked() {
    Api.Tenant tenant = signUp();

    Api.Response created = api.post("/api/v1/tokens", tenant.token(), Map.of("name", "ci pipeline"));

    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String token = created.json().path("token").asString();
    String id = created.json().path("id").asString();
    assertThat(token).startsWith("fgm_").hasSize(44);
    assertThat(created.json().path("prefix").asString()).isEqualTo(token.substring(0, 12));
    assertThat(jdbc.sql("select token_hash from management_tokens where id = ?::uuid").param(id).query(String.class).single())
        .hasSize(64).isNotEqualTo(token);
    Api.Response list = api.get("/api/v1/tokens", tenant.token());
    assertThat(list.json().path("total").asLong()).isEqualTo(2);
    assertThat(list.raw()).doesNotContain(token).contains("ci pipeline");
    assertThat(api.get("/api/v1/services", token).status()).isEqualTo(200);

    assertThat(api.delete("/api/v1/tokens/" + id, tenant.token()).status()).isEqualTo(204);

    Api.Response refused = api.get("/api/v1/services", token);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/unauthorized");
    int revoked = 0;
    for (var item : api.get("/api/v1/tokens", tenant.token()).json().path("items")) {
      revoked += item.path("revokedAt").isString() ? 1 : 0;
    }
    assertThat(revoked).isEqualTo(1);
    assertThat(api.get("/api/v1/audit-logs?resourceType=token&resourceId=" + id, tenant.token()).json().path("total").asLong())
        .isEqualTo(2);
  }

  @Test
  void another_tenants_token_cannot_be_revoked_and_answers_404() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String id = api.post("/api/v1/tokens", a.token(), Map.of("name", "a")).json().path("id").asString();

    assertThat(api.delete("/api/v1/tokens/" + id, b.token()).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/tokens", b.token()).json().path("total").asLong()).isEqualTo(1);
  }

  @Test
  void a_token_needs_a_name() {
    Api.Response response = api.post("/api/v1/tokens", signUp().token(), Map.of("name", " "));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
  }
}
