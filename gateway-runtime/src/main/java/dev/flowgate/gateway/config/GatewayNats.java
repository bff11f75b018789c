package dev.flowgate.gateway.config;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.MessageHandler;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The gateway's one NATS connection, shared by config invalidations, billing quotas and workflow
 * triggers. Connects in the background and keeps reconnecting, so a gateway starts and serves
 * while NATS is down (a blocking connect once hung start-up forever). Users register their
 * subscriptions and connection listeners when they are built; subscriptions are made on the first
 * connection and the client renews them after every reconnect.
 */
@Component
public class GatewayNats implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GatewayNats.class);

  private final GatewayProperties.Nats settings;
  private final List<Map.Entry<String, MessageHandler>> subscriptions = new CopyOnWriteArrayList<>();
  private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private volatile @Nullable Connection connection;
  private volatile boolean running;
  private @Nullable Dispatcher dispatcher;
  private @Nullable ExecutorService executor;

  public GatewayNats(GatewayProperties properties) {
    this.settings = properties.nats();
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** Handles every message on {@code subject} from the first connection on. */
  public synchronized void subscribe(String subject, MessageHandler handler) {
    subscriptions.add(Map.entry(subject, handler));
    if (dispatcher != null) {
      dispatcher.subscribe(subject, handler);
    }
  }

  /** Learns of the connection and of every disconnect and reconnect. */
  public void onConnection(ConnectionListener listener) {
    listeners.add(listener);
  }

  /** The connection once made (it may be reconnecting), null before. */
  public @Nullable Connection connection() {
    return connection;
  }

  @Override
  public synchronized void start() {
    running = true;
    if (!settings.enabled()) {
      log.warn("NATS disabled: no config invalidations, billing quotas or workflow triggers");
      return;
    }
    ExecutorService threads = Executors.newCachedThreadPool(Thread.ofPlatform().name("nats-", 0).daemon().factory());
    executor = threads;
    Options options = new Options.Builder()
        .server(settings.url())
        .connectionName("flowgate-gateway")
        .connectionTimeout(Duration.ofSeconds(2))
        .maxReconnects(-1)
        .reconnectWait(Duration.ofSeconds(1))
        .executor(threads)
        .connectionListener(this::onEvent)
        .errorListener(new ErrorListener() {})
        .build();
    try {
      Nats.connectAsynchronously(options, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void onEvent(Connection conn, Events event) {
    synchronized (this) {
      if (!running) {
        closeQuietly(conn);
        return;
      }
      if (event == Events.CONNECTED && connection == null) {
        connection = conn;
        Dispatcher created = conn.createDispatcher();
        subscriptions.forEach(s -> created.subscribe(s.getKey(), s.getValue()));
        dispatcher = created;
      }
    }
    if (event == Events.DISCONNECTED) {
      log.warn("NATS disconnected; reconnecting in the background");
    }
    for (ConnectionListener listener : listeners) {
      try {
        listener.connectionEvent(conn, event);
      } catch (RuntimeException e) {
        log.warn("NATS connection listener failed on {}: {}", event, e.toString());
      }
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    Connection conn = connection;
    connection = null;
    dispatcher = null;
    if (conn != null) {
      closeQuietly(conn);
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

  /** Connects before, and closes after, everything that publishes or listens on it. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1000;
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
