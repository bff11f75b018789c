package dev.flowgate.gateway.metering;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import dev.flowgate.gateway.config.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hands records to an idempotent {@code acks=all} producer from a thread of its own, because
 * {@code KafkaProducer.send} blocks while the broker's metadata is unknown or its buffer is full.
 * A record Kafka refuses with a retriable error (no broker yet) goes back in the queue with its
 * event id, so consumers de-duplicate a record that was in fact delivered. A full queue drops the
 * record and counts it in {@code flowgate_gateway_api_calls_dropped_total}.
 */
public class KafkaApiCallPublisher implements ApiCallPublisher, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KafkaApiCallPublisher.class);

  private final GatewayProperties.Kafka kafka;
  private final Supplier<Producer<String, byte[]>> producers;
  private final BlockingQueue<Envelope<ApiCallRecorded>> queue;
  private final Counter dropped;
  private final Counter failed;
  private final AtomicBoolean brokerUnavailable = new AtomicBoolean();
  private volatile boolean running;
  private @Nullable Thread sender;
  private @Nullable Producer<String, byte[]> producer;

  public KafkaApiCallPublisher(GatewayProperties.Kafka kafka, MeterRegistry registry) {
    this(kafka, registry, () -> new KafkaProducer<>(producerConfig(kafka)));
  }

  KafkaApiCallPublisher(
      GatewayProperties.Kafka kafka, MeterRegistry registry, Supplier<Producer<String, byte[]>> producers) {
    this.kafka = kafka;
    this.producers = producers;
    this.queue = new ArrayBlockingQueue<>(kafka.queueCapacity());
    this.dropped = Counter.builder("flowgate.gateway.api.calls.dropped")
        .description("api.calls records dropped because the send queue was full").register(registry);
    this.failed = Counter.builder("flowgate.gateway.api.calls.failed")
        .description("api.calls records Kafka did not accept within the delivery timeout").register(registry);
    Gauge.builder("flowgate.gateway.api.calls.queued", queue, BlockingQueue::size)
        .description("api.calls records waiting for the producer").register(registry);
  }

  static Map<String, Object> producerConfig(GatewayProperties.Kafka kafka) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
        ProducerConfig.CLIENT_ID_CONFIG, "flowgate-gateway",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        (int) Math.min(Integer.MAX_VALUE, kafka.deliveryTimeout().toMillis()),
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
  }

  @Override
  public void publish(Envelope<ApiCallRecorded> record) {
    if (!queue.offer(record)) {
      dropped.increment();
    }
  }

  @Override
  public void start() {
    producer = producers.get();
    running = true;
    sender = Thread.ofPlatform().name("api-calls-sender").daemon().start(this::sendLoop);
  }

  private void sendLoop() {
    Producer<String, byte[]> target = Objects.requireNonNull(producer);
    while (running || !queue.isEmpty()) {
      try {
        Envelope<ApiCallRecorded> record = queue.poll(200, TimeUnit.MILLISECONDS);
        if (record != null) {
          send(target, record);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failed.increment();
        log.warn("Could not hand an api.calls record to Kafka: {}", e.toString());
      }
    }
  }

  private void send(Producer<String, byte[]> target, Envelope<ApiCallRecorded> record) {
    String key = String.valueOf(record.tenantId());
    target.send(new ProducerRecord<>(kafka.topic(), key, EventCodec.toBytes(record)), (metadata, error) -> {
      if (error == null) {
        if (brokerUnavailable.compareAndSet(true, false)) {
          log.info("Kafka accepts api.calls records again");
        }
      } else if (error instanceof RetriableException && running) {
        // e.g. no metadata within max.block.ms while the broker is down: queue it again, same event id
        if (brokerUnavailable.compareAndSet(false, true)) {
          log.warn("Kafka unavailable, keeping api.calls records queued: {}", error.toString());
        }
        if (!queue.offer(record)) {
          dropped.increment();
        }
      } else {
        failed.increment();
        log.warn("api.calls record {} lost: {}", record.correlationId(), error.toString());
      }
    });
  }

  @Override
  public void stop() {
    running = false;
    Thread thread = sender;
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Producer<String, byte[]> target = producer;
    if (target != null) {
      target.close(Duration.ofSeconds(10));
    }
    sender = null;
    producer = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops after the proxy, so the last calls' records are flushed. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 500;
  }
}
