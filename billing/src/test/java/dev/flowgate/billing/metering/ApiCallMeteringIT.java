package dev.flowgate.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.UsageClient;
import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;

/** Runs against the local Kafka broker (127.0.0.1:9092, topics from deploy/local). */
@BillingIntegrationTest
class ApiCallMeteringIT {

  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, byte[]> kafka;
  @Autowired KafkaProperties kafkaProperties;

  private UsageClient client;
  private final UUID tenant = UUID.randomUUID();
  private final Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);

  @BeforeEach
  void setUp() {
    client = new UsageClient(port);
  }

  private Envelope<ApiCallRecorded> call(int status) {
    var call = new ApiCallRecorded(
        UUID.randomUUID().toString(), tenant, UUID.randomUUID(), UUID.randomUUID(), null, "GET", "/it", status, 12, 0,
        64, "127.0.0.1", Instant.now());
    return Envelope.of(call, tenant, call.requestId(), "billing-it", Instant.now());
  }

  private void send(Envelope<ApiCallRecorded> envelope) throws Exception {
    kafka.send(Topics.API_CALLS, tenant.toString(), EventCodec.toBytes(envelope)).get();
  }

  private long meteredCalls() {
    return client.usage(tenant, hour, hour.plus(2, ChronoUnit.HOURS), "hour", "none").json().get("totals").get("calls").asLong();
  }

  @Test
  void produced_calls_show_in_usage_within_ten_seconds() throws Exception {
    int n = 25;
    for (int i = 0; i < n; i++) {
      send(call(i % 5 == 0 ? 503 : 200));
    }

    await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).until(this::meteredCalls, calls -> calls == n);
    var totals = client.usage(tenant, hour, hour.plus(2, ChronoUnit.HOURS), "day", "none").json().get("totals");
    assertThat(totals.get("serverErrors").asLong()).isEqualTo(5);
  }

  @Test
  void the_same_record_produced_twice_counts_once() throws Exception {
    Envelope<ApiCallRecorded> twice = call(200);
    send(twice);
    send(twice);
    send(call(200)); // behind the duplicate on the same partition: once it counts, the duplicate was seen

    await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).until(this::meteredCalls, calls -> calls == 2);
    Thread.sleep(500);
    assertThat(meteredCalls()).isEqualTo(2);
  }

  @Test
  void a_malformed_record_is_dead_lettered_with_its_reason_and_does_not_block_the_partition() throws Exception {
    try (KafkaConsumer<String, byte[]> dlq = dlqConsumer()) {
      List<TopicPartition> partitions =
          dlq.partitionsFor(Topics.deadLetter(Topics.API_CALLS)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      dlq.assign(partitions);
      dlq.seekToEnd(partitions);
      partitions.forEach(dlq::position);

      String poison = "{\"eventId\": \"not-a-uuid\", " + tenant + "}";
      kafka.send(Topics.API_CALLS, tenant.toString(), poison.getBytes(StandardCharsets.UTF_8)).get();
      send(call(200));

      AtomicReference<ConsumerRecord<String, byte[]>> dead = new AtomicReference<>();
      await().atMost(VISIBLE_WITHIN).until(() -> {
        for (ConsumerRecord<String, byte[]> record : dlq.poll(Duration.ofMillis(200))) {
          if (tenant.toString().equals(record.key())) {
            dead.set(record);
          }
        }
        return dead.get() != null;
      });
      assertThat(new String(dead.get().value(), StandardCharsets.UTF_8)).isEqualTo(poison);
      Header reason = dead.get().headers().lastHeader(MeteringKafkaConfiguration.REASON_HEADER);
      assertThat(reason).isNotNull();
      assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("MalformedApiCallException");
      assertThat(dead.get().headers().lastHeader("kafka_dlt-original-topic")).isNotNull();
    }
    await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).until(this::meteredCalls, calls -> calls == 1);
  }

  private KafkaConsumer<String, byte[]> dlqConsumer() {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafkaProperties.getBootstrapServers()),
        ConsumerConfig.GROUP_ID_CONFIG, "billing-dlq-it-" + UUID.randomUUID(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
