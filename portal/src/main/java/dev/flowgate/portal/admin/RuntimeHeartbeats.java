package dev.flowgate.portal.admin;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.health.RuntimeHeartbeat;
import dev.flowgate.portal.base.config.PortalProperties;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The last heartbeat of every runtime instance, from {@code health.heartbeats} (plain NATS, every
 * 10 s). An instance is down once three beats are missed: its last one was sent more than
 * {@link #DOWN_AFTER} ago (by its own clock, so the runtimes' clocks are assumed in sync). Kept in
 * memory: after a portal restart the page fills up again within one beat.
 */
@Component
public class RuntimeHeartbeats implements InitializingBean {

  static final Duration DOWN_AFTER = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(RuntimeHeartbeats.class);
  private static final int MAX_INSTANCES = 1_000;

  private final PortalProperties properties;
  private final Clock clock;
  private final Map<String, RuntimeHeartbeat> latest = new ConcurrentHashMap<>();
  private volatile @Nullable Connection connection;

  RuntimeHeartbeats(PortalProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** One runtime instance as the health page shows it. */
  public record RuntimeStatus(String runtime, String instanceId, String version, String reportedStatus,
      Instant lastHeartbeat, boolean up) {}

  /** Every instance heard from, by runtime and instance. */
  public List<RuntimeStatus> runtimes() {
    Instant now = clock.instant();
    return latest.values().stream()
        .map(h -> new RuntimeStatus(h.runtime(), h.instanceId(), h.version(), h.status(), h.sentAt(),
            h.sentAt().plus(DOWN_AFTER).isAfter(now) && !"DOWN".equals(h.status())))
        .sorted(Comparator.comparing(RuntimeStatus::runtime).thenComparing(RuntimeStatus::instanceId))
        .toList();
  }

  void on(Message message) {
    try {
      Envelope<RuntimeHeartbeat> envelope = EventCodec.envelope(message.getData(), RuntimeHeartbeat.class);
      RuntimeHeartbeat beat = envelope.payload();
      if (beat == null || beat.runtime() == null || beat.instanceId() == null || beat.sentAt() == null) {
        return;
      }
      if (latest.size() >= MAX_INSTANCES && !latest.containsKey(key(beat))) {
        latest.values().removeIf(h -> h.sentAt().plus(Duration.ofHours(1)).isBefore(clock.instant()));
      }
      latest.merge(key(beat), beat, (old, current) -> current.sentAt().isAfter(old.sentAt()) ? current : old);
    } catch (RuntimeException e) {
      log.debug("ignored a heartbeat that does not decode: {}", e.toString());
    }
  }

  private static String key(RuntimeHeartbeat beat) {
    return beat.runtime() + "/" + beat.instanceId();
  }

  @Override
  public void afterPropertiesSet() {
    ConnectionListener listener = (conn, event) -> {
      if (event == ConnectionListener.Events.CONNECTED) {
        connection = conn;
        conn.createDispatcher(this::on).subscribe(Subjects.HEALTH_HEARTBEATS);
      }
    };
    Options options = Options.builder()
        .server(properties.natsUrl())
        .connectionName("flowgate-portal-health")
        .connectionTimeout(Duration.ofSeconds(2))
        .maxReconnects(-1)
        .reconnectWait(Duration.ofSeconds(2))
        .connectionListener(listener)
        .build();
    try {
      Nats.connectAsynchronously(options, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @PreDestroy
  void close() throws InterruptedException {
    Connection current = connection;
    if (current != null) {
      current.close();
    }
  }
}
