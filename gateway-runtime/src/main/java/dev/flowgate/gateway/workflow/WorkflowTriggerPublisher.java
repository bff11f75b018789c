package dev.flowgate.gateway.workflow;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.workflow.WorkflowTriggered;
import dev.flowgate.gateway.config.GatewayNats;
import dev.flowgate.gateway.config.GatewayProperties;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes triggers to JetStream, de-duplicated on the execution id ({@code Nats-Msg-Id}).
 * Connects in the background and creates stream {@code FLOWGATE_WORKFLOWS} when it is missing;
 * while NATS is away a publish fails at once, and the call is answered 503.
 */
public final class WorkflowTriggerPublisher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkflowTriggerPublisher.class);

  private final String url;
  private final boolean enabled;
  private final Duration timeout;
  private volatile @Nullable Connection connection;
  private volatile boolean running;
  private volatile boolean streamReady;
  private @Nullable ExecutorService executor;

  public WorkflowTriggerPublisher(GatewayProperties properties) {
    this.url = properties.nats().url();
    this.enabled = properties.nats().enabled();
    this.timeout = Duration.ofSeconds(2);
  }

  /** Completes when JetStream has stored the trigger; fails when NATS is unavailable. */
  public CompletableFuture<?> publish(Envelope<WorkflowTriggered> trigger) {
    Connection conn = connection;
    if (conn == null || !streamReady || conn.getStatus() != Connection.Status.CONNECTED) {
      return CompletableFuture.failedFuture(new IOException("NATS JetStream is not available"));
    }
    try {
      return conn.jetStream()
          .publishAsync(Subjects.workflowTriggers(trigger.payload().tenantId()), EventCodec.toBytes(trigger),
              PublishOptions.builder().messageId(trigger.payload().executionId()).streamTimeout(timeout).build())
          .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public synchronized void start() {
    ExecutorService threads = Executors.newCachedThreadPool(Thread.ofPlatform().name("nats-wf-", 0).daemon().factory());
    executor = threads;
    running = true;
    if (!enabled) {
      log.warn("NATS disabled: routes with a workflow trigger answer 503");
      return;
    }
    GatewayNats.connectInBackground(url, "flowgate-gateway-workflows", threads, this::onConnectionEvent);
  }

  private synchronized void onConnectionEvent(Connection conn, Events event) {
    if (!running) {
      GatewayNats.closeQuietly(conn);
      return;
    }
    if (event == Events.CONNECTED && connection == null) {
      connection = conn;
    }
    if ((event == Events.CONNECTED || event == Events.RECONNECTED) && !streamReady) {
      Thread.ofVirtual().name("nats-wf-stream").start(() -> streamReady = ensureStream(conn));
    }
  }

  /** Whether triggers can be published now: connected, and the stream exists. */
  public boolean ready() {
    Connection conn = connection;
    return streamReady && conn != null && conn.getStatus() == Connection.Status.CONNECTED;
  }

  /** Creates the stream when missing; an existing one, whoever made it, is left as it is. */
  static boolean ensureStream(Connection conn) {
    try {
      JetStreamManagement jsm = conn.jetStreamManagement();
      try {
        jsm.getStreamInfo(Subjects.WORKFLOW_STREAM);
      } catch (JetStreamApiException missing) {
        try {
          jsm.addStream(StreamConfiguration.builder()
              .name(Subjects.WORKFLOW_STREAM)
              .subjects(Subjects.WORKFLOW_TRIGGERS_ALL, Subjects.WORKFLOW_SIGNALS_ALL)
              .storageType(StorageType.File)
              .build());
          log.info("Created JetStream stream {}", Subjects.WORKFLOW_STREAM);
        } catch (JetStreamApiException raced) {
          jsm.getStreamInfo(Subjects.WORKFLOW_STREAM); // another runtime created it first
        }
      }
      return true;
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      log.warn("Could not ensure JetStream stream {}: {}", Subjects.WORKFLOW_STREAM, e.toString());
      return false;
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    Connection conn = connection;
    connection = null;
    if (conn != null) {
      GatewayNats.closeQuietly(conn);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

}
