package dev.flowgate.worker.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.workflow.WorkflowTriggered;
import dev.flowgate.worker.TestSpans;
import dev.flowgate.worker.WorkerIntegrationTest;
import dev.flowgate.worker.dsl.RunState;
import dev.flowgate.worker.nats.NatsConnector;
import dev.flowgate.worker.runs.RunIndex;
import dev.flowgate.worker.runs.RunView;
import dev.flowgate.worker.steps.TestUpstream;
import io.nats.client.Connection;
import io.nats.client.PublishOptions;
import io.nats.client.impl.Headers;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A trigger published with the gateway's trace context: the run's start continues that trace. */
@WorkerIntegrationTest
class TriggerTracingIT {

  static final String GATEWAY_TRACE = "0af7651916cd43dd8448eb211c80319c";
  static final String GATEWAY_SPAN = "b7ad6b7169203331";
  static final TestUpstream portal = start();

  @Autowired NatsConnector nats;
  @Autowired RunIndex index;
  @Autowired TriggersProperties triggers;
  @Autowired TestSpans.Recorded spans;

  private static TestUpstream start() {
    try {
      return new TestUpstream();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void portalUrl(DynamicPropertyRegistry registry) {
    registry.add("flowgate.worker.portal-url", () -> portal.url(""));
  }

  @AfterAll
  static void stop() {
    portal.close();
  }

  @Test
  void a_trigger_carrying_a_traceparent_starts_its_run_in_the_same_trace_and_passes_it_to_the_portal()
      throws Exception {
    Connection connection = await().atMost(Duration.ofSeconds(10)).until(() -> nats.connection().orElse(null), c -> c != null);
    await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() ->
        connection.jetStreamManagement().getConsumerInfo(Subjects.WORKFLOW_STREAM, triggers.durablePrefix() + "-triggers") != null);
    UUID tenant = UUID.randomUUID();
    UUID workflow = UUID.randomUUID();
    String versionPath = "/internal/v1/tenants/" + tenant + "/workflows/" + workflow + "/versions/1";
    portal.answer(versionPath, 200, """
        {"workflowId": "%s", "version": 1, "definition": {"name": "traced", "steps": [
          {"id": "echo", "type": "transform", "config": {"expression": "input.path"}}]}}
        """.formatted(workflow));
    String executionId = "trace-it-" + UUID.randomUUID();
    WorkflowTriggered trigger = new WorkflowTriggered(executionId, tenant, workflow, 1, null, "api_route",
        EventCodec.mapper().valueToTree(Map.of("path", "/orders")), "req-traced");
    Headers headers = new Headers().put("traceparent", "00-" + GATEWAY_TRACE + "-" + GATEWAY_SPAN + "-01");

    connection.jetStream().publish(Subjects.workflowTriggers(tenant), headers,
        EventCodec.toBytes(Envelope.of(trigger, tenant, executionId, "trace-it", Instant.now())),
        PublishOptions.builder().messageId(executionId).build());

    await().atMost(Duration.ofSeconds(20)).until(() ->
        index.find(tenant, executionId).map(RunView::status).orElse(null) == RunState.COMPLETED);
    SpanData start = await().atMost(Duration.ofSeconds(5)).until(() -> runStart(executionId), Optional::isPresent).orElseThrow();
    assertThat(start.getTraceId()).isEqualTo(GATEWAY_TRACE);
    assertThat(start.getParentSpanId()).isEqualTo(GATEWAY_SPAN);
    assertThat(start.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(start.getAttributes().get(AttributeKey.stringKey("flowgate.tenant.id"))).isEqualTo(tenant.toString());
    assertThat(portal.received(versionPath).getFirst().header("traceparent"))
        .startsWith("00-" + GATEWAY_TRACE + "-" + start.getSpanId() + "-");
  }

  private Optional<SpanData> runStart(String executionId) {
    return spans.exporter().getFinishedSpanItems().stream()
        .filter(s -> s.getName().equals("workflow.run.start"))
        .filter(s -> executionId.equals(s.getAttributes().get(AttributeKey.stringKey("flowgate.workflow.execution.id"))))
        .findFirst();
  }
}
