package dev.flowgate.gateway.config;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.config.ConfigInvalidated;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.Message;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Pulls the snapshot at once when the portal publishes on {@code config.invalidations}, and after
 * every (re)connection, since messages sent while disconnected are lost. Connects in the
 * background: start-up never waits for NATS, and polling covers while it is away.
 */
@Component
@ConditionalOnProperty(prefix = "flowgate.gateway.nats", name = "enabled", matchIfMissing = true)
public class InvalidationListener implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InvalidationListener.class);

  private final GatewayProperties.Nats nats;
  private final SnapshotRefresher refresher;
  private volatile boolean running;
  private @Nullable ExecutorService executor;
  private @Nullable Connection connection;

  public InvalidationListener(GatewayProperties properties, SnapshotRefresher refresher) {
    this.nats = properties.nats();
    this.refresher = refresher;
  }

  @Override
  public synchronized void start() {
    ExecutorService natsThreads = Executors.newCachedThreadPool(Thread.ofPlatform().name("nats-", 0).daemon().factory());
    executor = natsThreads;
    running = true;
    GatewayNats.connectInBackground(nats.url(), "flowgate-gateway", natsThreads, this::onConnectionEvent);
  }

  private synchronized void onConnectionEvent(Connection conn, Events event) {
    if (!running) {
      GatewayNats.closeQuietly(conn);
      return;
    }
    if (event == Events.CONNECTED && connection == null) {
      connection = conn;
      conn.createDispatcher(this::onMessage).subscribe(Subjects.CONFIG_INVALIDATIONS);
    }
    if (event == Events.CONNECTED || event == Events.RECONNECTED || event == Events.RESUBSCRIBED) {
      log.info("NATS {}: pulling the snapshot", event);
      refresher.refreshSoon();
    } else if (event == Events.DISCONNECTED) {
      log.warn("NATS disconnected; relying on polling until it is back");
    }
  }

  private void onMessage(Message message) {
    try {
      ConfigInvalidated change = EventCodec.envelope(message.getData(), ConfigInvalidated.class).payload();
      log.debug("Config invalidated: {} {} {} (version {})", change.resourceType(), change.resourceId(),
          change.change(), change.configVersion());
    } catch (RuntimeException e) {
      log.debug("Unreadable message on {}, refreshing anyway", Subjects.CONFIG_INVALIDATIONS);
    }
    refresher.refreshSoon();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (connection != null) {
      GatewayNats.closeQuietly(connection);
      connection = null;
    }
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
