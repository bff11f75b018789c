package dev.flowgate.portal.audit;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.audit.AuditRecorded;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends committed audit records to {@code audit.logs}, keyed by tenant, off the request thread so
 * a slow or absent broker never delays a request. The database row stays the record of truth.
 */
@Component
class AuditKafkaPublisher {

  private static final Logger log = LoggerFactory.getLogger(AuditKafkaPublisher.class);

  private final KafkaTemplate<String, byte[]> kafka;
  private final ThreadPoolExecutor sender = new ThreadPoolExecutor(
      1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), r -> {
        Thread thread = new Thread(r, "audit-kafka");
        thread.setDaemon(true);
        return thread;
      });

  AuditKafkaPublisher(KafkaTemplate<String, byte[]> kafka) {
    this.kafka = kafka;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void on(AuditRecorded record) {
    byte[] value = EventCodec.toBytes(Envelope.of(record, record.tenantId(), record.requestId(), "portal", record.occurredAt()));
    try {
      sender.execute(() -> send(record, value));
    } catch (RejectedExecutionException e) {
      log.warn("audit queue full: {} {} not sent to Kafka (kept in audit_logs)", record.action(), record.auditId());
    }
  }

  private void send(AuditRecorded record, byte[] value) {
    try {
      kafka.send(Topics.AUDIT_LOGS, record.tenantId().toString(), value)
          .whenComplete((result, error) -> {
            if (error != null) {
              log.warn("audit {} not sent to Kafka: {}", record.auditId(), error.toString());
            }
          });
    } catch (RuntimeException e) {
      log.warn("audit {} not sent to Kafka: {}", record.auditId(), e.toString());
    }
  }

  @PreDestroy
  void stop() {
    sender.shutdown();
  }
}
