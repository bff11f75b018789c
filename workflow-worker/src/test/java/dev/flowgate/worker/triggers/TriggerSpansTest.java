package dev.flowgate.worker.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.workflow.WorkflowTriggered;
import dev.flowgate.worker.dsl.WorkflowDefinition;
import dev.flowgate.worker.health.TemporalHealthIndicator;
import dev.flowgate.worker.nats.NatsConnector;
import dev.flowgate.worker.runs.RunStarter;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nats.client.Message;
import io.nats.client.impl.NatsMessage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

/** The trigger handler's spans while Temporal is away: the loop's waits are not traced, the start is. */
class TriggerSpansTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  private final TemporalHealthIndicator health = mock(TemporalHealthIndicator.class);
  private final PortalDefinitions definitions = mock(PortalDefinitions.class);
  private final RunStarter runs = mock(RunStarter.class);
  private final EngineAvailability engine = new EngineAvailability(health);
  private final TriggerConsumer consumer = new TriggerConsumer(mock(NatsConnector.class),
      new TriggersProperties(true, "spans-test", false, null, 5), runs, definitions, engine, tracing.get("test"));

  @AfterEach
  void close() {
    tracing.close();
  }

  @Test
  void a_trigger_waiting_for_the_engine_opens_no_span_per_wait_and_one_when_its_run_starts() throws Exception {
    UUID tenant = UUID.randomUUID();
    String executionId = "spans-" + UUID.randomUUID();
    when(definitions.fetchVersion(eq(tenant), anyString(), any()))
        .thenReturn(new PortalDefinitions.Versioned(1, mock(WorkflowDefinition.class)));
    when(health.health()).thenReturn(Health.down().build());
    engine.awayAfter(new StatusRuntimeException(Status.UNAVAILABLE));
    Message trigger = trigger(tenant, executionId);

    for (int wait = 0; wait < 5; wait++) {
      assertThat(consumer.trigger(trigger)).isEqualTo(JetStreamLoop.Outcome.WAIT);
    }
    assertThat(spans.getFinishedSpanItems()).as("spans while the engine is away").isEmpty();

    when(health.health()).thenReturn(Health.up().build());
    assertThat(consumer.trigger(trigger)).isEqualTo(JetStreamLoop.Outcome.ACK);
    assertThat(spans.getFinishedSpanItems()).singleElement().satisfies(span -> {
      assertThat(span.getName()).isEqualTo("workflow.run.start");
      assertThat(attribute(span, "flowgate.workflow.execution.id")).isEqualTo(executionId);
      assertThat(attribute(span, "flowgate.trigger.outcome")).isEqualTo("ack");
    });
  }

  private static String attribute(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  private static Message trigger(UUID tenant, String executionId) {
    WorkflowTriggered trigger = new WorkflowTriggered(executionId, tenant, UUID.randomUUID(), 1, null, "api_route", null, "req");
    return NatsMessage.builder().subject(Subjects.workflowTriggers(tenant))
        .data(EventCodec.toBytes(Envelope.of(trigger, tenant, executionId, "spans-test", Instant.now()))).build();
  }
}
