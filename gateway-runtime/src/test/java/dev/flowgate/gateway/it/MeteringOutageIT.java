package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.FakeUpstream;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.TcpGate;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka unreachable (a gate in front of the real broker at 127.0.0.1:9092, closed): calls are
 * answered as usual, their records wait in the disk spool, and reach Kafka once each when the
 * broker can be reached, also from a spool a stopped gateway left behind.
 */
class MeteringOutageIT {

  private static final int CALLS = 30;

  @TempDir Path stateDir;

  @Test
  void records_made_while_kafka_is_down_reach_it_exactly_once_when_it_is_back() throws Exception {
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    String prefix = "outage-" + UUID.randomUUID() + "-";
    try (FakeUpstream upstream = new FakeUpstream();
        TcpGate kafka = new TcpGate("127.0.0.1", 9092);
        KafkaConsumer<String, byte[]> consumer = consumerAtEnd()) {
      snapshots.route(snapshots.service(acme, upstream.url()), "echo", "/echo");
      IssuedKey key = snapshots.key(acme, List.of("*"));
      Map<String, String> settings = Map.of(
          "flowgate.gateway.kafka.bootstrap", "127.0.0.1:" + kafka.port(),
          "flowgate.gateway.kafka.max-block", "300ms",
          "flowgate.gateway.kafka.retry-interval", "200ms");
      try (FakePortal portal = new FakePortal(snapshots.build())) {
        try (GatewayInstance gateway = GatewayInstance.start(portal.url(), stateDir, settings).awaitReady()) {
          call(gateway, key, prefix, 0, CALLS / 2);
          awaitMetric(gateway, "flowgate_gateway_api_calls_spool_records", CALLS / 2);
        }
        // a restart while Kafka is still away: the spool is on disk, the new gateway adds to it
        try (GatewayInstance gateway = GatewayInstance.start(portal.url(), stateDir, settings).awaitReady()) {
          call(gateway, key, prefix, CALLS / 2, CALLS);
          awaitMetric(gateway, "flowgate_gateway_api_calls_spool_records", CALLS);

          kafka.open();

          Map<String, Integer> seen = countRecords(consumer, prefix, Duration.ofSeconds(30));
          assertThat(seen).hasSize(CALLS);
          assertThat(seen.values()).allMatch(count -> count == 1);
          awaitMetric(gateway, "flowgate_gateway_api_calls_spool_records", 0);
        }
      }
    }
  }

  private static void call(GatewayInstance gateway, IssuedKey key, String prefix, int from, int to) {
    for (int i = from; i < to; i++) {
      int status = gateway.send(gateway.request("/echo/" + i).header("X-API-Key", key.secret())
          .header("X-Request-ID", prefix + i)).statusCode();
      assertThat(status).isEqualTo(200);
    }
  }

  /** Polls until every expected record is there, then a little longer to catch duplicates. */
  private static Map<String, Integer> countRecords(KafkaConsumer<String, byte[]> consumer, String prefix,
      Duration timeout) {
    Map<String, Integer> seen = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    long settleUntil = Long.MAX_VALUE;
    while (System.nanoTime() < Math.min(deadline, settleUntil)) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
        Envelope<ApiCallRecorded> envelope = EventCodec.envelope(record.value(), ApiCallRecorded.class);
        if (envelope.correlationId() != null && envelope.correlationId().startsWith(prefix)) {
          seen.merge(envelope.correlationId(), 1, Integer::sum);
        }
      }
      if (seen.size() == CALLS && settleUntil == Long.MAX_VALUE) {
        settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      }
    }
    return seen;
  }

  private static void awaitMetric(GatewayInstance gateway, String name, double expected) throws InterruptedException {
    Pattern line = Pattern.compile("^" + name + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    double value = Double.NaN;
    while (System.nanoTime() < deadline) {
      Matcher matcher = line.matcher(gateway.admin("/metrics").body());
      value = matcher.find() ? Double.parseDouble(matcher.group(2)) : Double.NaN;
      if (value == expected) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " is " + value + ", expected " + expected);
  }

  private static KafkaConsumer<String, byte[]> consumerAtEnd() {
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.API_CALLS, Duration.ofSeconds(10)).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }
}
