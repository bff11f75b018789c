package dev.flowgate.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TenantDeletionIT extends PortalIT {

  private static final Map<String, Object> SERVICE = Map.of("name", "orders", "url", "https://8.8.8.8");

  @Autowired PlatformAccounts accounts;
  @Autowired TenantPurge purge;

  private String adminToken() {
    UUID admin = jdbc.sql("select id from platform_users where role = 'platform-admin' order by created_at limit 1")
        .query(UUID.class).single();
    return accounts.issueToken(admin, "test");
  }

  private long rows(String table, UUID tenant) {
    return jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(tenant).query(Long.class).single();
  }

  @Test
  void a_deleted_tenant_is_suspended_with_its_purge_date_and_restorable_until_then() {
    Api.Tenant tenant = signUp();
    String admin = adminToken();

    Api.Response deleted = api.delete("/api/v1/admin/tenants/" + tenant.id(), admin);

    assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
    JsonNode view = deleted.json();
    assertThat(view.path("status").asString()).isEqualTo("suspended");
    Instant purgeAfter = Instant.parse(view.path("purgeAfter").asString());
    assertThat(purgeAfter).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
    assertThat(view.path("suspendedReason").asString()).contains("deleted").contains("restore");
    assertThat(api.post("/api/v1/services", tenant.token(), SERVICE).status()).as("writes refused").isEqualTo(403);
    assertThat(api.post("/api/v1/admin/tenants/" + tenant.id() + "/reinstate", admin, null).status()).isEqualTo(409);

    Api.Response restored = api.post("/api/v1/admin/tenants/" + tenant.id() + "/restore", admin, null);
    assertThat(restored.status()).as(restored.raw()).isEqualTo(200);
    assertThat(restored.json().path("status").asString()).isEqualTo("active");
    assertThat(restored.json().path("purgeAfter").isNull()).isTrue();
    assertThat(api.post("/api/v1/services", tenant.token(), SERVICE).status()).isEqualTo(201);
    assertThat(api.post("/api/v1/admin/tenants/" + tenant.id() + "/restore", admin, null).status()).isEqualTo(409);
    JsonNode trail = api.get("/api/v1/admin/audit-logs?tenantId=" + tenant.id() + "&actorType=platform", admin).json();
    assertThat(trail.path("items").valueStream().map(e -> e.path("action").asString()))
        .containsExactly("tenant.restored", "tenant.deleted");
  }

  @Test
  void once_the_grace_period_has_passed_the_purge_removes_every_row_of_the_tenant_and_nothing_else() {
    Api.Tenant doomed = signUp();
    Api.Tenant neighbour = signUp();
    for (Api.Tenant t : List.of(doomed, neighbour)) {
      String service = api.post("/api/v1/services", t.token(), Map.of("name", "svc", "url", "https://8.8.8.8")).json()
          .path("id").asString();
      api.post("/api/v1/routes", t.token(), Map.of("name", "r", "serviceId", service, "paths", List.of("/r")));
      api.post("/api/v1/keys", t.token(), Map.of("name", "k"));
      member(t, "developer");
    }
    String admin = adminToken();
    assertThat(api.delete("/api/v1/admin/tenants/" + doomed.id(), admin).status()).isEqualTo(200);
    purge.purgeDue();
    assertThat(rows("users", doomed.id())).as("still within the grace period").isEqualTo(2);

    jdbc.sql("update tenants set purge_after = now() - interval '1 minute' where id = ?").param(doomed.id()).update();
    purge.purgeDue();

    for (String table : TenantPurge.TENANT_TABLES) {
      assertThat(rows(table, doomed.id())).as(table).isZero();
    }
    assertThat(jdbc.sql("select count(*) from tenants where id = ?").param(doomed.id()).query(Long.class).single()).isZero();
    assertThat(rows("users", neighbour.id())).isEqualTo(2);
    assertThat(rows("api_keys", neighbour.id())).isEqualTo(1);
    assertThat(rows("audit_logs", neighbour.id())).isPositive();
    assertThat(api.get("/api/v1/admin/tenants/" + doomed.id(), admin).status()).isEqualTo(404);
  }

  @Test
  void the_purge_knows_every_tenant_table() {
    List<String> tables = jdbc.sql("""
            select c.table_name from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = 'portal' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'""")
        .query(String.class).list();

    assertThat(TenantPurge.TENANT_TABLES).containsExactlyInAnyOrderElementsOf(tables);
  }

  @Test
  void only_a_platform_admin_deletes_or_restores() {
    Api.Tenant tenant = signUp();
    UUID billing = accounts.create("billing-team-" + UUID.randomUUID() + "@flowgate.test", "x", "billing-team");
    String billingToken = accounts.issueToken(billing, "t");

    assertThat(api.delete("/api/v1/admin/tenants/" + tenant.id(), billingToken).status()).isEqualTo(403);
    assertThat(api.delete("/api/v1/admin/tenants/" + tenant.id(), tenant.token()).status()).isEqualTo(403);
    assertThat(api.delete("/api/v1/admin/tenants/" + UUID.randomUUID(), adminToken()).status()).isEqualTo(404);
  }
}
