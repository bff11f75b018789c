package dev.flowgate.worker.nats;

import dev.flowgate.worker.RuntimeInstance;
import dev.flowgate.worker.WorkerProperties;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Connects to NATS on first use rather than at start-up, so the worker starts (and serves
 * Temporal) while NATS is down; once connected, the client reconnects by itself.
 */
@Component
public class NatsConnector implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(NatsConnector.class);

  private final Options options;
  private volatile @Nullable Connection connection;

  NatsConnector(WorkerProperties properties, RuntimeInstance instance) {
    this.options =
        new Options.Builder()
            .server(properties.natsUrl())
            .connectionName(instance.source())
            .connectionTimeout(Duration.ofSeconds(2))
            .maxReconnects(-1)
            .build();
  }

  /** The connection, connecting now if there is none yet; empty while NATS cannot be reached. */
  public synchronized Optional<Connection> connection() {
    Connection current = connection;
    if (current == null) {
      try {
        current = Nats.connect(options);
        connection = current;
      } catch (IOException e) {
        log.warn("NATS at {} is not reachable: {}", options.getServers(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return Optional.ofNullable(current);
  }

  @Override
  public void destroy() throws InterruptedException {
    Connection current = connection;
    if (current != null) {
      current.close();
    }
  }
}
