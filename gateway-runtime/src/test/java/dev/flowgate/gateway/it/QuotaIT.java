package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.billing.QuotaStateChanged;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.config.GatewayNats;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Billing's word on {@code billing.quotas} (real NATS at 127.0.0.1:4222) turns into 429 at the gateway and back. */
class QuotaIT {

  @TempDir Path stateDir;

  @Test
  void a_tenant_billing_blocks_gets_429_within_seconds_and_is_let_through_again_when_unblocked() throws Exception {
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    Tenant other = snapshots.tenant("other");
    try (FakeUpstream upstream = new FakeUpstream();
        Connection billing = Nats.connect("nats://127.0.0.1:4222")) {
      snapshots.route(snapshots.service(acme, upstream.url()), "echo", "/echo");
      snapshots.route(snapshots.service(other, upstream.url()), "echo", "/echo");
      IssuedKey acmeKey = snapshots.key(acme, List.of("*"));
      IssuedKey otherKey = snapshots.key(other, List.of("*"));
      try (FakePortal portal = new FakePortal(snapshots.build());
          GatewayInstance gateway = GatewayInstance.start(portal.url(), stateDir,
              Map.of("flowgate.gateway.kafka.enabled", "false")).awaitReady()) {
        awaitSubscribed(gateway);
        assertThat(gateway.get("/echo/1", acmeKey.secret()).statusCode()).isEqualTo(200);

        Instant until = Instant.now().plus(Duration.ofHours(1));
        publish(billing, new QuotaStateChanged(acme.id(), "2026-11", "hard_limit_reached", true, 1000, 500, 1000L,
            until, Instant.now()));
        HttpResponse<String> refused = awaitStatus(gateway, acmeKey, 429);

        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"type\":\"https://flowgate.dev/problems/quota-exceeded\"");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(3500L, 3600L);
        assertThat(gateway.get("/echo/2", otherKey.secret()).statusCode()).isEqualTo(200);
        assertThat(gateway.admin("/metrics").body())
            .contains("flowgate_gateway_quota_blocked_tenants 1.0")
            .containsPattern("flowgate_gateway_quota_refused_total\\{tenant=\"acme\"} [1-9]");

        publish(billing, new QuotaStateChanged(acme.id(), "2026-11", "ok", false, 10, 500, 1000L, null,
            Instant.now()));
        awaitStatus(gateway, acmeKey, 200);
      }
    }
  }

  private static void publish(Connection billing, QuotaStateChanged change) throws Exception {
    billing.publish(Subjects.BILLING_QUOTAS,
        EventCodec.toBytes(Envelope.of(change, change.tenantId(), UUID.randomUUID().toString(), "billing",
            Instant.now())));
    billing.flush(Duration.ofSeconds(2));
  }

  private static HttpResponse<String> awaitStatus(GatewayInstance gateway, IssuedKey key, int status)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    HttpResponse<String> response;
    do {
      response = gateway.get("/echo/q", key.secret());
      if (response.statusCode() == status) {
        return response;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("status " + response.statusCode() + " instead of " + status + " after 5 s");
  }

  /** The gateway's subscription has reached the server, so a message published now is delivered. */
  private static void awaitSubscribed(GatewayInstance gateway) throws Exception {
    GatewayNats nats = gateway.context().getBean(GatewayNats.class);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (nats.connection() == null || nats.connection().getStatus() != Connection.Status.CONNECTED) {
      assertThat(System.nanoTime()).as("gateway connected to NATS").isLessThan(deadline);
      Thread.sleep(20);
    }
    nats.connection().flush(Duration.ofSeconds(2));
  }
}
