package dev.flowgate.gateway.workflow;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.workflow.WorkflowTriggered;
import dev.flowgate.gateway.config.GatewayNats;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes triggers to JetStream, de-duplicated on the execution id ({@code Nats-Msg-Id}), over
 * the gateway's shared NATS connection; creates stream {@code FLOWGATE_WORKFLOWS} when it is
 * missing. While NATS is away a publish fails at once, and the call is answered 503.
 */
public final class WorkflowTriggerPublisher {

  private static final Logger log = LoggerFactory.getLogger(WorkflowTriggerPublisher.class);

  private final GatewayNats nats;
  private final Duration timeout;
  private volatile boolean streamReady;

  public WorkflowTriggerPublisher(GatewayNats nats) {
    this.nats = nats;
    this.timeout = Duration.ofSeconds(2);
    nats.onConnection(this::onConnectionEvent);
  }

  /**
   * Completes when JetStream has stored the trigger; fails when NATS is unavailable.
   *
   * @param headers the call's trace context ({@code traceparent}), continued by the run it starts
   */
  public CompletableFuture<?> publish(Envelope<WorkflowTriggered> trigger, Headers headers) {
    Connection conn = nats.connection();
    if (conn == null || !streamReady || conn.getStatus() != Connection.Status.CONNECTED) {
      return CompletableFuture.failedFuture(new IOException("NATS JetStream is not available"));
    }
    try {
      return conn.jetStream()
          .publishAsync(Subjects.workflowTriggers(trigger.payload().tenantId()), headers, EventCodec.toBytes(trigger),
              PublishOptions.builder().messageId(trigger.payload().executionId()).streamTimeout(timeout).build())
          .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void onConnectionEvent(Connection conn, Events event) {
    if ((event == Events.CONNECTED || event == Events.RECONNECTED) && !streamReady) {
      Thread.ofVirtual().name("nats-wf-stream").start(() -> streamReady = ensureStream(conn));
    }
  }

  /** Whether triggers can be published now: connected, and the stream exists. */
  public boolean ready() {
    Connection conn = nats.connection();
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
}
