package dev.flowgate.worker.events;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.worker.RuntimeInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Publishes transitions to {@code workflow.events}, keyed by tenant, with an idempotent
 * {@code acks=all} producer.
 *
 * <p>{@link #publish} only queues: one thread hands the queue to the producer in order, so the
 * caller (the run-index activity) never waits for Kafka, and a Kafka outage costs at most the
 * transitions beyond the queue's capacity, never a run. The event id is derived from the execution
 * id and sequence, so a transition published twice is one event to a de-duplicating consumer.
 */
@Component
public class WorkflowEventPublisher implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(WorkflowEventPublisher.class);

  private final EventsProperties properties;
  private final String source;
  private final Clock clock;
  private final BlockingQueue<WorkflowTransition> queue;
  private final AtomicBoolean failing = new AtomicBoolean();
  private final Counter dropped;
  private final Counter failed;
  private final @Nullable Producer<String, byte[]> producer;
  private final Thread sender;
  private volatile boolean running = true;

  WorkflowEventPublisher(EventsProperties properties, RuntimeInstance instance, Clock clock, MeterRegistry meters) {
    this.properties = properties;
    this.source = instance.source();
    this.clock = clock;
    this.queue = new LinkedBlockingQueue<>(Math.max(properties.queueCapacity(), 1));
    this.dropped = meters.counter("flowgate_workflow_events_dropped_total");
    this.failed = meters.counter("flowgate_workflow_events_failed_total");
    this.producer = properties.enabled() ? new KafkaProducer<>(producerConfig(properties)) : null;
    this.sender = Thread.ofPlatform().daemon().name("workflow-events").unstarted(this::drain);
    if (producer != null) {
      sender.start();
    }
  }

  private static Map<String, Object> producerConfig(EventsProperties properties) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrap(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.CLIENT_ID_CONFIG, "workflow-worker-events",
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) properties.maxBlock().toMillis(),
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
  }

  /** Queues transitions in their order; never blocks and never throws. */
  public void publish(List<? extends WorkflowTransition> transitions) {
    if (producer == null) {
      return;
    }
    for (WorkflowTransition transition : transitions) {
      if (!queue.offer(transition)) {
        dropped.increment();
        log.warn("workflow.events queue full, dropped {} {} #{}", transition.executionId(), transition.subject(),
            transition.sequence());
      }
    }
  }

  /** The envelope a transition is published in. */
  public static Envelope<WorkflowTransition> envelope(WorkflowTransition transition, String source, Clock clock) {
    UUID eventId = UUID.nameUUIDFromBytes(
        (transition.executionId() + "#" + transition.sequence()).getBytes(StandardCharsets.UTF_8));
    return new Envelope<>(eventId, transition.eventType(), transition.schemaVersion(), clock.instant(),
        UUID.fromString(transition.tenantId()), transition.executionId(), source, transition);
  }

  private void drain() {
    while (running || !queue.isEmpty()) {
      WorkflowTransition transition;
      try {
        transition = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (transition != null) {
        send(transition);
      }
    }
  }

  private void send(WorkflowTransition transition) {
    Producer<String, byte[]> kafka = producer;
    if (kafka == null) {
      return;
    }
    try {
      kafka.send(new ProducerRecord<>(properties.topic(), transition.tenantId(),
          EventCodec.toBytes(envelope(transition, source, clock))), (metadata, e) -> {
            if (e != null) {
              failed(transition, e);
            } else if (failing.compareAndSet(true, false)) {
              log.info("workflow.events is reachable again");
            }
          });
    } catch (RuntimeException e) {
      failed(transition, e);
    }
  }

  private void failed(WorkflowTransition transition, Exception e) {
    failed.increment();
    if (failing.compareAndSet(false, true)) {
      log.warn("workflow.events not published ({} {} #{}); the run index keeps the state: {}",
          transition.executionId(), transition.subject(), transition.sequence(), e.getMessage());
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    running = false;
    if (producer != null) {
      sender.join(Duration.ofSeconds(5));
      producer.close(Duration.ofSeconds(5));
    }
  }
}
