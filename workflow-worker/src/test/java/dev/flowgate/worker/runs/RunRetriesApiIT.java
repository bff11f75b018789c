package dev.flowgate.worker.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.worker.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Retrying a failed run, and the list's time filter, through the real worker, Temporal dev server
 * and PostgreSQL. The run fails on an {@code http_request} to a port nobody listens on.
 */
@WorkerIntegrationTest
class RunRetriesApiIT {

  static final String FAILING = """
      {"name": "failing", "steps": [
        {"id": "remember", "type": "transform", "config": {"mapping": {"order": "input.order"}}},
        {"id": "call", "type": "http_request", "dependsOn": ["remember"], "retry": {"maxAttempts": 1},
         "config": {"url": "http://127.0.0.1:9/refused", "method": "POST"}}]}
      """;

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final UUID tenant = UUID.randomUUID();
  private final String workflowId = UUID.randomUUID().toString();

  @Test
  void a_failed_run_is_retried_on_its_pinned_version_with_the_same_input() throws Exception {
    String failed = start(FAILING);
    awaitRun(failed, "FAILED");

    HttpResponse<String> retried = call("POST", runPath(tenant, failed) + "/retry", retryBody(FAILING), 202);

    String retry = json(retried).path("executionId").asString();
    assertThat(retry).isNotEqualTo(failed);
    JsonNode run = awaitRun(retry, "FAILED");
    assertThat(run.path("retryOf").asString()).isEqualTo(failed);
    assertThat(run.path("version").asInt()).isEqualTo(7);
    assertThat(run.path("workflowId").asString()).isEqualTo(workflowId);
    assertThat(run.path("triggerType").asString()).isEqualTo("retry");
    assertThat(run.path("steps").get(0).path("output").path("order").asInt()).as("the same input").isEqualTo(42);
    JsonNode list = json(call("GET", "/internal/v1/tenants/" + tenant + "/workflows/" + workflowId + "/runs", null, 200));
    assertThat(list.path("total").asLong()).isEqualTo(2);
    assertThat(list.path("items").get(0).path("executionId").asString()).as("newest first").isEqualTo(retry);
  }

  @Test
  void only_a_failed_run_of_the_callers_tenant_is_retried() throws Exception {
    String waiting = start("""
        {"name": "waits", "steps": [{"id": "approve", "type": "wait_for_signal", "config": {"signal": "approval"}}]}""");
    awaitRun(waiting, "RUNNING");

    HttpResponse<String> running = call("POST", runPath(tenant, waiting) + "/retry", retryBody(FAILING), 409);
    assertThat(json(running).path("type").asString()).isEqualTo("https://flowgate.dev/problems/run-not-retryable");
    call("POST", runPath(UUID.randomUUID(), waiting) + "/retry", retryBody(FAILING), 404);
    call("POST", runPath(tenant, waiting) + "/cancel", null, 202);
  }

  @Test
  void the_list_filters_by_start_time() throws Exception {
    String id = start(FAILING);
    awaitRun(id, "FAILED");
    String runs = "/internal/v1/tenants/" + tenant + "/workflows/" + workflowId + "/runs";
    Instant later = Instant.now().plusSeconds(60);

    assertThat(json(call("GET", runs + "?from=" + later, null, 200)).path("total").asLong()).isZero();
    assertThat(json(call("GET", runs + "?to=" + later + "&status=FAILED", null, 200)).path("total").asLong()).isEqualTo(1);
    assertThat(json(call("GET", runs + "?to=" + Instant.now().minusSeconds(3600), null, 200)).path("total").asLong()).isZero();
  }

  private String start(String definition) throws Exception {
    String body = """
        {"tenantId": "%s", "workflowId": "%s", "version": 7, "definition": %s, "input": {"order": 42}, "triggerType": "manual"}
        """.formatted(tenant, workflowId, definition);
    return json(call("POST", "/internal/v1/workflow-runs", body, 202)).path("executionId").asString();
  }

  private static String retryBody(String definition) {
    return "{\"definition\": " + definition + "}";
  }

  private static String runPath(UUID tenantId, String executionId) {
    return "/internal/v1/tenants/" + tenantId + "/workflow-runs/" + executionId;
  }

  private JsonNode awaitRun(String executionId, String status) throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() ->
        json(call("GET", runPath(tenant, executionId), null, 200)).path("status").asString().equals(status));
    return json(call("GET", runPath(tenant, executionId), null, 200));
  }

  private HttpResponse<String> call(String method, String path, String body, int expected) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Authorization", WorkflowRunsApiIT.TOKEN).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
    return response;
  }

  private static JsonNode json(HttpResponse<String> response) {
    return EventCodec.mapper().readTree(response.body());
  }
}
