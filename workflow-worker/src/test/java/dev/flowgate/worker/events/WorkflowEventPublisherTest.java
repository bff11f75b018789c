package dev.flowgate.worker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.worker.RuntimeInstance;
import dev.flowgate.worker.dsl.RunState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkflowEventPublisherTest {

  static final String TENANT = "00000000-0000-0000-0000-000000000007";

  private static WorkflowRunTransitioned transition(long sequence) {
    return new WorkflowRunTransitioned("run-1", TENANT, "wf", 2, "manual", RunState.PENDING, RunState.RUNNING, null,
        sequence, 3);
  }

  @Test
  void publishing_while_kafka_is_down_neither_blocks_nor_throws_and_counts_what_is_lost() throws Exception {
    RuntimeInstance instance = mock(RuntimeInstance.class);
    when(instance.source()).thenReturn("workflow-worker/test");
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    WorkflowEventPublisher publisher = new WorkflowEventPublisher(
        new EventsProperties(true, "127.0.0.1:1", "workflow.events", 2, Duration.ofMillis(200)), instance,
        Clock.systemUTC(), meters);

    long started = System.nanoTime();
    publisher.publish(IntStream.rangeClosed(1, 6).mapToObj(WorkflowEventPublisherTest::transition).toList());

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(150));
    assertThat(meters.counter("flowgate_workflow_events_dropped_total").count()).isGreaterThanOrEqualTo(3);
    await().atMost(Duration.ofSeconds(5)).until(() -> meters.counter("flowgate_workflow_events_failed_total").count() >= 1);
    publisher.destroy();
  }

  @Test
  void the_envelope_names_type_version_tenant_and_execution_and_its_id_is_stable_per_transition() {
    Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

    Envelope<WorkflowTransition> envelope = WorkflowEventPublisher.envelope(transition(4), "workflow-worker/a", clock);
    JsonNode json = EventCodec.mapper().readTree(EventCodec.toJson(envelope));

    assertThat(json.path("eventType").asString()).isEqualTo("workflow.run.transitioned");
    assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.path("tenantId").asString()).isEqualTo(TENANT);
    assertThat(json.path("correlationId").asString()).isEqualTo("run-1");
    assertThat(json.path("occurredAt").asString()).isEqualTo("2026-05-01T10:00:00Z");
    assertThat(json.path("payload").path("to").asString()).isEqualTo("RUNNING");
    assertThat(json.path("payload").path("sequence").asLong()).isEqualTo(4);
    assertThat(json.path("payload").has("eventType")).isFalse();
    assertThat(WorkflowEventPublisher.envelope(transition(4), "workflow-worker/b", clock).eventId()).isEqualTo(envelope.eventId());
    assertThat(WorkflowEventPublisher.envelope(transition(5), "workflow-worker/a", clock).eventId()).isNotEqualTo(envelope.eventId());
    assertThat(List.of(envelope.payload().subject())).containsExactly("run");
  }
}
