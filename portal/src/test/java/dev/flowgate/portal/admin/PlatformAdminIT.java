package dev.flowgate.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.health.RuntimeHeartbeat;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.LoginForm;
import dev.flowgate.portal.PortalIT;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The platform admin's users across tenants, the platform-wide audit trail and the health page. */
class PlatformAdminIT extends PortalIT {

  private static final String PASSWORD = "correct horse battery";

  @Autowired PlatformAccounts accounts;
  @Autowired RuntimeHeartbeats heartbeats;

  private String adminToken() {
    UUID admin = jdbc.sql("select id from platform_users where role = 'platform-admin' order by created_at limit 1")
        .query(UUID.class).single();
    return accounts.issueToken(admin, "test");
  }

  private UUID userId(String email) {
    return jdbc.sql("select id from users where lower(email) = lower(?)").param(email).query(UUID.class).single();
  }

  @Test
  void a_disabled_user_can_neither_sign_in_nor_use_a_token_until_enabled_and_both_changes_are_audited() throws Exception {
    String admin = adminToken();
    String email = "disable-" + UUID.randomUUID() + "@example.com";
    Api.Tenant tenant = api.signUp(email, PASSWORD, "Disable Org");
    String developer = member(tenant, "developer");
    UUID developerId = jdbc.sql("select id from users where tenant_id = ? and role = 'developer'").param(tenant.id())
        .query(UUID.class).single();

    Api.Response disabled = api.patch("/api/v1/admin/users/" + developerId, admin, Map.of("disabled", true));
    assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);
    assertThat(disabled.json().path("disabled").asBoolean()).isTrue();
    assertThat(api.get("/api/v1/services", developer).status()).isEqualTo(401);

    assertThat(api.patch("/api/v1/admin/users/" + developerId, admin, Map.of("disabled", false)).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/services", developer).status()).isEqualTo(200);

    // the owner: the last one who can sign in cannot be disabled; a disabled login fails
    UUID ownerId = userId(email);
    assertThat(login(email)).doesNotContain("error");
    assertThat(api.patch("/api/v1/admin/users/" + ownerId, admin, Map.of("disabled", true)).status()).isEqualTo(409);
    assertThat(api.patch("/api/v1/admin/users/" + developerId, admin, Map.of("role", "owner")).status()).isEqualTo(200);
    assertThat(api.patch("/api/v1/admin/users/" + ownerId, admin, Map.of("disabled", true)).status()).isEqualTo(200);
    assertThat(login(email)).contains("/login?error");

    JsonNode trail = api.get("/api/v1/admin/audit-logs?tenantId=" + tenant.id() + "&actorType=platform", admin).json();
    assertThat(trail.path("items").valueStream().map(e -> e.path("action").asString()))
        .containsExactly("member.disabled", "member.role_changed", "member.enabled", "member.disabled");
    assertThat(trail.path("items").get(0).path("tenantSlug").asString()).isEqualTo(tenant.slug());
  }

  @Test
  void a_user_change_with_a_stale_if_match_answers_412_and_changes_nothing_while_the_fresh_tag_applies() {
    String admin = adminToken();
    Api.Tenant tenant = signUp();
    member(tenant, "developer");
    UUID developerId = jdbc.sql("select id from users where tenant_id = ? and role = 'developer'").param(tenant.id())
        .query(UUID.class).single();
    String path = "/api/v1/admin/users/" + developerId;
    Api.Response read = api.get(path, admin);
    String etag = read.header("ETag");
    assertThat(read.status()).as(read.raw()).isEqualTo(200);
    assertThat(etag).startsWith("\"");

    Api.Response first = api.send("PATCH", path, admin, Map.of("role", "viewer"), "If-Match", etag);
    assertThat(first.status()).as(first.raw()).isEqualTo(200);
    assertThat(first.header("ETag")).isNotEqualTo(etag).isEqualTo(api.get(path, admin).header("ETag"));

    Api.Response stale = api.send("PATCH", path, admin, Map.of("disabled", true), "If-Match", etag);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/precondition-failed");
    assertThat(api.get(path, admin).json().path("disabled").asBoolean()).as("nothing changed").isFalse();

    Api.Response fresh = api.send("PATCH", path, admin, Map.of("disabled", true), "If-Match", first.header("ETag"));
    assertThat(fresh.status()).as(fresh.raw()).isEqualTo(200);
    assertThat(fresh.json().path("disabled").asBoolean()).isTrue();
    assertThat(api.send("PATCH", "/api/v1/admin/users/" + UUID.randomUUID(), admin, Map.of("disabled", true),
        "If-Match", etag).status()).as("an unknown user stays 404").isEqualTo(404);
  }

  @Test
  void the_platform_audit_trail_spans_tenants_and_is_for_platform_admins_only() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String admin = adminToken();

    JsonNode created = api.get("/api/v1/admin/audit-logs?action=tenant.created&size=100", admin).json();

    assertThat(created.path("items").valueStream().map(e -> e.path("tenantId").asString()))
        .contains(a.id().toString(), b.id().toString());
    assertThat(api.get("/api/v1/admin/audit-logs", a.token()).status()).isEqualTo(403);
    UUID billing = accounts.create("billing-team-" + UUID.randomUUID() + "@flowgate.test", "x", "billing-team");
    assertThat(api.get("/api/v1/admin/audit-logs", accounts.issueToken(billing, "t")).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/admin/health", accounts.issueToken(billing, "t")).status()).isEqualTo(403);
  }

  @Test
  void a_platform_admin_changes_a_tenants_plan_audited_and_billing_team_only_reads_it() {
    Api.Tenant tenant = signUp();
    String admin = adminToken();
    UUID billingUser = accounts.create("billing-team-" + UUID.randomUUID() + "@flowgate.test", "x", "billing-team");
    String billing = accounts.issueToken(billingUser, "t");

    assertThat(api.get("/api/v1/admin/tenants/" + tenant.id() + "/plan", billing).json().path("plan").path("code")
        .asString()).isEqualTo("free");
    assertThat(api.send("PUT", "/api/v1/admin/tenants/" + tenant.id() + "/plan", billing, Map.of("planCode", "pro"))
        .status()).isEqualTo(403);
    assertThat(api.send("PUT", "/api/v1/admin/tenants/" + tenant.id() + "/plan", admin, Map.of("planCode", "gold"))
        .status()).isEqualTo(400);
    Api.Response changed = api.send("PUT", "/api/v1/admin/tenants/" + tenant.id() + "/plan", admin, Map.of("planCode", "pro"));

    assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    assertThat(changed.json().path("plan").path("code").asString()).isEqualTo("pro");
    assertThat(api.send("PUT", "/api/v1/admin/tenants/" + UUID.randomUUID() + "/plan", admin, Map.of("planCode", "pro"))
        .status()).isEqualTo(404);
    JsonNode trail = api.get("/api/v1/admin/audit-logs?tenantId=" + tenant.id() + "&actorType=platform", admin).json();
    assertThat(trail.path("items").valueStream().map(e -> e.path("action").asString())).containsExactly("billing.plan_changed");
  }

  @Test
  void the_admin_and_the_billing_team_change_a_plan_the_same_way_refused_alike_and_audited_alike() {
    Api.Tenant tenant = signUp();
    String admin = adminToken();
    UUID billingUser = accounts.create("billing-team-" + UUID.randomUUID() + "@flowgate.test", "x", "billing-team");
    String billing = accounts.issueToken(billingUser, "t");
    String byAdmin = "/api/v1/admin/tenants/" + tenant.id() + "/plan";
    String byBilling = "/api/v1/admin/billing/tenants/" + tenant.id() + "/plan";

    assertThat(api.send("PUT", byAdmin, admin, Map.of("planCode", "Not A Code")).status()).isEqualTo(400);
    assertThat(api.send("PUT", byBilling, billing, Map.of("planCode", "Not A Code")).status()).isEqualTo(400);
    assertThat(api.send("PUT", byAdmin, admin, Map.of("planCode", "pro")).status()).isEqualTo(200);
    assertThat(api.send("PUT", byBilling, billing, Map.of("planCode", "business")).status()).isEqualTo(200);
    assertThat(api.send("PUT", byBilling, billing, Map.of("planCode", "business")).status()).as("no change").isEqualTo(200);

    JsonNode trail = api.get("/api/v1/admin/audit-logs?tenantId=" + tenant.id() + "&resourceType=plan", admin).json();
    assertThat(trail.path("items").valueStream().map(e -> e.path("action").asString() + " " + e.path("actorType").asString()
        + " " + e.path("before").path("planCode").asString() + ">" + e.path("after").path("planCode").asString()))
        .containsExactly("billing.plan_changed platform pro>business", "billing.plan_changed platform free>pro");
    assertThat(trail.path("items").get(0).path("actorId").asString()).isEqualTo(billingUser.toString());
  }

  @Test
  void the_platform_audit_trail_filters_by_actor_tenant_resource_and_time_with_before_and_after() {
    String ownerEmail = "audited-" + UUID.randomUUID() + "@example.com";
    Api.Tenant tenant = api.signUp(ownerEmail, PASSWORD, "Audited Org");
    signUp();
    String admin = adminToken();
    String adminEmail = jdbc.sql("select email from platform_users where role = 'platform-admin' order by created_at limit 1")
        .query(String.class).single();
    member(tenant, "developer");
    UUID developerId = jdbc.sql("select id from users where tenant_id = ? and role = 'developer'").param(tenant.id())
        .query(UUID.class).single();
    Instant beforeChange = Instant.now();
    assertThat(api.patch("/api/v1/admin/users/" + developerId, admin, Map.of("role", "owner")).status()).isEqualTo(200);

    JsonNode byActor = api.get("/api/v1/admin/audit-logs?actor=" + enc(adminEmail) + "&tenant=" + tenant.slug(), admin).json();
    assertThat(byActor.path("items").valueStream().map(e -> e.path("action").asString())).containsExactly("member.role_changed");
    JsonNode entry = byActor.path("items").get(0);
    assertThat(entry.path("actorEmail").asString()).isEqualTo(adminEmail);
    assertThat(entry.path("after").path("role").asString()).isEqualTo("owner");
    assertThat(entry.path("before").isObject()).isTrue();

    assertThat(api.post("/api/v1/keys", tenant.token(), Map.of("name", "consumer")).status()).isEqualTo(201);
    JsonNode byOwner = api.get("/api/v1/admin/audit-logs?actor=" + enc(ownerEmail.toUpperCase()), admin).json();
    assertThat(byOwner.path("items").valueStream().map(e -> e.path("action").asString() + " " + e.path("actorEmail").asString()))
        .as("their own and their tokens' actions").contains("api_key.created " + ownerEmail);
    assertThat(api.get("/api/v1/admin/audit-logs?resourceType=member&resourceId=" + developerId, admin).json()
        .path("total").asLong()).isEqualTo(1);
    assertThat(api.get("/api/v1/admin/audit-logs?tenantId=" + tenant.id() + "&from=" + enc(beforeChange.toString()), admin).json()
        .path("items").valueStream().map(e -> e.path("action").asString())).containsExactly("api_key.created", "member.role_changed");
    assertThat(api.get("/api/v1/admin/audit-logs?tenantId=" + tenant.id() + "&to=" + enc(beforeChange.toString()), admin).json()
        .path("items").valueStream().map(e -> e.path("action").asString())).doesNotContain("member.role_changed").isNotEmpty();
    assertThat(api.get("/api/v1/admin/audit-logs?tenant=" + tenant.slug() + "&size=1", admin).json().path("items").size()).isEqualTo(1);
    assertThat(api.get("/api/v1/admin/audit-logs?actor=" + "x".repeat(101), admin).status()).isEqualTo(400);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void the_health_page_shows_each_runtimes_last_heartbeat_and_calls_it_down_after_three_missed() throws Exception {
    String admin = adminToken();
    String fresh = "test-" + UUID.randomUUID();
    String stale = "test-" + UUID.randomUUID();
    try (Connection nats = Nats.connect(System.getenv().getOrDefault("FLOWGATE_NATS_URL", "nats://127.0.0.1:4222"))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      JsonNode health;
      do {
        publish(nats, new RuntimeHeartbeat("gateway-runtime", fresh, "1.2.3", "UP", Instant.now()));
        publish(nats, new RuntimeHeartbeat("workflow-worker", stale, "1.2.3", "UP", Instant.now().minusSeconds(31)));
        Thread.sleep(200);
        health = api.get("/api/v1/admin/health", admin).json();
      } while (System.nanoTime() < deadline && (instance(health, fresh) == null || instance(health, stale) == null));

      assertThat(instance(health, fresh)).isNotNull();
      assertThat(instance(health, fresh).path("up").asBoolean()).isTrue();
      assertThat(instance(health, fresh).path("version").asString()).isEqualTo("1.2.3");
      assertThat(instance(health, stale).path("up").asBoolean()).as("last beat 31 s ago").isFalse();
    }

    UI ui = new UI();
    UI.setCurrent(ui);
    try {
      AdminHealthView view = new AdminHealthView(heartbeats);
      assertThat(view.grid.getGenericDataView().getItems())
          .anySatisfy(s -> assertThat(s.instanceId()).isEqualTo(fresh))
          .anySatisfy(s -> assertThat(s.instanceId()).isEqualTo(stale));
    } finally {
      UI.setCurrent(null);
    }
  }

  private static void publish(Connection nats, RuntimeHeartbeat beat) {
    nats.publish(Subjects.HEALTH_HEARTBEATS, EventCodec.toBytes(Envelope.of(beat, null, null, "test", Instant.now())));
  }

  private static JsonNode instance(JsonNode health, String instanceId) {
    return health.valueStream().filter(h -> h.path("instanceId").asString().equals(instanceId)).findFirst().orElse(null);
  }

  private String login(String email) throws Exception {
    String form = LoginForm.body(email, PASSWORD);
    // from an address of its own: other tests' failed logins from 127.0.0.1 may have locked that one
    InetAddress from = InetAddress.getByAddress(new byte[] {127, 0, (byte) ThreadLocalRandom.current().nextInt(1, 255),
        (byte) ThreadLocalRandom.current().nextInt(1, 255)});
    HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).localAddress(from)
        .build().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.headers().firstValue("Location").orElse("");
  }
}
