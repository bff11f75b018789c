package dev.flowgate.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.MeteringCrash;
import dev.flowgate.billing.UsageClient;
import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Exactly-once metering against the local Kafka broker and PostgreSQL: whatever Kafka delivers
 * again (an offset reset, a crash between the database commit and the offset commit, a record
 * produced twice), each call counts once.
 */
@BillingIntegrationTest
class ExactlyOnceIT {

  private static final Duration WITHIN = Duration.ofSeconds(20);

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, byte[]> kafka;
  @Autowired KafkaProperties kafkaProperties;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired MeteringCrash crash;
  @Autowired MeterRegistry meters;

  private UsageClient client;
  private final UUID tenant = UUID.randomUUID();
  private final Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);

  @BeforeEach
  void setUp() {
    client = new UsageClient(port);
  }

  private Envelope<ApiCallRecorded> call() {
    var call = new ApiCallRecorded(UUID.randomUUID().toString(), tenant, UUID.randomUUID(), null, null, "GET",
        "/exactly-once", 200, 7, 0, 10, "127.0.0.1", Instant.now());
    return Envelope.of(call, tenant, call.requestId(), "billing-it", Instant.now());
  }

  private RecordMetadata send(Envelope<ApiCallRecorded> envelope) throws Exception {
    return kafka.send(Topics.API_CALLS, tenant.toString(), EventCodec.toBytes(envelope)).get().getRecordMetadata();
  }

  private List<RecordMetadata> sendMany(int n) throws Exception {
    List<RecordMetadata> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sent.add(send(call()));
    }
    return sent;
  }

  private long meteredCalls() {
    return client.usage(tenant, hour.minus(1, ChronoUnit.HOURS), hour.plus(2, ChronoUnit.HOURS), "hour", "none")
        .json().get("totals").get("calls").asLong();
  }

  private double duplicatesSeen() {
    return meters.counter("flowgate.billing.calls.duplicates").count();
  }

  @Test
  void records_consumed_again_after_an_offset_reset_count_once() throws Exception {
    List<RecordMetadata> sent = sendMany(30);
    await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(this::meteredCalls, calls -> calls == 30);
    double duplicatesBefore = duplicatesSeen();

    MessageListenerContainer container = listeners.getListenerContainer("billing-metering");
    container.stop();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        String.join(",", kafkaProperties.getBootstrapServers())))) {
      TopicPartition partition = new TopicPartition(sent.getFirst().topic(), sent.getFirst().partition());
      String group = kafkaProperties.getConsumer().getGroupId();
      // the group is empty once the containers stopped; until the broker notices, the reset is refused
      await().atMost(WITHIN).ignoreExceptions().until(() -> {
        admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(sent.getFirst().offset())))
            .all().get();
        return true;
      });
    } finally {
      container.start();
    }

    await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
        .until(() -> duplicatesSeen() - duplicatesBefore >= 30);
    assertThat(meteredCalls()).isEqualTo(30);
  }

  @Test
  void a_crash_after_the_database_commit_and_before_the_offset_commit_counts_once() throws Exception {
    double duplicatesBefore = duplicatesSeen();
    crash.armFor(tenant);
    int crashesBefore = crash.crashes();

    sendMany(20);

    await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> crash.crashes() > crashesBefore);
    // Kafka delivers the batch again (its offsets were never committed); the database already has it
    await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> duplicatesSeen() > duplicatesBefore);
    await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(this::meteredCalls, calls -> calls == 20);
    Thread.sleep(1_000);
    assertThat(meteredCalls()).isEqualTo(20);
  }

  @Test
  void every_record_produced_twice_counts_once() throws Exception {
    List<Envelope<ApiCallRecorded>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(call());
    }
    for (Envelope<ApiCallRecorded> envelope : calls) {
      send(envelope);
    }
    for (Envelope<ApiCallRecorded> envelope : calls.reversed()) {
      send(envelope);
    }
    Envelope<ApiCallRecorded> last = call();
    send(last); // behind every copy on the tenant's partition: once it counts, all copies were seen

    await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(this::meteredCalls, n -> n >= 41);
    Thread.sleep(500);
    assertThat(meteredCalls()).isEqualTo(41);
  }
}
