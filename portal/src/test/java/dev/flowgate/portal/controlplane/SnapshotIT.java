package dev.flowgate.portal.controlplane;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotIT extends PortalIT {

  @Test
  void the_snapshot_needs_the_internal_token() {
    assertThat(api.get("/internal/v1/gateway/snapshot", null).status()).isEqualTo(401);
    assertThat(api.get("/internal/v1/gateway/snapshot", "wrong").status()).isEqualTo(401);
    Api.Tenant tenant = signUp();
    assertThat(api.get("/internal/v1/gateway/snapshot", tenant.token()).status()).isEqualTo(401);
  }

  @Test
  void the_etag_is_the_version_and_an_unchanged_snapshot_answers_304() {
    Api.Response first = api.get("/internal/v1/gateway/snapshot", INTERNAL_TOKEN);
    assertThat(first.status()).isEqualTo(200);
    long version = first.json().path("version").asLong();
    assertThat(first.header("ETag")).isEqualTo("\"" + version + "\"");

    Api.Response again = api.send("GET", "/internal/v1/gateway/snapshot", INTERNAL_TOKEN, null, "If-None-Match", first.header("ETag"));
    // another test may change the config in between; then a fresh snapshot is the right answer
    assertThat(again.status()).isIn(200, 304);
    if (again.status() == 304) {
      assertThat(again.raw()).isEmpty();
    }
  }

  @Test
  void a_change_grows_the_version_and_the_snapshot_contains_it() {
    Api.Tenant tenant = signUp();
    long before = api.get("/internal/v1/gateway/snapshot", INTERNAL_TOKEN).json().path("version").asLong();

    String id = api.post("/api/v1/services", tenant.token(), Map.of("name", "inventory", "url", "https://8.8.8.8"))
        .json().path("id").asString();

    Api.Response after = api.send("GET", "/internal/v1/gateway/snapshot", INTERNAL_TOKEN, null, "If-None-Match", "\"" + before + "\"");
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.json().path("version").asLong()).isGreaterThan(before);
    assertThat(after.json().path("services").valueStream().anyMatch(s -> s.path("id").asString().equals(id))).isTrue();
    assertThat(after.json().path("tenants").valueStream().anyMatch(t -> t.path("slug").asString().equals(tenant.slug()))).isTrue();
  }

  @Test
  void an_invalidation_is_published_on_nats_after_a_change_commits() throws Exception {
    Api.Tenant tenant = signUp();
    try (Connection nats = Nats.connect(System.getProperty("flowgate.nats", "nats://127.0.0.1:4222"))) {
      Subscription subscription = nats.subscribe(Subjects.CONFIG_INVALIDATIONS);
      nats.flush(Duration.ofSeconds(2));

      String id = api.post("/api/v1/keys", tenant.token(), Map.of("name", "watched")).json().path("id").asString();

      ConfigInvalidated received = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (received == null && System.nanoTime() < deadline) {
        Message message = subscription.nextMessage(Duration.ofSeconds(1));
        if (message != null) {
          Envelope<ConfigInvalidated> envelope = EventCodec.envelope(message.getData(), ConfigInvalidated.class);
          if (id.equals(envelope.payload().resourceId())) {
            assertThat(envelope.eventType()).isEqualTo(ConfigInvalidated.TYPE);
            assertThat(envelope.tenantId()).isEqualTo(tenant.id());
            received = envelope.payload();
          }
        }
      }
      assertThat(received).as("invalidation for key " + id).isNotNull();
      assertThat(received.resourceType()).isEqualTo("api_key");
      assertThat(received.change()).isEqualTo("created");
      long version = api.get("/internal/v1/gateway/snapshot", INTERNAL_TOKEN).json().path("version").asLong();
      assertThat(received.configVersion()).isLessThanOrEqualTo(version);
    }
  }
}
