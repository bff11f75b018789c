package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.FakeUpstream;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import dev.flowgate.gateway.workflow.WorkflowTriggerPublisher;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.node.ObjectNode;

/** The gateway's span per call, its parent and children: the upstream's traceparent and a trigger's NATS headers. */
class TracingIT {

  static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String CALLER_SPAN = "00f067aa0ba902b7";
  /** New per gateway: closing a gateway shuts its exporters down. */
  static InMemorySpanExporter spans;

  @TempDir static Path stateDir;

  static FakeUpstream upstream;
  static FakePortal portal;
  static GatewayInstance gateway;
  static IssuedKey key;
  static Tenant acme;
  static Connection nats;
  static Subscription triggers;

  /** Every ended span, at once (the production processor batches). */
  @Configuration(proxyBeanMethods = false)
  static class InMemorySpans {
    @Bean
    SpanProcessor inMemorySpans() {
      return SimpleSpanProcessor.create(spans);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    spans = InMemorySpanExporter.create();
    upstream = new FakeUpstream();
    TestSnapshots snapshots = new TestSnapshots();
    acme = snapshots.tenant("acme");
    Service echo = snapshots.service(acme, upstream.url() + "/base", 2000, 1000);
    snapshots.route(echo, "echo", "/echo");
    ObjectNode async = EventCodec.mapper().createObjectNode()
        .put("workflowId", UUID.randomUUID().toString()).put("mode", "async");
    snapshots.route(echo, "hooks", "/hooks", List.of(new Policy("workflow_trigger", async)));
    key = snapshots.key(acme, List.of("*"));
    portal = new FakePortal(snapshots.build());
    nats = Nats.connect("nats://127.0.0.1:4222");
    triggers = nats.subscribe(Subjects.workflowTriggers(acme.id()));
    gateway = GatewayInstance.start(portal.url(), stateDir, Map.of("flowgate.gateway.kafka.enabled", "false",
        "flowgate.gateway.rate-limits.enabled", "false"), InMemorySpans.class).awaitReady();
    WorkflowTriggerPublisher publisher = gateway.context().getBean(WorkflowTriggerPublisher.class);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!publisher.ready()) {
      assertThat(System.nanoTime()).as("JetStream ready").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    portal.close();
    upstream.close();
    nats.close();
  }

  @BeforeEach
  void forgetSpans() {
    spans.reset();
  }

  @Test
  void a_call_with_a_traceparent_continues_the_callers_trace_and_the_upstream_sees_the_gateway_span_as_parent() {
    HttpResponse<String> response = gateway.send(gateway.request("/echo/items").header("X-API-Key", key.secret())
        .header("X-Request-ID", "trace-it-1").header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01"));

    assertThat(response.statusCode()).isEqualTo(200);
    SpanData span = gatewaySpan("trace-it-1");
    assertThat(span.getTraceId()).isEqualTo(CALLER_TRACE);
    assertThat(span.getParentSpanId()).isEqualTo(CALLER_SPAN);
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getName()).isEqualTo("GET echo");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("flowgate.tenant.id"))).isEqualTo(acme.id().toString());
    assertThat(span.getAttributes().get(AttributeKey.stringKey("flowgate.route.name"))).isEqualTo("echo");
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
    assertThat(upstream.received("trace-it-1").headers().getFirst("traceparent"))
        .isEqualTo("00-" + CALLER_TRACE + "-" + span.getSpanId() + "-01");
  }

  @Test
  void a_call_without_a_traceparent_starts_a_trace_the_upstream_continues() {
    gateway.send(gateway.request("/echo").header("X-API-Key", key.secret()).header("X-Request-ID", "trace-it-2"));

    SpanData span = gatewaySpan("trace-it-2");
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(upstream.received("trace-it-2").headers().getFirst("traceparent"))
        .isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex());
  }

  @Test
  void a_refused_call_is_traced_with_its_status() {
    HttpResponse<String> response = gateway.send(gateway.request("/echo").header("X-Request-ID", "trace-it-3"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(gatewaySpan("trace-it-3").getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(401L);
  }

  @Test
  void a_workflow_trigger_carries_the_gateway_span_in_its_nats_headers() throws Exception {
    HttpResponse<String> response = gateway.send(gateway.request("/hooks/new").header("X-API-Key", key.secret())
        .header("X-Request-ID", "trace-it-4").header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(202);
    Message message = triggers.nextMessage(Duration.ofSeconds(5));
    assertThat(message).as("a trigger on workflow.triggers.{tenant}").isNotNull();
    SpanData span = gatewaySpan("trace-it-4");
    assertThat(message.getHeaders().getFirst("traceparent"))
        .isEqualTo("00-" + CALLER_TRACE + "-" + span.getSpanId() + "-01");
  }

  /** The gateway's span of the call with this request id, once ended (after the response is written). */
  private static SpanData gatewaySpan(String requestId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      for (SpanData span : spans.getFinishedSpanItems()) {
        if (requestId.equals(span.getAttributes().get(AttributeKey.stringKey("flowgate.request.id")))) {
          return span;
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no span for " + requestId + " in " + spans.getFinishedSpanItems());
  }
}
