package dev.flowgate.portal.audit;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.audit.AuditRecorded;
import dev.flowgate.portal.base.security.PlatformScope;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Sends the audit records listed in {@code audit_outbox} to Kafka {@code audit.logs}, keyed by
 * tenant and in the order they were written, and unlists each one only once Kafka has acknowledged
 * it: a broker that is away for an hour, or a portal restarted meanwhile, loses nothing. It runs
 * off the request thread, right after a transaction that wrote a record commits and on a sweep
 * that retries what Kafka could not take. A record may go out twice (a crash between Kafka's
 * acknowledgement and the commit); its event id is its audit id, so a consumer drops the repeat.
 */
@Component
class AuditOutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(AuditOutboxRelay.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final KafkaOperations<String, byte[]> kafka;
  private final AuditRelayProperties properties;
  private final ExecutorService runner = Executors.newSingleThreadExecutor(Thread.ofPlatform()
      .name("audit-relay").daemon().factory());
  private final AtomicBoolean queued = new AtomicBoolean();
  /**
   * Sends Kafka has not answered yet. A record in here is waited for, not sent again, so a long
   * outage holds one copy of each listed record in the producer, not one per sweep.
   */
  private final Map<UUID, CompletableFuture<SendResult<String, byte[]>>> inFlight = new ConcurrentHashMap<>();
  private volatile boolean kafkaAway;
  /**
   * What the last relay run left listed, for the gauges: scrapes run no query, nor does a run that
   * empties the outbox.
   */
  private volatile Backlog backlog = new Backlog(0, null);

  AuditOutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, byte[]> kafka,
      AuditRelayProperties properties, MeterRegistry registry, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.properties = properties;
    Gauge.builder("flowgate.portal.audit.outbox.waiting", () -> backlog.waiting())
        .description("audit records not yet acknowledged by Kafka, as of the relay's last run")
        .register(registry);
    Gauge.builder("flowgate.portal.audit.outbox.oldest", () -> {
          Instant oldest = backlog.oldestListedAt();
          return oldest == null ? 0 : Duration.between(oldest, clock.instant()).toMillis() / 1000.0;
        })
        .baseUnit("seconds")
        .description("how long the oldest audit record not yet acknowledged by Kafka has waited")
        .register(registry);
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void on(AuditRecorded committed) {
    nudge();
  }

  @Scheduled(fixedDelayString = "${flowgate.portal.audit-relay.sweep:5s}",
      initialDelayString = "${flowgate.portal.audit-relay.sweep:5s}")
  void sweep() {
    nudge();
  }

  /** Runs the relay on its own thread, once for any number of nudges that arrive before it starts. */
  private void nudge() {
    if (!properties.enabled() || !queued.compareAndSet(false, true)) {
      return;
    }
    try {
      runner.execute(() -> {
        queued.set(false);
        try {
          relayPending();
        } catch (RuntimeException e) {
          log.warn("audit relay: {}; the records stay listed and are tried again", e.toString());
        }
      });
    } catch (RejectedExecutionException e) {
      queued.set(false); // shutting down: the records stay listed for the next start
    }
  }

  /**
   * Sends what is listed, a batch at a time, until the outbox is empty or Kafka stops taking
   * records.
   *
   * @return how many records Kafka acknowledged and were unlisted
   */
  int relayPending() {
    int relayed = 0;
    while (true) {
      Batch batch = Objects.requireNonNull(PlatformScope.call(() -> transactions.execute(status -> relayBatch())));
      relayed += batch.acknowledged();
      if (batch.stopped()) {
        readBacklog();
        return relayed;
      }
      if (batch.listed() < properties.batch()) {
        // everything listed went out: no query per commit while Kafka answers (rows another
        // replica holds locked are that replica's to report)
        backlog = new Backlog(0, null);
        return relayed;
      }
    }
  }

  private record Backlog(long waiting, @Nullable Instant oldestListedAt) {}

  private void readBacklog() {
    backlog = Objects.requireNonNull(PlatformScope.call(() -> transactions.execute(status -> jdbc
        .sql("select count(*) as waiting, min(listed_at) as oldest from audit_outbox")
        .query((rs, row) -> {
          Timestamp oldest = rs.getTimestamp("oldest");
          return new Backlog(rs.getLong("waiting"), oldest == null ? null : oldest.toInstant());
        })
        .single())));
  }

  private record Batch(int listed, int acknowledged, boolean stopped) {}

  /** One transaction: the listed rows are locked, sent, and those Kafka acknowledged unlisted. */
  private Batch relayBatch() {
    List<AuditRecorded> listed = jdbc.sql("""
            select a.id, a.tenant_id, a.actor_id, a.actor_type, a.action, a.resource_type, a.resource_id,
                   a.before::text as before, a.after::text as after, a.request_id, a.occurred_at
            from audit_outbox o join audit_logs a on a.id = o.audit_id
            order by o.seq
            limit :batch
            for update of o skip locked""")
        .param("batch", properties.batch())
        .query((rs, row) -> record(rs))
        .list();
    if (listed.isEmpty()) {
      // answered sends of records unlisted elsewhere (another replica, the retention job)
      inFlight.values().removeIf(CompletableFuture::isDone);
      return new Batch(0, 0, false);
    }
    List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(listed.size());
    @Nullable Throwable failure = null;
    for (AuditRecorded record : listed) {
      CompletableFuture<SendResult<String, byte[]>> send = inFlight.get(record.auditId());
      if (send == null) {
        try {
          send = kafka.send(Topics.AUDIT_LOGS, record.tenantId().toString(), EventCodec.toBytes(envelope(record)));
        } catch (RuntimeException e) {
          failure = e; // no metadata within max.block.ms: the broker is away
          break;
        }
        inFlight.put(record.auditId(), send);
      }
      sends.add(send);
    }
    List<UUID> acknowledged = new ArrayList<>(sends.size());
    long deadline = System.nanoTime() + properties.ackTimeout().toNanos();
    for (int i = 0; i < sends.size() && failure == null; i++) {
      UUID id = listed.get(i).auditId();
      try {
        sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        acknowledged.add(id);
        inFlight.remove(id);
      } catch (TimeoutException e) {
        failure = e; // still in the producer's hands: waited for again, not sent again
      } catch (ExecutionException e) {
        inFlight.remove(id); // the producer gave up on it (delivery timeout): sent again next time
        failure = e.getCause() == null ? e : e.getCause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = e;
      }
    }
    if (!acknowledged.isEmpty()) {
      jdbc.sql("delete from audit_outbox where audit_id in (:ids)").param("ids", acknowledged).update();
    }
    reportKafka(failure, listed.size() - acknowledged.size());
    return new Batch(listed.size(), acknowledged.size(), failure != null);
  }

  /** Once per outage, not once per sweep. */
  private void reportKafka(@Nullable Throwable failure, int waiting) {
    if (failure != null && !kafkaAway) {
      kafkaAway = true;
      log.warn("Kafka did not take audit records ({}); {} stay listed in audit_outbox and are sent when it answers",
          failure.toString(), waiting);
    } else if (failure == null && kafkaAway) {
      kafkaAway = false;
      log.info("Kafka takes audit records again");
    }
  }

  /** The event id is the audit id, so a record sent twice is recognisably the same event. */
  private static Envelope<AuditRecorded> envelope(AuditRecorded record) {
    return new Envelope<>(record.auditId(), record.eventType(), record.schemaVersion(), record.occurredAt(),
        record.tenantId(), record.requestId(), "portal", record);
  }

  private static AuditRecorded record(ResultSet rs) throws SQLException {
    return new AuditRecorded(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
        rs.getObject("actor_id", UUID.class), rs.getString("actor_type"), rs.getString("action"),
        rs.getString("resource_type"), rs.getString("resource_id"), tree(rs.getString("before")),
        tree(rs.getString("after")), rs.getString("request_id"), rs.getTimestamp("occurred_at").toInstant());
  }

  private static @Nullable JsonNode tree(@Nullable String json) {
    return json == null ? null : EventCodec.mapper().readTree(json);
  }

  @PreDestroy
  void stop() throws InterruptedException {
    runner.shutdown();
    runner.awaitTermination(properties.ackTimeout().toSeconds() + 1, TimeUnit.SECONDS);
  }
}
