package dev.flowgate.gateway.config;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link RuntimeConfigHolder} current: loads the disk snapshot at start-up, then pulls
 * from the portal every poll interval and whenever {@link #refreshSoon} is called. Everything
 * runs on one thread of its own, never on an event loop.
 */
@Component
public class SnapshotRefresher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SnapshotRefresher.class);
  private static final Duration NOT_READY_RETRY = Duration.ofSeconds(2);

  private final GatewayProperties properties;
  private final RuntimeConfigHolder holder;
  private final Clock clock;
  private final SnapshotStore store;
  private final SnapshotClient client;
  private final AtomicBoolean pending = new AtomicBoolean();
  private @Nullable ScheduledExecutorService scheduler;
  private @Nullable String etag;
  private boolean portalReachable = true;

  public SnapshotRefresher(GatewayProperties properties, RuntimeConfigHolder holder, Clock clock) {
    this.properties = properties;
    this.holder = holder;
    this.clock = clock;
    this.store = new SnapshotStore(properties.stateDir());
    this.client = new SnapshotClient(properties.portal());
  }

  @Override
  public void start() {
    loadFromDisk();
    scheduler = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("snapshot-refresher").daemon().factory());
    long every = properties.portal().pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
  }

  /** Pulls as soon as possible; calls while a pull is already queued are merged into it. */
  public void refreshSoon() {
    ScheduledExecutorService executor = scheduler;
    if (executor != null && pending.compareAndSet(false, true)) {
      executor.execute(this::refresh);
    }
  }

  void loadFromDisk() {
    try {
      SnapshotStore.Stored stored = store.load();
      if (stored == null) {
        log.info("No snapshot on disk at {}; waiting for the portal", store.file());
        return;
      }
      RuntimeConfig config = parse(stored.json());
      holder.replace(config, stored.savedAt());
      etag = etagOf(config.version());
      log.info("Serving snapshot version {} from {}", config.version(), store.file());
    } catch (IOException | InvalidSnapshotException e) {
      log.warn("Ignoring the snapshot on disk at {}: {}", store.file(), e.getMessage());
    }
  }

  void refresh() {
    pending.set(false);
    try {
      SnapshotClient.Pull pull = client.pull(holder.current() == null ? null : etag);
      reachable(true, null);
      if (!pull.modified() || pull.json() == null) {
        holder.confirm(clock.instant());
        return;
      }
      RuntimeConfig config = parse(pull.json());
      holder.replace(config, clock.instant());
      etag = pull.etag() != null ? pull.etag() : etagOf(config.version());
      log.info("Serving snapshot version {} from the portal", config.version());
      store.save(pull.json());
    } catch (InvalidSnapshotException e) {
      log.error("Refusing the portal's snapshot, still serving version {}: {}", holder.version(), e.getMessage());
    } catch (IOException e) {
      reachable(false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("Snapshot refresh failed", e);
    }
    if (holder.current() == null) {
      retryWhileNotReady();
    }
  }

  /** Without any snapshot the gateway is not ready: try again every couple of seconds, not every poll. */
  private void retryWhileNotReady() {
    ScheduledExecutorService executor = scheduler;
    if (executor != null && pending.compareAndSet(false, true)) {
      executor.schedule(this::refresh, NOT_READY_RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private RuntimeConfig parse(byte[] json) throws InvalidSnapshotException {
    GatewayProperties.Upstream upstream = properties.upstream();
    return RuntimeConfig.parse(
        json, (int) upstream.connectTimeout().toMillis(), (int) upstream.readTimeout().toMillis());
  }

  private void reachable(boolean now, @Nullable IOException error) {
    if (now != portalReachable) {
      if (now) {
        log.info("Portal reachable again");
      } else {
        log.warn("Portal unreachable, serving snapshot version {}: {}", holder.version(), String.valueOf(error));
      }
    }
    portalReachable = now;
  }

  private static String etagOf(long version) {
    return "\"" + version + "\"";
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = scheduler;
    if (executor != null) {
      executor.shutdownNow();
      scheduler = null;
    }
    client.close();
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  /** Before the proxy starts, so the disk snapshot is in place when it opens its port. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1000;
  }
}
