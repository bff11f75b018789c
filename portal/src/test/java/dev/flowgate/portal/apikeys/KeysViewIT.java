package dev.flowgate.portal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubBillingControl;
import dev.flowgate.portal.ViewSession;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.routing.RouteManagement;
import dev.flowgate.portal.usage.UsageClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The keys screen, driven server-side against real PostgreSQL (the browser journey is in e2e-tests). */
class KeysViewIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired ApiKeyManagement keys;
  @Autowired RouteManagement routes;
  @Autowired KeyActivity activity;
  @Autowired UsageClient usage;
  @Autowired AuthenticationContext authentication;
  @Autowired Clock clock;

  @BeforeEach
  void billingAnswers() {
    StubBillingControl.failing(false);
  }

  private Actor signIn(Api.Tenant tenant, String role) {
    return session.signIn(tenant, role).actor();
  }

  private KeysView view() {
    return new KeysView(keys, routes, activity, usage, authentication, clock);
  }

  private String route(Api.Tenant tenant) {
    String service = api.post("/api/v1/services", tenant.token(), Map.of("name", "orders", "url", "https://8.8.8.8"))
        .json().path("id").asString();
    return api.post("/api/v1/routes", tenant.token(), Map.of("name", "orders", "serviceId", service, "paths", List.of("/orders")))
        .json().path("id").asString();
  }

  @Test
  void a_refused_key_is_marked_beside_its_fields_and_nothing_typed_is_lost() {
    Api.Tenant tenant = signUp();
    String routeId = route(tenant);
    Actor actor = signIn(tenant, "developer");
    CreateKeyForm form = new CreateKeyForm(keys, actor, routes.list(actor, org.springframework.data.domain.Pageable.ofSize(10)).getContent(),
        issued -> {});

    form.name.setValue("mobile");
    form.allRoutes.setValue(false);
    form.routes.select(form.routes.getListDataView().getItems().findFirst().orElseThrow());
    form.limit.setValue(0);
    form.expiresAt.setValue(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
    form.create();

    assertThat(form.limit.isInvalid()).isTrue();
    assertThat(form.limit.getErrorMessage()).contains("between 1");
    assertThat(form.expiresAt.isInvalid()).isTrue();
    assertThat(form.name.isInvalid()).isFalse();
    assertThat(form.name.getValue()).isEqualTo("mobile");
    assertThat(form.routes.getValue()).hasSize(1);
    assertThat(api.get("/api/v1/keys", tenant.token()).json().path("total").asLong()).isZero();

    form.limit.setValue(100);
    form.window.setValue(60);
    form.expiresAt.setValue(LocalDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.MINUTES));
    form.create();

    JsonNode stored = api.get("/api/v1/keys", tenant.token()).json().path("items").get(0);
    assertThat(stored.path("name").asString()).isEqualTo("mobile");
    assertThat(stored.path("scopes").get(0).asString()).isEqualTo(routeId);
    assertThat(stored.path("rateLimit").path("limit").asLong()).isEqualTo(100);
    assertThat(stored.path("expiresAt").asString()).isNotBlank();
    SecretShownOnce secret = (SecretShownOnce) form.getChildren().filter(SecretShownOnce.class::isInstance).findFirst().orElseThrow();
    assertThat(secret.secret.getValue()).matches("fg_live_[0-9A-Za-z]{32}").startsWith("fg_live_" + stored.path("prefix").asString());
  }

  @Test
  void a_rotation_shows_the_new_secret_once_and_when_the_old_one_stops() {
    Api.Tenant tenant = signUp();
    Actor actor = signIn(tenant, "developer");
    IssuedKey created = keys.create(actor, new KeyRequest("server", null, null, null));
    AtomicReference<IssuedKey> rotated = new AtomicReference<>();
    RotateKeyForm form = new RotateKeyForm(keys, actor, created.key(), rotated::set);
    assertThat(form.grace.getValue()).isEqualTo(Duration.ofHours(24));

    form.grace.setValue(Duration.ofDays(3));
    form.rotate();

    assertThat(rotated.get().secret()).isNotEqualTo(created.secret()).startsWith("fg_live_");
    Instant oldEnds = rotated.get().key().previousSecretValidUntil();
    assertThat(oldEnds).isBetween(Instant.now().plus(Duration.ofDays(3)).minusSeconds(60), Instant.now().plus(Duration.ofDays(3)));
    String shown = form.getChildren().filter(c -> "rotate-old-secret-ends".equals(c.getId().orElse(null))).findFirst()
        .map(c -> c.getElement().getText()).orElseThrow();
    assertThat(shown).contains(RotateKeyForm.WHEN.format(oldEnds));

    RotateKeyForm now = new RotateKeyForm(keys, actor, rotated.get().key(), rotated::set);
    now.grace.setValue(Duration.ZERO);
    now.rotate();
    assertThat(rotated.get().key().previousSecretValidUntil()).isNull();
  }

  @Test
  void a_revoked_key_shows_as_revoked_and_cannot_be_rotated_from_the_screen() {
    Api.Tenant tenant = signUp();
    Actor actor = signIn(tenant, "owner");
    IssuedKey created = keys.create(actor, new KeyRequest("temp", null, null, null));
    KeysView view = view();

    view.select(created.key());
    view.revokeNow(created.key());

    assertThat(api.get("/api/v1/keys/" + created.key().id(), tenant.token()).json().path("status").asString()).isEqualTo("revoked");
    assertThat(view.status.getText()).contains("Revoked");
    assertThat(view.rotate.isEnabled()).isFalse();
    assertThat(view.revoke.isEnabled()).isFalse();
  }

  @Test
  void the_selected_keys_usage_is_charted_from_billing_for_that_key_only() {
    Api.Tenant tenant = signUp();
    Actor actor = signIn(tenant, "viewer");
    IssuedKey mine = keys.create(actor, new KeyRequest("metered", null, null, null));
    IssuedKey other = keys.create(actor, new KeyRequest("other", null, null, null));
    String hour = Instant.now().truncatedTo(ChronoUnit.HOURS).toString();
    StubBillingControl.usage(tenant.id(), "\"totals\":{\"calls\":9},\"series\":["
        + point(hour, mine.key().id(), 5, 1, 12) + "," + point(hour, other.key().id(), 4, 0, 30) + "]");
    KeysView view = view();

    view.select(mine.key());

    assertThat(view.usagePanel.summary.getText()).startsWith("5 calls, 1 errors");
    assertThat(view.usagePanel.traffic.getOption().path("series").get(0).path("data").toString()).isEqualTo("[5]");
    assertThat(view.usagePanel.latency.getOption().path("series").get(1).path("data").toString()).isEqualTo("[12]");
    assertThat(activity.lastUsed(actor).orElseThrow()).containsEntry(mine.key().id().toString(), Instant.parse(hour));
  }

  @Test
  void choosing_a_usage_window_asks_billing_for_that_window_and_the_chart_and_figures_follow_it() {
    Api.Tenant tenant = signUp();
    Actor actor = signIn(tenant, "viewer");
    IssuedKey mine = keys.create(actor, new KeyRequest("metered", null, null, null));
    String today = Instant.now().truncatedTo(ChronoUnit.DAYS).toString();
    String weekAgo = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(6)).toString();
    StubBillingControl.usage(tenant.id(), "\"totals\":{\"calls\":10},\"series\":["
        + point(weekAgo, mine.key().id(), 7, 2, 40) + "," + point(today, mine.key().id(), 3, 0, 20) + "]");
    KeysView view = view();
    view.select(mine.key());
    assertThat(view.usagePanel.window.getValue()).isEqualTo(KeyUsageWindow.DAY);
    assertThat(StubBillingControl.lastQuery()).contains("granularity=hour");

    view.usagePanel.window.setValue(KeyUsageWindow.MONTH);

    String query = StubBillingControl.lastQuery();
    assertThat(query).contains("granularity=day").contains("groupBy=key");
    Instant from = Instant.parse(java.net.URLDecoder.decode(query.replaceAll(".*from=([^&]+).*", "$1"), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(from).isEqualTo(Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(29)));
    assertThat(view.usagePanel.summary.getText()).isEqualTo("10 calls, 2 errors in the last 30 days (UTC days).");
    assertThat(view.usagePanel.traffic.getOption().path("series").get(0).path("data").toString()).isEqualTo("[7,3]");
    assertThat(view.usagePanel.traffic.getOption().toString()).contains(today.substring(0, 10)).contains("Day (UTC)");

    view.usagePanel.window.setValue(KeyUsageWindow.WEEK);
    assertThat(StubBillingControl.lastQuery()).contains("granularity=hour");
    assertThat(view.usagePanel.summary.getText()).contains("in the last 7 days (UTC hours)");
  }

  @Test
  void a_viewer_reads_keys_but_finds_no_create_rotate_or_revoke_and_the_api_refuses_them() {
    Api.Tenant tenant = signUp();
    String existing = api.post("/api/v1/keys", tenant.token(), Map.of("name", "ci")).json().path("id").asString();
    session.signIn(tenant, "viewer");
    KeysView view = view();

    assertThat(view.create.isVisible()).isFalse();
    assertThat(view.rotate.getParent().orElseThrow().isVisible()).isFalse();
    assertThat(view.grid.getDataProvider().fetch(new com.vaadin.flow.data.provider.Query<>(0, 50, null, null, null)).count()).isEqualTo(1);

    String viewer = member(tenant, "viewer");
    assertThat(api.post("/api/v1/keys", viewer, Map.of("name", "sneaky")).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/keys/" + existing + "/rotate", viewer, Map.of()).status()).isEqualTo(403);
    assertThat(api.delete("/api/v1/keys/" + existing, viewer).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/keys/" + existing, viewer).status()).isEqualTo(200);
  }

  @Test
  void another_tenants_key_id_answers_404_on_every_key_endpoint() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String foreign = api.post("/api/v1/keys", a.token(), Map.of("name", "a-key")).json().path("id").asString();

    for (Api.Response response : List.of(api.get("/api/v1/keys/" + foreign, b.token()),
        api.get("/api/v1/keys/" + foreign + "/usage", b.token()),
        api.post("/api/v1/keys/" + foreign + "/rotate", b.token(), Map.of("gracePeriodSeconds", 0)),
        api.delete("/api/v1/keys/" + foreign, b.token()))) {
      assertThat(response.status()).as(response.raw()).isEqualTo(404);
    }
    assertThat(api.get("/api/v1/keys/" + foreign, a.token()).json().path("status").asString()).isEqualTo("active");
    assertThat(api.get("/api/v1/keys?search=a-key", b.token()).json().path("total").asLong()).isZero();
    assertThat(api.get("/api/v1/keys?search=A-K", a.token()).json().path("total").asLong()).isEqualTo(1);
  }

  private static String point(String bucket, UUID key, long calls, long errors, long p95) {
    return "{\"bucketStart\":\"" + bucket + "\",\"group\":\"" + key + "\",\"calls\":" + calls + ",\"errors\":" + errors
        + ",\"serverErrors\":0,\"requestBytes\":0,\"responseBytes\":0,\"latencyP50Ms\":5,\"latencyP95Ms\":" + p95
        + ",\"latencyP99Ms\":" + (p95 + 1) + "}";
  }
}
