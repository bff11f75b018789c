package dev.flowgate.worker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.worker.WorkerIntegrationTest;
import dev.flowgate.worker.dsl.DefinitionParser;
import dev.flowgate.worker.runs.RunStarter;
import java.time.Duration;
import java.util.ArrayList;
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
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Run and step transitions on the real Kafka (127.0.0.1:9092, {@code workflow.events}). */
@WorkerIntegrationTest
class WorkflowEventsIT {

  @Autowired RunStarter runs;

  record Seen(String key, JsonNode envelope) {
    String transition() {
      JsonNode payload = envelope.path("payload");
      String subject = payload.has("stepId") ? payload.path("stepId").asString() : "run";
      return subject + ":" + payload.path("to").asString();
    }

    long sequence() {
      return envelope.path("payload").path("sequence").asLong();
    }
  }

  @Test
  void a_run_publishes_every_run_and_step_transition_in_order_keyed_by_tenant() {
    UUID tenant = UUID.randomUUID();
    String executionId = "events-it-" + UUID.randomUUID();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.WORKFLOW_EVENTS).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);

      runs.start(tenant, "wf-events", 1, DefinitionParser.parse("""
          {"name": "three", "steps": [
            {"id": "a", "type": "transform", "config": {"expression": "input.n + 1"}},
            {"id": "b", "type": "transform", "dependsOn": ["a"], "config": {"expression": "steps.a.output * 2"}},
            {"id": "c", "type": "transform", "dependsOn": ["b"], "config": {"expression": "steps.b.output"}}]}
          """), Map.of("n", 1), executionId, "manual");

      List<Seen> seen = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          JsonNode envelope = EventCodec.mapper().readTree(record.value());
          if (executionId.equals(envelope.path("correlationId").asString())) {
            seen.add(new Seen(record.key(), envelope));
          }
        }
        return seen.stream().anyMatch(s -> s.transition().equals("run:COMPLETED"));
      });

      assertThat(seen).extracting(Seen::key).containsOnly(tenant.toString());
      assertThat(seen).extracting(Seen::sequence).containsExactly(
          java.util.stream.LongStream.rangeClosed(1, 12).boxed().toArray(Long[]::new));
      List<String> order = seen.stream().map(Seen::transition).toList();
      assertThat(order.subList(0, 2)).containsExactly("run:PENDING", "run:RUNNING");
      assertThat(order.getLast()).isEqualTo("run:COMPLETED");
      for (String step : List.of("a", "b", "c")) {
        assertThat(order.stream().filter(t -> t.startsWith(step + ":")))
            .containsExactly(step + ":QUEUED", step + ":EXECUTING", step + ":SUCCESS");
      }
      assertThat(order.indexOf("a:SUCCESS")).isLessThan(order.indexOf("b:EXECUTING"));
      assertThat(order.indexOf("b:SUCCESS")).isLessThan(order.indexOf("c:EXECUTING"));
      JsonNode first = seen.getFirst().envelope();
      assertThat(first.path("eventType").asString()).isEqualTo("workflow.run.transitioned");
      assertThat(first.path("schemaVersion").asInt()).isEqualTo(1);
      assertThat(first.path("tenantId").asString()).isEqualTo(tenant.toString());
      assertThat(first.path("source").asString()).startsWith("workflow-worker/");
      JsonNode stepEvent = seen.stream().filter(s -> s.transition().equals("b:SUCCESS")).findFirst().orElseThrow().envelope();
      assertThat(stepEvent.path("eventType").asString()).isEqualTo("workflow.step.transitioned");
      assertThat(stepEvent.path("payload").path("from").asString()).isEqualTo("EXECUTING");
      assertThat(stepEvent.path("payload").path("at").asString()).isNotBlank();
    }
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("FLOWGATE_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
        ConsumerConfig.GROUP_ID_CONFIG, "workflow-events-it-" + UUID.randomUUID(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
  }
}
