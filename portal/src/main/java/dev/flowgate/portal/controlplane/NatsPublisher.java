package dev.flowgate.portal.controlplane;

import dev.flowgate.portal.base.config.PortalProperties;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * A NATS connection that never holds the portal back: it connects in the background, reconnects
 * forever, and publishing while NATS is away is logged and dropped (gateways also poll every 30 s).
 */
@Component
class NatsPublisher implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(NatsPublisher.class);

  private final PortalProperties properties;
  private volatile @Nullable Connection connection;

  NatsPublisher(PortalProperties properties) {
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() throws InterruptedException {
    ConnectionListener listener = (conn, event) -> {
      if (event == ConnectionListener.Events.CONNECTED || event == ConnectionListener.Events.RECONNECTED) {
        connection = conn;
        log.info("NATS {} at {}", event, properties.natsUrl());
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

  void publish(String subject, byte[] body) {
    Connection current = connection;
    if (current == null || current.getStatus() != Connection.Status.CONNECTED) {
      log.warn("NATS not connected: {} not published (gateways pick the change up on their next poll)", subject);
      return;
    }
    try {
      current.publish(subject, body);
    } catch (RuntimeException e) {
      log.warn("NATS publish on {} failed: {}", subject, e.toString());
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
