package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.ScriptedUpstream;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import dev.flowgate.gateway.workflow.WorkflowTriggerPublisher;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import com.sun.net.httpserver.HttpServer;
import io.nats.client.api.StreamInfo;
import java.net.InetSocketAddress;
import java.util.concurrent.CopyOnWriteArrayList;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Workflow trigger routes against the real NATS JetStream on 4222. */
class WorkflowTriggerIT {

  @TempDir static Path stateDir;
  @TempDir static Path deadNatsStateDir;

  static ScriptedUpstream upstream;
  static FakePortal portal;
  static GatewayInstance gateway;
  static GatewayInstance withoutNats;
  static Connection nats;
  static Subscription triggers;
  static IssuedKey key;
  static Tenant acme;
  static UUID workflowId = UUID.randomUUID();
  static IssuedKey otherTenantKey;
  static HttpServer worker;
  static final List<String> workerCalls = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    upstream = new ScriptedUpstream();
    TestSnapshots snapshots = new TestSnapshots();
    acme = snapshots.tenant("acme");
    Service service = snapshots.service(acme, upstream.url());
    ObjectNode async = EventCodec.mapper().createObjectNode()
        .put("workflowId", workflowId.toString()).put("mode", "async");
    async.putObject("inputTemplate")
        .put("orderId", "{{ body.order.id }}")
        .put("customer", "{{query.customer}}")
        .put("note", "order {{body.order.id}} by {{method}}");
    ObjectNode passthrough = EventCodec.mapper().createObjectNode()
        .put("workflowId", workflowId.toString()).put("mode", "passthrough");
    snapshots.route(service, "hooks", "/hooks", List.of(new Policy("workflow_trigger", async)));
    snapshots.route(service, "orders", "/orders", List.of(new Policy("workflow_trigger", passthrough)));
    key = snapshots.key(acme, List.of("*"));
    otherTenantKey = snapshots.key(snapshots.tenant("other"), List.of("*"));
    portal = new FakePortal(snapshots.build());
    worker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    worker.createContext("/internal/v1/tenants/", exchange -> {
      try (exchange) {
        workerCalls.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        boolean known = exchange.getRequestURI().getPath()
            .equals("/internal/v1/tenants/" + acme.id() + "/workflow-runs/run-1");
        byte[] body = (known ? "{\"status\":\"RUNNING\",\"currentStep\":\"approve\"}"
            : "{\"type\":\"https://flowgate.dev/problems/not-found\",\"status\":404}").getBytes();
        exchange.getResponseHeaders().set("Content-Type", known ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(known ? 200 : 404, body.length);
        exchange.getResponseBody().write(body);
      }
    });
    worker.start();
    nats = Nats.connect("nats://127.0.0.1:4222");
    triggers = nats.subscribe(Subjects.workflowTriggers(acme.id()));
    Map<String, String> settings = new HashMap<>(Map.of(
        "flowgate.gateway.kafka.enabled", "false", "flowgate.gateway.rate-limits.enabled", "false",
        "flowgate.gateway.workflows.worker-url", "http://127.0.0.1:" + worker.getAddress().getPort()));
    gateway = GatewayInstance.start(portal.url(), stateDir, settings).awaitReady();
    settings.put("flowgate.gateway.nats.url", "nats://127.0.0.1:" + GatewayInstance.freePort());
    withoutNats = GatewayInstance.start(portal.url(), deadNatsStateDir, settings).awaitReady();
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
    withoutNats.close();
    portal.close();
    upstream.close();
    nats.close();
    worker.stop(0);
  }

  private static Message nextTrigger() throws InterruptedException {
    Message message = triggers.nextMessage(Duration.ofSeconds(5));
    assertThat(message).as("a trigger on workflow.triggers.{tenant}").isNotNull();
    return message;
  }

  @Test
  void an_async_trigger_answers_202_at_once_and_publishes_the_rendered_input_without_calling_the_upstream()
      throws Exception {
    HttpResponse<String> response = gateway.send(gateway.request("/hooks/new?customer=c-42")
        .header("X-API-Key", key.secret()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"order\":{\"id\":7}}")));

    assertThat(response.statusCode()).isEqualTo(202);
    String executionId = response.headers().firstValue("X-Workflow-Execution-ID").orElseThrow();
    assertThat(response.headers().firstValue("X-Workflow-Status-Endpoint"))
        .contains("/_flowgate/workflow-runs/" + executionId);
    assertThat(EventCodec.mapper().readTree(response.body()).get("executionId").asString()).isEqualTo(executionId);
    Message message = nextTrigger();
    assertThat(message.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo(executionId);
    JsonNode envelope = EventCodec.mapper().readTree(message.getData());
    assertThat(envelope.get("eventType").asString()).isEqualTo("workflow.triggered");
    assertThat(envelope.get("tenantId").asString()).isEqualTo(acme.id().toString());
    JsonNode payload = envelope.get("payload");
    assertThat(payload.get("executionId").asString()).isEqualTo(executionId);
    assertThat(payload.get("workflowId").asString()).isEqualTo(workflowId.toString());
    assertThat(payload.get("triggerType").asString()).isEqualTo("api_route");
    assertThat(payload.get("input").get("orderId").asInt()).isEqualTo(7);
    assertThat(payload.get("input").get("customer").asString()).isEqualTo("c-42");
    assertThat(payload.get("input").get("note").asString()).isEqualTo("order 7 by POST");
    assertThat(upstream.hits("/new")).isZero();
    StreamInfo stream = nats.jetStreamManagement().getStreamInfo(Subjects.WORKFLOW_STREAM);
    assertThat(stream.getConfiguration().getSubjects()).contains("workflow.triggers.>", "workflow.signals.>");
  }

  @Test
  void a_passthrough_trigger_returns_the_upstreams_answer_with_the_workflow_headers() throws Exception {
    HttpResponse<String> response = gateway.send(gateway.request("/orders/count")
        .header("X-API-Key", key.secret()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"A-1\"}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("13");
    String executionId = response.headers().firstValue("X-Workflow-Execution-ID").orElseThrow();
    assertThat(response.headers().firstValue("X-Workflow-Status-Endpoint")).isPresent();
    JsonNode input = EventCodec.mapper().readTree(nextTrigger().getData()).get("payload").get("input");
    assertThat(input.get("body").get("sku").asString()).isEqualTo("A-1");
    assertThat(input.get("method").asString()).isEqualTo("POST");
    assertThat(input.get("headers").has("x-api-key")).isFalse();
    assertThat(executionId).isNotBlank();
  }

  @Test
  void without_nats_a_trigger_route_answers_503_and_starts_nothing() {
    HttpResponse<String> response = withoutNats.send(withoutNats.request("/hooks/new")
        .header("X-API-Key", key.secret()).POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(EventCodec.mapper().readTree(response.body()).get("type").asString())
        .endsWith("/workflow-trigger-unavailable");
    assertThat(response.headers().firstValue("Retry-After")).contains("5");
    assertThat(response.headers().firstValue("X-Workflow-Execution-ID")).isEmpty();
  }

  @Test
  void any_key_of_the_tenant_reads_a_runs_status_at_the_gateway_from_the_worker() {
    HttpResponse<String> response = gateway.get("/_flowgate/workflow-runs/run-1", key.secret());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(EventCodec.mapper().readTree(response.body()).get("status").asString()).isEqualTo("RUNNING");
    assertThat(response.headers().firstValue("X-Tenant-ID")).contains(acme.id().toString());
    assertThat(workerCalls).contains(
        "/internal/v1/tenants/" + acme.id() + "/workflow-runs/run-1 Bearer " + FakePortal.TOKEN);
  }

  @Test
  void another_tenants_key_finds_no_run_and_no_key_is_401() {
    assertThat(gateway.get("/_flowgate/workflow-runs/run-1", otherTenantKey.secret()).statusCode()).isEqualTo(404);
    assertThat(gateway.send(gateway.request("/_flowgate/workflow-runs/run-1")).statusCode()).isEqualTo(401);
  }
}
