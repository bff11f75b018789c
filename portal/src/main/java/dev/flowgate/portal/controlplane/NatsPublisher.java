package dev.flowgate.portal.controlplane;

import dev.flowgate.portal.base.config.PortalProperties;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * A NATS connection that never holds the portal back: it connects in the background and reconnects
 * forever. What is published while NATS is away is kept, up to {@link #MAX_UNSENT} messages, and
 * sent in order the moment the connection is back: a change made then reaches the gateways at once
 * rather than at their next 30-second poll. Past the bound the oldest go, with a warning (the poll
 * still catches up).
 */
@Component
class NatsPublisher implements InitializingBean {

  private static final int MAX_UNSENT = 1_000;

  private static final Logger log = LoggerFactory.getLogger(NatsPublisher.class);

  private final PortalProperties properties;
  private volatile @Nullable Connection connection;
  // guarded by this
  private final Deque<Unsent> unsent = new ArrayDeque<>();

  private record Unsent(String subject, byte[] body) {}

  NatsPublisher(PortalProperties properties) {
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() throws InterruptedException {
    ConnectionListener listener = (conn, event) -> {
      if (event == ConnectionListener.Events.CONNECTED || event == ConnectionListener.Events.RECONNECTED) {
        connection = conn;
        log.info("NATS {} at {}", event, properties.natsUrl());
        flush();
      } else if (event == ConnectionListener.Events.DISCONNECTED) {
        log.warn("NATS disconnected from {}", properties.natsUrl());
      }
    };
    Options options = Options.builder()
        .server(properties.natsUrl())
        .connectionName("flowgate-portal")
        .connectionTimeout(Duration.ofSeconds(2))
        .maxReconnects(-1)
        .reconnectWait(Duration.ofSeconds(2))
        .connectionListener(listener)
        .build();
    Nats.connectAsynchronously(options, true);
  }

  /** Publishes now, or once NATS is back; never blocks on NATS and never throws. */
  synchronized void publish(String subject, byte[] body) {
    if (unsent.size() >= MAX_UNSENT) {
      Unsent dropped = unsent.removeFirst();
      log.warn("NATS away for {} messages: the oldest, on {}, is dropped (gateways pick it up on their next poll)",
          MAX_UNSENT, dropped.subject());
    }
    unsent.addLast(new Unsent(subject, body));
    if (!flush()) {
      log.warn("NATS not connected: {} kept until it is back ({} waiting)", subject, unsent.size());
    }
  }

  /** Messages kept for a connection that is not there yet. */
  synchronized int unsent() {
    return unsent.size();
  }

  /** Sends what waits, in order, while connected; true when nothing is left waiting. */
  private synchronized boolean flush() {
    Connection current = connection;
    while (!unsent.isEmpty()) {
      if (current == null || current.getStatus() != Connection.Status.CONNECTED) {
        return false;
      }
      Unsent next = unsent.peekFirst();
      try {
        current.publish(next.subject(), next.body());
      } catch (RuntimeException e) {
        log.warn("NATS publish on {} failed, kept for the next connection: {}", next.subject(), e.toString());
        return false;
      }
      unsent.removeFirst();
    }
    return true;
  }

  @PreDestroy
  void close() throws InterruptedException {
    Connection current = connection;
    if (current != null) {
      current.close();
    }
  }
}
