package dev.flowgate.gateway.metering;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.calls.ApiCallRecordWriter;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.metering.ApiCallSpool.Entry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
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
 * A record Kafka cannot take (no broker, buffer full, delivery timed out) goes to the on-disk
 * {@link ApiCallSpool}; while the spool holds records, new ones follow them there, and the spool
 * is sent in order, a batch at a time, once Kafka answers again. Only a full spool, or a full
 * hand-over queue, drops records: counted in {@code flowgate_gateway_api_calls_dropped_total{reason}}.
 */
public class KafkaApiCallPublisher implements ApiCallPublisher, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KafkaApiCallPublisher.class);
  private static final int BATCH = 500;

  private final GatewayProperties.Kafka kafka;
  private final Supplier<Producer<String, byte[]>> producers;
  private final BlockingQueue<Envelope<ApiCallRecorded>> queue;
  private final Spooler spooler;
  private final Counter queueFull;
  private final Counter failed;
  private final ApiCallRecordWriter writer = new ApiCallRecordWriter(); // the sender thread's own
  private volatile boolean available = true;
  private volatile boolean running;
  private @Nullable Thread sender;
  private @Nullable Producer<String, byte[]> producer;

  public KafkaApiCallPublisher(GatewayProperties.Kafka kafka, java.nio.file.Path spoolDir, MeterRegistry registry) {
    this(kafka, registry, () -> new KafkaProducer<>(producerConfig(kafka)), () -> {
      try {
        return new ApiCallSpool(spoolDir, kafka.spoolMaxBytes(), kafka.spoolSegmentBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot open the api.calls spool in " + spoolDir, e);
      }
    });
  }

  KafkaApiCallPublisher(GatewayProperties.Kafka kafka, MeterRegistry registry,
      Supplier<Producer<String, byte[]>> producers, Supplier<ApiCallSpool> spools) {
    this.kafka = kafka;
    this.producers = producers;
    this.queue = new ArrayBlockingQueue<>(kafka.queueCapacity());
    this.queueFull = dropped(registry, "queue_full");
    this.spooler = new Spooler(spools, kafka, registry, dropped(registry, "spool_full"));
    this.failed = Counter.builder("flowgate.gateway.api.calls.failed")
        .description("api.calls records Kafka refused for good (not retriable)").register(registry);
    Gauge.builder("flowgate.gateway.api.calls.queued", queue, BlockingQueue::size)
        .description("api.calls records waiting for the sender thread").register(registry);
  }

  private static Counter dropped(MeterRegistry registry, String reason) {
    return Counter.builder("flowgate.gateway.api.calls.dropped").tag("reason", reason)
        .description("api.calls records lost because the hand-over queue or the disk spool was full")
        .register(registry);
  }

  static Map<String, Object> producerConfig(GatewayProperties.Kafka kafka) {
    return Map.ofEntries(
        Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()),
        Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "flowgate-gateway"),
        Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
        Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) kafka.deliveryTimeout().toMillis()),
        Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            (int) Math.min(30_000, kafka.deliveryTimeout().toMillis() - 10)),
        // large, compressed batches: far fewer wake-ups and requests per record, for both the
        // gateway and the broker; 20 ms is nothing next to metering's 2 s visibility target
        Map.entry(ProducerConfig.LINGER_MS_CONFIG, (int) kafka.linger().toMillis()),
        Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, kafka.batchBytes()),
        Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, kafka.compression()),
        Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) kafka.maxBlock().toMillis()),
        Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class),
        Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }

  /** Never blocks: the record is queued for the sender thread, or dropped and counted. */
  @Override
  public void publish(Envelope<ApiCallRecorded> record) {
    if (!queue.offer(record)) {
      queueFull.increment();
    }
  }

  @Override
  public void start() {
    spooler.open();
    if ("lz4".equals(kafka.compression())) {
      log.debug("api.calls batches compressed by {}", NativeLz4.load());
    }
    producer = producers.get();
    running = true;
    sender = Thread.ofPlatform().name("api-calls-sender").daemon().start(this::sendLoop);
  }

  private void sendLoop() {
    List<Envelope<ApiCallRecorded>> batch = new ArrayList<>(BATCH);
    long sweepNanos = kafka.sweepInterval().toNanos();
    while (running || !queue.isEmpty()) {
      try {
        queue.drainTo(batch, BATCH);
        for (Envelope<ApiCallRecorded> record : batch) {
          route(new Entry(String.valueOf(record.tenantId()), writer.write(record)));
        }
        spooler.drain(available, this::send);
        // The queue is swept rather than waited on: a sender blocked in poll() must be woken
        // for each record, which cost every call a futex system call on its event loop. An idle
        // gateway sweeps ten times less often.
        if (batch.size() < BATCH) {
          LockSupport.parkNanos(batch.isEmpty() ? 10 * sweepNanos : sweepNanos);
        }
        batch.clear();
        if (Thread.interrupted()) {
          return;
        }
      } catch (IOException | RuntimeException e) {
        // the batch is kept and routed again: a record sent twice is deduplicated by its event id
        log.warn("api.calls sender: {}", e.toString());
        LockSupport.parkNanos(sweepNanos);
      }
    }
  }

  /** Straight to Kafka while it answers and nothing waits on disk; else to the spool, in order. */
  private void route(Entry entry) throws IOException {
    if (!available || spooler.holdsRecords()) {
      spooler.add(entry);
      return;
    }
    send(entry, error -> {
      if (error != null) {
        spooler.addLater(entry);
      }
    });
  }

  /**
   * Sends one record; {@code outcome} gets null once Kafka has it, or the retriable error. A
   * record Kafka refuses for good (too large, say) would never go through: it is counted and
   * reported as done, so it cannot hold up the spool behind it.
   */
  private void send(Entry entry, Consumer<@Nullable Throwable> outcome) {
    Producer<String, byte[]> target = Objects.requireNonNull(producer);
    try {
      target.send(new ProducerRecord<>(kafka.topic(), entry.key(), entry.value()), (metadata, error) -> {
        if (error == null) {
          if (!available) {
            available = true;
            log.info("Kafka accepts api.calls records again");
          }
          outcome.accept(null);
        } else if (error instanceof RetriableException) {
          unavailable(error);
          outcome.accept(error);
        } else {
          failed.increment();
          log.warn("api.calls record refused by Kafka for good: {}", error.toString());
          outcome.accept(null);
        }
      });
    } catch (RuntimeException e) {
      unavailable(e);
      outcome.accept(e);
    }
  }

  private void unavailable(Throwable error) {
    if (available) {
      available = false;
      log.warn("Kafka cannot take api.calls records ({}); keeping them in the disk spool", error.toString());
    }
  }

  /** Lets the sender finish what is queued, closes the producer, and spools what it did not deliver. */
  @Override
  public void stop() {
    running = false;
    Thread thread = sender;
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Producer<String, byte[]> target = producer;
    if (target != null) {
      target.close(Duration.ofSeconds(5));
    }
    try {
      spooler.close();
    } catch (IOException e) {
      log.error("Could not spool the last api.calls records: {}", e.toString());
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
