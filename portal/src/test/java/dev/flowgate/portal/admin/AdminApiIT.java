package dev.flowgate.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.config.ConfigInvalidated;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AdminApiIT extends PortalIT {

  private static final Map<String, Object> SERVICE = Map.of("name", "orders", "url", "https://8.8.8.8");

  @Autowired PlatformAccounts accounts;

  /** A bearer token of the platform admin the test configuration bootstrapped. */
  private String adminToken() {
    UUID admin = jdbc.sql("select id from platform_users where role = 'platform-admin' order by created_at limit 1")
        .query(UUID.class).single();
    return accounts.issueToken(admin, "test");
  }

  private String billingTeamToken() {
    UUID id = accounts.create("billing-team-" + UUID.randomUUID() + "@flowgate.test", "x", "billing-team");
    return accounts.issueToken(id, "test");
  }

  @Test
  void tenant_roles_get_a_403_problem_on_every_admin_endpoint_even_the_owner() {
    Api.Tenant tenant = signUp();
    for (String token : List.of(tenant.token(), member(tenant, "admin"), member(tenant, "billing"))) {
      assertForbidden(api.get("/api/v1/admin/tenants", token));
      assertForbidden(api.get("/api/v1/admin/tenants/" + tenant.id(), token));
      assertForbidden(api.get("/api/v1/admin/users", token));
      assertForbidden(api.post("/api/v1/admin/tenants/" + tenant.id() + "/suspend", token, Map.of("reason", "self")));
    }
    assertThat(api.get("/api/v1/admin/tenants", null).status()).isEqualTo(401);
    assertThat(tenantStatus(tenant)).isEqualTo("active");
  }

  @Test
  void billing_team_reads_tenants_but_neither_suspends_nor_searches_users() {
    Api.Tenant tenant = signUp();
    String billing = billingTeamToken();
    assertThat(api.get("/api/v1/admin/tenants?q=" + tenant.slug(), billing).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/admin/tenants/" + tenant.id(), billing).status()).isEqualTo(200);
    assertForbidden(api.post("/api/v1/admin/tenants/" + tenant.id() + "/suspend", billing, Map.of("reason", "unpaid")));
    assertForbidden(api.post("/api/v1/admin/tenants/" + tenant.id() + "/reinstate", billing, null));
    assertForbidden(api.get("/api/v1/admin/users", billing));
  }

  @Test
  void a_platform_token_has_no_tenant_so_tenant_endpoints_refuse_it() {
    String admin = adminToken();
    assertForbidden(api.get("/api/v1/services", admin));
    assertForbidden(api.post("/api/v1/services", admin, SERVICE));
  }

  @Test
  void a_platform_admin_searches_tenants_by_name_slug_and_status_with_their_user_count() {
    Api.Tenant tenant = signUp();
    member(tenant, "developer");
    String admin = adminToken();

    JsonNode bySlug = api.get("/api/v1/admin/tenants?q=" + tenant.slug().toUpperCase() + "&size=5", admin).json();
    assertThat(bySlug.path("items").size()).isEqualTo(1);
    JsonNode found = bySlug.path("items").get(0);
    assertThat(found.path("id").asString()).isEqualTo(tenant.id().toString());
    assertThat(found.path("userCount").asLong()).isEqualTo(2);
    assertThat(found.path("status").asString()).isEqualTo("active");
    assertThat(bySlug.path("size").asInt()).isEqualTo(5);

    String name = found.path("name").asString();
    assertThat(api.get("/api/v1/admin/tenants?q=" + name.replace(' ', '+'), admin).json().path("items").valueStream()
        .anyMatch(t -> t.path("id").asString().equals(tenant.id().toString()))).isTrue();
    assertThat(api.get("/api/v1/admin/tenants?status=suspended&q=" + tenant.slug(), admin).json().path("total").asLong()).isZero();
    assertThat(api.get("/api/v1/admin/tenants?status=frozen", admin).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/admin/tenants?sort=secret", admin).status()).isEqualTo(400);

    JsonNode detail = api.get("/api/v1/admin/tenants/" + tenant.id(), admin).json();
    assertThat(detail.path("slug").asString()).isEqualTo(tenant.slug());
    assertThat(detail.path("createdAt").asString()).isNotBlank();
    assertThat(api.get("/api/v1/admin/tenants/" + UUID.randomUUID(), admin).status()).isEqualTo(404);

    JsonNode users = api.get("/api/v1/admin/users?q=" + tenant.email(), admin).json();
    assertThat(users.path("total").asLong()).isEqualTo(1);
    assertThat(users.path("items").get(0).path("tenantSlug").asString()).isEqualTo(tenant.slug());
    assertThat(api.get("/api/v1/admin/users?tenantId=" + tenant.id(), admin).json().path("total").asLong()).isEqualTo(2);
  }

  @Test
  void a_suspension_needs_a_reason() {
    Api.Tenant tenant = signUp();
    Api.Response response = api.post("/api/v1/admin/tenants/" + tenant.id() + "/suspend", adminToken(), Map.of("reason", " "));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
    assertThat(tenantStatus(tenant)).isEqualTo("active");
  }

  @Test
  void suspending_changes_the_snapshot_publishes_an_invalidation_and_refuses_the_tenants_writes_until_reinstated()
      throws Exception {
    Api.Tenant tenant = signUp();
    String admin = adminToken();
    String serviceId = api.post("/api/v1/services", tenant.token(), SERVICE).json().path("id").asString();
    long before = snapshotVersion();

    try (Connection nats = Nats.connect(System.getProperty("flowgate.nats", "nats://127.0.0.1:4222"))) {
      Subscription subscription = nats.subscribe(Subjects.CONFIG_INVALIDATIONS);
      nats.flush(Duration.ofSeconds(2));

      Api.Response suspended = api.post("/api/v1/admin/tenants/" + tenant.id() + "/suspend", admin,
          Map.of("reason", "Unpaid invoices since March"));
      assertThat(suspended.status()).as(suspended.raw()).isEqualTo(200);
      assertThat(suspended.json().path("status").asString()).isEqualTo("suspended");
      assertThat(suspended.json().path("suspendedReason").asString()).isEqualTo("Unpaid invoices since March");

      ConfigInvalidated invalidation = awaitInvalidation(subscription, tenant.id());
      assertThat(invalidation.resourceType()).isEqualTo("tenant");
      assertThat(invalidation.change()).isEqualTo("suspended");
      assertThat(invalidation.configVersion()).isGreaterThan(before);
    }
    assertThat(snapshotVersion()).isGreaterThan(before);
    assertThat(tenantStatus(tenant)).isEqualTo("suspended");

    assertThat(api.get("/api/v1/services/" + serviceId, tenant.token()).status()).as("reads still work").isEqualTo(200);
    for (Api.Response write : List.of(
        api.post("/api/v1/services", tenant.token(), Map.of("name", "more", "url", "https://8.8.4.4")),
        api.patch("/api/v1/services/" + serviceId, tenant.token(), Map.of("retries", 2)),
        api.post("/api/v1/keys", tenant.token(), Map.of("name", "k")))) {
      assertThat(write.status()).as(write.raw()).isEqualTo(403);
      assertThat(write.header("Content-Type")).startsWith("application/problem+json");
      assertThat(write.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/tenant-suspended");
    }

    Api.Response reinstated = api.post("/api/v1/admin/tenants/" + tenant.id() + "/reinstate", admin, null);
    assertThat(reinstated.status()).as(reinstated.raw()).isEqualTo(200);
    assertThat(reinstated.json().path("status").asString()).isEqualTo("active");
    assertThat(reinstated.json().path("suspendedReason").isNull()).isTrue();
    assertThat(tenantStatus(tenant)).isEqualTo("active");
    assertThat(api.post("/api/v1/keys", tenant.token(), Map.of("name", "k")).status()).isEqualTo(201);
  }

  @Test
  void the_suspension_and_reinstatement_are_in_the_tenants_audit_trail_with_the_admin_as_actor() {
    Api.Tenant tenant = signUp();
    String admin = adminToken();
    UUID adminId = jdbc.sql("select id from platform_users where role = 'platform-admin' order by created_at limit 1")
        .query(UUID.class).single();
    api.post("/api/v1/admin/tenants/" + tenant.id() + "/suspend", admin, Map.of("reason", "Abuse report #42"));

    JsonNode entries = api.get("/api/v1/audit-logs", tenant.token()).json().path("items");
    JsonNode suspension = entries.valueStream().filter(e -> e.path("action").asString().equals("tenant.suspended"))
        .findFirst().orElseThrow();
    assertThat(suspension.path("actorType").asString()).isEqualTo("platform");
    assertThat(suspension.path("actorId").asString()).isEqualTo(adminId.toString());
    assertThat(suspension.path("resourceId").asString()).isEqualTo(tenant.id().toString());
    assertThat(suspension.path("before").path("status").asString()).isEqualTo("active");
    assertThat(suspension.path("after").path("status").asString()).isEqualTo("suspended");
    assertThat(suspension.path("after").path("suspendedReason").asString()).isEqualTo("Abuse report #42");

    api.post("/api/v1/admin/tenants/" + tenant.id() + "/reinstate", admin, null);
    assertThat(api.get("/api/v1/audit-logs", tenant.token()).json().path("items").valueStream()
        .anyMatch(e -> e.path("action").asString().equals("tenant.reinstated"))).isTrue();
  }

  @Test
  void reinstating_an_active_tenant_changes_nothing_and_audits_nothing() {
    Api.Tenant tenant = signUp();
    long before = snapshotVersion();
    Api.Response response = api.post("/api/v1/admin/tenants/" + tenant.id() + "/reinstate", adminToken(), null);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("status").asString()).isEqualTo("active");
    assertThat(api.get("/api/v1/audit-logs?resourceType=tenant", tenant.token()).json().path("items").valueStream()
        .noneMatch(e -> e.path("action").asString().equals("tenant.reinstated"))).isTrue();
    assertThat(api.post("/api/v1/admin/tenants/" + UUID.randomUUID() + "/reinstate", adminToken(), null).status())
        .isEqualTo(404);
    assertThat(snapshotVersion()).as("other tests may change config meanwhile").isGreaterThanOrEqualTo(before);
  }

  private String tenantStatus(Api.Tenant tenant) {
    return api.get("/internal/v1/gateway/snapshot", INTERNAL_TOKEN).json().path("tenants").valueStream()
        .filter(t -> t.path("id").asString().equals(tenant.id().toString()))
        .findFirst().orElseThrow().path("status").asString();
  }

  private long snapshotVersion() {
    return api.get("/internal/v1/gateway/snapshot", INTERNAL_TOKEN).json().path("version").asLong();
  }

  private static ConfigInvalidated awaitInvalidation(Subscription subscription, UUID tenantId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Message message = subscription.nextMessage(Duration.ofSeconds(1));
      if (message != null) {
        Envelope<ConfigInvalidated> envelope = EventCodec.envelope(message.getData(), ConfigInvalidated.class);
        if (tenantId.toString().equals(envelope.payload().resourceId())) {
          assertThat(envelope.tenantId()).isEqualTo(tenantId);
          return envelope.payload();
        }
      }
    }
    throw new AssertionError("no invalidation for tenant " + tenantId + " within 10 s");
  }

  private static void assertForbidden(Api.Response response) {
    assertThat(response.status()).as(response.raw()).isEqualTo(403);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/forbidden");
  }
}
