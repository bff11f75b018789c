package dev.flowgate.gateway.metering;

import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.metering.ApiCallSpool.Entry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's side of the {@link ApiCallSpool}: what goes in (records Kafka could not take),
 * and sending it back out, one {@link SpoolDrain} batch at a time, in order; while Kafka does not
 * answer, a batch is tried every {@code retryInterval}. Used by the sender thread only, except
 * {@link #addLater}, which the producer's callbacks call. Shows in {@code /metrics} as
 * {@code flowgate_gateway_api_calls_spool_records}, {@code ..._spool_bytes},
 * {@code ..._spooled_total} and {@code ..._dropped_total{reason="spool_full"}}.
 */
final class Spooler {

  private static final Logger log = LoggerFactory.getLogger(Spooler.class);
  private static final int BATCH = 500;

  private final Supplier<ApiCallSpool> spools;
  private final GatewayProperties.Kafka kafka;
  private final Queue<Entry> undelivered = new ConcurrentLinkedQueue<>();
  private final Counter spooled;
  private final Counter spoolFull;
  private volatile long pending;
  private volatile long bytes;
  private boolean fullLogged;
  private long nextDrainNanos;
  private @Nullable SpoolDrain drain;
  private @Nullable ApiCallSpool spool;

  Spooler(Supplier<ApiCallSpool> spools, GatewayProperties.Kafka kafka, MeterRegistry registry, Counter spoolFull) {
    this.spools = spools;
    this.kafka = kafka;
    this.spoolFull = spoolFull;
    this.spooled = Counter.builder("flowgate.gateway.api.calls.spooled")
        .description("api.calls records written to the disk spool while Kafka could not take them").register(registry);
    Gauge.builder("flowgate.gateway.api.calls.spool.records", this, s -> s.pending)
        .description("api.calls records in the disk spool, waiting for Kafka").register(registry);
    Gauge.builder("flowgate.gateway.api.calls.spool.bytes", this, s -> s.bytes)
        .description("Size of the api.calls disk spool").baseUnit("bytes").register(registry);
  }

  void open() {
    ApiCallSpool opened = spools.get();
    spool = opened;
    pending = opened.pending();
    bytes = opened.bytes();
  }

  /** Whether records wait on disk or for the disk: new records must then queue behind them. */
  boolean holdsRecords() {
    return !Objects.requireNonNull(spool).isEmpty() || !undelivered.isEmpty();
  }

  void add(Entry entry) throws IOException {
    if (Objects.requireNonNull(spool).append(entry)) {
      spooled.increment();
      fullLogged = false;
    } else {
      spoolFull.increment();
      if (!fullLogged) {
        fullLogged = true;
        log.error("api.calls disk spool is full ({} bytes): records are dropped until Kafka is back",
            kafka.spoolMaxBytes());
      }
    }
  }

  /** From any thread: a record the producer gave up on; the sender thread spools it next. */
  void addLater(Entry entry) {
    undelivered.add(entry);
  }

  /**
   * Spools what was handed back, then moves the drain on: commits a delivered batch, retries an
   * undelivered one, or starts the next.
   *
   * @param available whether Kafka answered last time; if not, batches wait for the retry interval
   * @param send sends one record and reports null once Kafka has it, else the error
   */
  void drain(boolean available, BiConsumer<Entry, Consumer<@Nullable Throwable>> send) throws IOException {
    ApiCallSpool disk = Objects.requireNonNull(spool);
    Entry entry;
    while ((entry = undelivered.poll()) != null) {
      add(entry);
    }
    SpoolDrain current = drain;
    if (current != null && current.settled() && current.delivered()) {
      disk.commit(current.batch());
      drain = current = null;
    }
    if (current == null && !disk.isEmpty() && (available || System.nanoTime() >= nextDrainNanos)) {
      ApiCallSpool.Batch next = disk.read(BATCH);
      if (!next.entries().isEmpty()) {
        drain = current = new SpoolDrain(next);
        nextDrainNanos = System.nanoTime() + kafka.retryInterval().toNanos();
        current.send(send);
      }
    } else if (current != null && current.settled() && System.nanoTime() >= nextDrainNanos) {
      nextDrainNanos = System.nanoTime() + kafka.retryInterval().toNanos();
      current.send(send);
    }
    disk.flush();
    pending = disk.pending();
    bytes = disk.bytes();
  }

  /** After the producer closed: keeps its last answers and what it handed back. */
  void close() throws IOException {
    ApiCallSpool disk = spool;
    if (disk == null) {
      return;
    }
    SpoolDrain last = drain;
    if (last != null && last.settled() && last.delivered()) {
      disk.commit(last.batch()); // closing flushed it: not sent again after a restart
    }
    Entry entry;
    while ((entry = undelivered.poll()) != null) {
      add(entry);
    }
    disk.close();
    spool = null;
  }
}
