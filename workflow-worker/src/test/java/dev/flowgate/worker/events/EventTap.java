package dev.flowgate.worker.events;

import static org.awaitility.Awaitility.await;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Topics;
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
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code workflow.events} on the real Kafka from the moment it is opened, so a test sees the
 * records of the runs it starts afterwards.
 */
public final class EventTap implements AutoCloseable {

  /** One record: key and envelope. */
  public record Event(String key, JsonNode envelope) {
    public JsonNode payload() {
      return envelope.path("payload");
    }

    /** {@code run:COMPLETED} or {@code <stepId>:SUCCESS}. */
    public String transition() {
      String subject = payload().has("stepId") ? payload().path("stepId").asString() : "run";
      return subject + ":" + payload().path("to").asString();
    }
  }

  private final KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
      ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("FLOWGATE_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
      ConsumerConfig.GROUP_ID_CONFIG, "workflow-event-tap-" + UUID.randomUUID(),
      ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
      ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
      ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
  private final List<Event> seen = new ArrayList<>();

  public EventTap() {
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.WORKFLOW_EVENTS).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  /** The events of run {@code executionId} up to and including {@code last} (e.g. {@code run:COMPLETED}). */
  public List<Event> until(String executionId, String last) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        seen.add(new Event(record.key(), EventCodec.mapper().readTree(record.value())));
      }
      return of(executionId).stream().anyMatch(e -> e.transition().equals(last));
    });
    return of(executionId);
  }

  private List<Event> of(String executionId) {
    return seen.stream().filter(e -> executionId.equals(e.envelope().path("correlationId").asString())).toList();
  }

  /** The transitions of {@code subject} ({@code run} or a step id) in order, e.g. [QUEUED, EXECUTING, SUCCESS]. */
  public static List<String> path(List<Event> events, String subject) {
    return events.stream().map(Event::transition).filter(t -> t.startsWith(subject + ":"))
        .map(t -> t.substring(subject.length() + 1)).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
