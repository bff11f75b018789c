package dev.flowgate.portal.audit;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.audit.AuditRecorded;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a tenant's audit records back from Kafka {@code audit.logs}, from its beginning. */
final class AuditTopic {

  private AuditTopic() {}

  static boolean reachable(String bootstrap) {
    String first = bootstrap.split(",")[0];
    int colon = first.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))), 500);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The tenant's records in topic order, read until {@code enough} holds or {@code timeout} has passed. */
  static List<Envelope<AuditRecorded>> read(String bootstrap, UUID tenant, Duration timeout,
      Predicate<List<Envelope<AuditRecorded>>> enough) {
    return read(bootstrap, tenant, timeout, enough, Duration.ZERO);
  }

  /** As {@link #read(String, UUID, Duration, Predicate)}, reading on for {@code linger} once enough holds (repeats). */
  static List<Envelope<AuditRecorded>> read(String bootstrap, UUID tenant, Duration timeout,
      Predicate<List<Envelope<AuditRecorded>>> enough, Duration linger) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "portal-audit-it-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<Envelope<AuditRecorded>> received = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.AUDIT_LOGS));
      long deadline = System.nanoTime() + timeout.toNanos();
      long lingerUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, lingerUntil)) {
        if (lingerUntil == Long.MAX_VALUE && enough.test(received)) {
          lingerUntil = System.nanoTime() + linger.toNanos();
          continue;
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (tenant.toString().equals(record.key())) {
            received.add(EventCodec.envelope(record.value(), AuditRecorded.class));
          }
        }
      }
    }
    return received;
  }
}
