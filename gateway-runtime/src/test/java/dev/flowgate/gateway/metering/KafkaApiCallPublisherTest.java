package dev.flowgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import dev.flowgate.gateway.config.GatewayProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaApiCallPublisherTest {

  @TempDir Path dir;

  private static GatewayProperties.Kafka kafka(int queueCapacity) {
    return new GatewayProperties.Kafka(true, "127.0.0.1:1", "api.calls", Duration.ofSeconds(60), queueCapacity,
        Duration.ofSeconds(1), null, 1_000_000, 100_000, Duration.ofMillis(50),
        Duration.ofMillis(5), 16_384, "none", Duration.ofMillis(5));
  }

  private Supplier<ApiCallSpool> spool() {
    return () -> {
      try {
        return new ApiCallSpool(dir, 1_000_000, 100_000);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static Envelope<ApiCallRecorded> call() {
    UUID tenant = UUID.randomUUID();
    ApiCallRecorded call = new ApiCallRecorded("req", tenant, null, null, null, "GET", "/", 200, 1, 0, 0, null,
        Instant.now());
    return Envelope.of(call, tenant, "req", "gateway-runtime", Instant.now());
  }

  @Test
  void the_producer_waits_for_all_replicas_is_idempotent_and_blocks_its_thread_briefly() {
    Map<String, Object> config = KafkaApiCallPublisher.producerConfig(kafka(1));

    assertThat(config.get(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
    assertThat(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo(true);
    assertThat(config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(60_000);
    assertThat(config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo(1_000);
  }

  @Test
  void publishing_never_blocks_and_a_full_queue_drops_and_counts_instead() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    KafkaApiCallPublisher publisher = new KafkaApiCallPublisher(kafka(1), dir, registry);

    long started = System.nanoTime();
    publisher.publish(call());
    publisher.publish(call());

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
    assertThat(registry.get("flowgate.gateway.api.calls.dropped").tag("reason", "queue_full").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get("flowgate.gateway.api.calls.queued").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void a_record_kafka_could_not_take_goes_to_the_spool_and_is_sent_again_with_the_same_event_id() throws Exception {
    MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    KafkaApiCallPublisher publisher = new KafkaApiCallPublisher(kafka(10), registry, () -> producer, spool());
    publisher.start();
    try {
      Envelope<ApiCallRecorded> call = call();
      publisher.publish(call);

      awaitSends(producer, 1);
      producer.errorNext(new TimeoutException("Topic api.calls not present in metadata after 1000 ms."));
      awaitSends(producer, 2);
      assertThat(registry.get("flowgate.gateway.api.calls.spooled").counter().count()).isEqualTo(1.0);
      producer.completeNext();

      List<ProducerRecord<String, byte[]>> sent = producer.history();
      assertThat(sent.get(1).key()).isEqualTo(call.tenantId().toString());
      assertThat(EventCodec.envelope(sent.get(1).value(), ApiCallRecorded.class).eventId()).isEqualTo(call.eventId());
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (registry.get("flowgate.gateway.api.calls.spool.records").gauge().value() > 0
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(registry.get("flowgate.gateway.api.calls.spool.records").gauge().value()).isZero();
    } finally {
      publisher.stop();
    }
  }

  private static void awaitSends(MockProducer<String, byte[]> producer, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (producer.history().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(producer.history()).hasSize(count);
  }
}
