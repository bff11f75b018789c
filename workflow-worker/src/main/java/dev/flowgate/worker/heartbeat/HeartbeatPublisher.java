package dev.flowgate.worker.heartbeat;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.health.RuntimeHeartbeat;
import dev.flowgate.worker.RuntimeInstance;
import dev.flowgate.worker.health.TemporalHealthIndicator;
import dev.flowgate.worker.nats.NatsConnector;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes a {@link RuntimeHeartbeat} on {@code health.heartbeats}: {@code UP} while Temporal is
 * reachable, {@code DEGRADED} when it is not (the process runs but executes nothing).
 */
@Component
class HeartbeatPublisher {

  private final NatsConnector nats;
  private final TemporalHealthIndicator temporal;
  private final RuntimeInstance instance;
  private final Clock clock;

  HeartbeatPublisher(NatsConnector nats, TemporalHealthIndicator temporal, RuntimeInstance instance, Clock clock) {
    this.nats = nats;
    this.temporal = temporal;
    this.instance = instance;
    this.clock = clock;
  }

  @Scheduled(fixedRateString = "${flowgate.worker.heartbeat-interval:10s}", initialDelay = 0)
  void publish() {
    nats.connection().ifPresent(connection -> connection.publish(Subjects.HEALTH_HEARTBEATS, EventCodec.toBytes(heartbeat())));
  }

  Envelope<RuntimeHeartbeat> heartbeat() {
    Instant now = clock.instant();
    String status = Status.UP.equals(temporal.health().getStatus()) ? "UP" : "DEGRADED";
    var heartbeat = new RuntimeHeartbeat(RuntimeInstance.RUNTIME, instance.instanceId(), instance.version(), status, now);
    return Envelope.of(heartbeat, null, null, instance.source(), now);
  }
}
