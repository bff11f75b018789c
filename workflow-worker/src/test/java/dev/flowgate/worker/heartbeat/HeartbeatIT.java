package dev.flowgate.worker.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.health.RuntimeHeartbeat;
import dev.flowgate.worker.RuntimeInstance;
import dev.flowgate.worker.WorkerIntegrationTest;
import dev.flowgate.worker.WorkerProperties;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Listens on the local NATS server (127.0.0.1:4222) for this context's heartbeat. */
@WorkerIntegrationTest
class HeartbeatIT {

  @Autowired RuntimeInstance instance;
  @Autowired WorkerProperties properties;

  @Test
  void a_heartbeat_from_this_worker_arrives_on_health_heartbeats() throws Exception {
    try (Connection nats = Nats.connect(properties.natsUrl())) {
      Subscription subscription = nats.subscribe(Subjects.HEALTH_HEARTBEATS);
      Envelope<RuntimeHeartbeat> mine = null;
      Instant deadline = Instant.now().plusSeconds(15);
      while (mine == null && Instant.now().isBefore(deadline)) {
        Message message = subscription.nextMessage(Duration.ofSeconds(1));
        if (message != null) {
          Envelope<RuntimeHeartbeat> heartbeat = EventCodec.envelope(message.getData(), RuntimeHeartbeat.class);
          if (heartbeat.payload().instanceId().equals(instance.instanceId())) {
            mine = heartbeat;
          }
        }
      }

      assertThat(mine).as("a heartbeat from " + instance.instanceId()).isNotNull();
      assertThat(mine.eventType()).isEqualTo(RuntimeHeartbeat.TYPE);
      assertThat(mine.tenantId()).isNull();
      assertThat(mine.source()).isEqualTo(instance.source());
      assertThat(mine.payload().runtime()).isEqualTo("workflow-worker");
      assertThat(mine.payload().status()).isEqualTo("UP");
    }
  }
}
