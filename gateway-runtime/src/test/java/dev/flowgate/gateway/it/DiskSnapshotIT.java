package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.FakeUpstream;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last good snapshot on disk keeps a gateway serving while the portal is down. */
class DiskSnapshotIT {

  static final Map<String, String> NO_KAFKA = Map.of("flowgate.gateway.kafka.enabled", "false");

  @TempDir Path stateDir;

  static String deadPortal() {
    return "http://127.0.0.1:" + GatewayInstance.freePort();
  }

  @Test
  void a_gateway_that_never_had_a_snapshot_is_not_ready_and_answers_503() {
    try (GatewayInstance gateway = GatewayInstance.start(deadPortal(), stateDir, NO_KAFKA)) {
      assertThat(gateway.admin("/actuator/health/readiness").statusCode()).isEqualTo(503);
      assertThat(gateway.admin("/actuator/health/liveness").statusCode()).isEqualTo(200);

      HttpResponse<String> response = gateway.get("/anything", "fg_live_00000000000000000000000000000000");
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("/gateway-not-ready");
      assertThat(response.headers().firstValue("Retry-After")).contains("5");
    }
  }

  @Test
  void a_restarted_gateway_serves_from_its_disk_snapshot_while_the_portal_is_down() throws Exception {
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    try (FakeUpstream upstream = new FakeUpstream()) {
      snapshots.route(snapshots.service(acme, upstream.url()), "echo", "/echo");
      IssuedKey key = snapshots.key(acme, List.of("*"));

      try (FakePortal portal = new FakePortal(snapshots.build());
          GatewayInstance first = GatewayInstance.start(portal.url(), stateDir, NO_KAFKA)) {
        first.awaitReady();
        assertThat(first.get("/echo", key.secret()).statusCode()).isEqualTo(200);
        assertThat(Files.exists(stateDir.resolve("snapshot.json"))).isTrue();
      }

      try (GatewayInstance restarted = GatewayInstance.start(deadPortal(), stateDir, NO_KAFKA)) {
        assertThat(restarted.admin("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(restarted.get("/echo", key.secret()).statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void a_gateway_started_before_the_portal_becomes_ready_soon_after_the_portal_comes_up() throws Exception {
    TestSnapshots snapshots = new TestSnapshots();
    snapshots.tenant("acme");
    int portalPort = GatewayInstance.freePort();
    try (GatewayInstance gateway = GatewayInstance.start("http://127.0.0.1:" + portalPort, stateDir, NO_KAFKA)) {
      assertThat(gateway.admin("/actuator/health/readiness").statusCode()).isEqualTo(503);

      try (FakePortal portal = new FakePortal(snapshots.build(), portalPort)) {
        long started = System.nanoTime();
        gateway.awaitReady();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      }
    }
  }

  @Test
  void a_gateway_starts_and_serves_while_nats_and_kafka_are_down() throws Exception {
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    try (FakeUpstream upstream = new FakeUpstream()) {
      snapshots.route(snapshots.service(acme, upstream.url()), "echo", "/echo");
      IssuedKey key = snapshots.key(acme, List.of("*"));
      Map<String, String> brokersDown = Map.of(
          "flowgate.gateway.nats.url", "nats://127.0.0.1:" + GatewayInstance.freePort(),
          "flowgate.gateway.kafka.bootstrap", "127.0.0.1:" + GatewayInstance.freePort());
      long started = System.nanoTime();
      try (FakePortal portal = new FakePortal(snapshots.build());
          GatewayInstance gateway = GatewayInstance.start(portal.url(), stateDir, brokersDown).awaitReady()) {
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        long sent = System.nanoTime();
        assertThat(gateway.get("/echo", key.secret()).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(1));
      }
    }
  }
}
