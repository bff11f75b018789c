package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.config.ConfigInvalidated;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.config.RuntimeConfigHolder;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.FakeUpstream;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration changes reach a running gateway through NATS {@code config.invalidations} (real NATS). */
class ConfigInvalidationIT {

  @TempDir Path stateDir;

  FakeUpstream upstream;
  FakePortal portal;
  GatewayInstance gateway;
  Connection nats;
  TestSnapshots snapshots = new TestSnapshots();
  Tenant acme = snapshots.tenant("acme");
  IssuedKey doomed = snapshots.key(acme, List.of("*"));
  IssuedKey survivor = snapshots.key(acme, List.of("*"));

  @BeforeEach
  void start() throws Exception {
    upstream = new FakeUpstream();
    snapshots.route(snapshots.service(acme, upstream.url()), "echo", "/echo");
    portal = new FakePortal(snapshots.build());
    gateway = GatewayInstance.start(portal.url(), stateDir, Map.of("flowgate.gateway.kafka.enabled", "false")).awaitReady();
    nats = Nats.connect("nats://127.0.0.1:4222");
  }

  @AfterEach
  void stop() throws Exception {
    nats.close();
    gateway.close();
    portal.close();
    upstream.close();
  }

  private void announce(long version) {
    ConfigInvalidated change = new ConfigInvalidated(acme.id(), "api_key", doomed.key().id().toString(), "revoked", version);
    nats.publish(Subjects.CONFIG_INVALIDATIONS, EventCodec.toBytes(Envelope.of(change, acme.id(), null, "portal", Instant.now())));
  }

  private long servedVersion() {
    return gateway.context().getBean(RuntimeConfigHolder.class).version();
  }

  @Test
  void a_key_revoked_in_the_portal_fails_within_two_seconds_of_the_invalidation() throws Exception {
    assertThat(gateway.get("/echo", doomed.secret()).statusCode()).isEqualTo(200);

    snapshots.revoke(doomed);
    portal.publish(snapshots.version(2).build());
    long announced = System.nanoTime();
    announce(2);

    HttpResponse<String> response = gateway.get("/echo", doomed.secret());
    while (response.statusCode() == 200 && System.nanoTime() - announced < Duration.ofSeconds(2).toNanos()) {
      Thread.sleep(25);
      response = gateway.get("/echo", doomed.secret());
    }
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("/revoked-credential");
    assertThat(gateway.get("/echo", survivor.secret()).statusCode()).isEqualTo(200);
  }

  @Test
  void a_snapshot_that_does_not_parse_never_replaces_the_good_one() throws Exception {
    int pulledBefore = portal.fullResponses();
    portal.publishRaw(3, "{\"schemaVersion\": 1, \"version\": 3, \"tenants\": [");
    announce(3);

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (portal.fullResponses() == pulledBefore && System.nanoTime() < deadline) {
      Thread.sleep(25);
    }
    assertThat(portal.fullResponses()).isGreaterThan(pulledBefore);
    assertThat(servedVersion()).isEqualTo(1);
    assertThat(gateway.get("/echo", survivor.secret()).statusCode()).isEqualTo(200);
  }
}
