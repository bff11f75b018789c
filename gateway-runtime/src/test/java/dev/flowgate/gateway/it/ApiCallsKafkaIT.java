package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.FakeUpstream;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every call becomes one {@code api.calls} record on the real Kafka at 127.0.0.1:9092. */
class ApiCallsKafkaIT {

  @TempDir Path stateDir;

  @Test
  void a_proxied_call_reaches_kafka_as_one_envelope_keyed_by_its_tenant() throws Exception {
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    try (FakeUpstream upstream = new FakeUpstream();
        KafkaConsumer<String, byte[]> consumer = consumer()) {
      Route route = snapshots.route(snapshots.service(acme, upstream.url()), "echo", "/echo");
      IssuedKey key = snapshots.key(acme, List.of("*"));
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.API_CALLS, Duration.ofSeconds(10)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);

      String requestId = "it-kafka-" + UUID.randomUUID();
      try (FakePortal portal = new FakePortal(snapshots.build());
          GatewayInstance gateway = GatewayInstance.start(portal.url(), stateDir, Map.of()).awaitReady()) {
        int status = gateway.send(gateway.request("/echo/7").header("X-API-Key", key.secret())
            .header("X-Request-ID", requestId)).statusCode();
        assertThat(status).isEqualTo(200);

        ConsumerRecord<String, byte[]> found = awaitRecord(consumer, requestId);

        assertThat(found.key()).isEqualTo(acme.id().toString());
        Envelope<ApiCallRecorded> envelope = EventCodec.envelope(found.value(), ApiCallRecorded.class);
        assertThat(envelope.eventType()).isEqualTo(ApiCallRecorded.TYPE);
        assertThat(envelope.tenantId()).isEqualTo(acme.id());
        ApiCallRecorded call = envelope.payload();
        assertThat(call.requestId()).isEqualTo(requestId);
        assertThat(call.keyId()).isEqualTo(key.key().id());
        assertThat(call.routeId()).isEqualTo(route.id());
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.path()).isEqualTo("/echo/7");
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.responseBytes()).isPositive();
      }
    }
  }

  private static ConsumerRecord<String, byte[]> awaitRecord(KafkaConsumer<String, byte[]> consumer, String requestId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
        Envelope<ApiCallRecorded> envelope = EventCodec.envelope(record.value(), ApiCallRecorded.class);
        if (requestId.equals(envelope.correlationId())) {
          return record;
        }
      }
    }
    throw new AssertionError("no api.calls record for " + requestId + " within 30 s");
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
  }
}
