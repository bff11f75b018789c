package dev.flowgate.portal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MembersIT extends PortalIT {

  private String idOf(Api.Tenant tenant, String role) {
    for (JsonNode member : api.get("/api/v1/members?size=100", tenant.token()).json().path("items")) {
      if (member.path("role").asString().equals(role)) {
        return member.path("id").asString();
      }
    }
    throw new AssertionError("no " + role);
  }

  @Test
  void a_role_change_applies_to_the_members_next_request() {
    Api.Tenant tenant = signUp();
    String viewer = member(tenant, "viewer");
    assertThat(api.post("/api/v1/keys", viewer, Map.of("name", "k")).status()).isEqualTo(403);

    Api.Response promoted = api.patch("/api/v1/members/" + idOf(tenant, "viewer"), tenant.token(), Map.of("role", "developer"));

    assertThat(promoted.status()).as(promoted.raw()).isEqualTo(200);
    assertThat(promoted.json().path("role").asString()).isEqualTo("developer");
    assertThat(api.post("/api/v1/keys", viewer, Map.of("name", "k")).status()).isEqualTo(201);
    assertThat(api.get("/api/v1/audit-logs?resourceType=member", tenant.token()).json().path("items").get(0)
        .path("after").path("role").asString()).isEqualTo("developer");
  }

  @Test
  void the_last_owner_cannot_be_demoted_and_an_admin_cannot_make_owners() {
    Api.Tenant tenant = signUp();
    String admin = member(tenant, "admin");
    member(tenant, "viewer");

    assertThat(api.patch("/api/v1/members/" + idOf(tenant, "owner"), tenant.token(), Map.of("role", "admin")).status())
        .isEqualTo(409);
    Api.Response byAdmin = api.patch("/api/v1/members/" + idOf(tenant, "viewer"), admin, Map.of("role", "owner"));
    assertThat(byAdmin.status()).isEqualTo(400);
    assertThat(byAdmin.json().path("errors").get(0).path("field").asString()).isEqualTo("role");
    assertThat(api.patch("/api/v1/members/" + idOf(tenant, "viewer"), admin, Map.of("role", "root")).status()).isEqualTo(400);
  }

  @Test
  void members_are_tenant_scoped_and_hidden_from_developers() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();

    assertThat(api.patch("/api/v1/members/" + idOf(a, "owner"), b.token(), Map.of("role", "viewer")).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/members", b.token()).json().path("total").asLong()).isEqualTo(1);
    assertThat(api.get("/api/v1/members", member(a, "developer")).status()).isEqualTo(403);
  }

  @Test
  void a_role_change_with_a_stale_if_match_answers_412_and_changes_nothing() {
    Api.Tenant tenant = signUp();
    member(tenant, "viewer");
    String path = "/api/v1/members/" + idOf(tenant, "viewer");
    Api.Response read = api.get(path, tenant.token());
    String etag = read.header("ETag");
    assertThat(read.status()).as(read.raw()).isEqualTo(200);
    assertThat(etag).startsWith("\"");

    Api.Response first = api.send("PATCH", path, tenant.token(), Map.of("role", "developer"), "If-Match", etag);
    assertThat(first.status()).as(first.raw()).isEqualTo(200);
    assertThat(first.header("ETag")).isNotEqualTo(etag).isEqualTo(api.get(path, tenant.token()).header("ETag"));

    Api.Response stale = api.send("PATCH", path, tenant.token(), Map.of("role", "admin"), "If-Match", etag);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
    assertThat(stale.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/precondition-failed");
    assertThat(api.get(path, tenant.token()).json().path("role").asString()).isEqualTo("developer");
    assertThat(api.send("PATCH", path, tenant.token(), Map.of("role", "admin"), "If-Match", first.header("ETag")).status())
        .isEqualTo(200);
  }

  @Test
  void another_tenants_member_is_not_found() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();

    Api.Response read = api.get("/api/v1/members/" + idOf(a, "owner"), b.token());

    assertThat(read.status()).isEqualTo(404);
    assertThat(read.header("ETag")).isNull();
  }
}
