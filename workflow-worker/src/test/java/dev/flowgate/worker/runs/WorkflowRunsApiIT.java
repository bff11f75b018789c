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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The internal API through the real worker, Temporal dev server and PostgreSQL (flowgate_test). */
@WorkerIntegrationTest
class WorkflowRunsApiIT {

  static final String TOKEN = "Bearer test-internal-token";
  static final String APPROVAL = """
      {"name": "approval", "steps": [
        {"id": "prepare", "type": "transform", "config": {"mapping": {"email": "input.email", "password": "input.password"}}},
        {"id": "approve", "type": "wait_for_signal", "dependsOn": ["prepare"], "config": {"signal": "approval", "timeoutSeconds": 600}},
        {"id": "done", "type": "transform", "dependsOn": ["approve"], "config": {"expression": "'ok'"}}]}
      """;

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final UUID tenant = UUID.randomUUID();
  private final String workflowId = UUID.randomUUID().toString();

  private HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(HttpResponse<String> response) {
    return EventCodec.mapper().readTree(response.body());
  }

  private String startBody(String definition, String executionId) {
    return """
        {"tenantId": "%s", "workflowId": "%s", "version": 3, "definition": %s,
         "input": {"email": "ada@example.com", "password": "hunter2"}, "triggerType": "manual"%s}
        """.formatted(tenant, workflowId, definition, executionId == null ? "" : ", \"executionId\": \"" + executionId + "\"");
  }

  private JsonNode awaitRun(String executionId, String status) throws Exception {
    String path = "/internal/v1/tenants/" + tenant + "/workflow-runs/" + executionId;
    await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", path, null, TOKEN)).path("status").asString().equals(status));
    return json(call("GET", path, null, TOKEN));
  }

  @Test
  void a_run_started_over_the_api_is_indexed_approved_by_signal_and_completes() throws Exception {
    HttpResponse<String> started = call("POST", "/internal/v1/workflow-runs", startBody(APPROVAL, null), TOKEN);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).path("executionId").asString();

    await().atMost(Duration.ofSeconds(20)).until(() ->
        "approve".equals(json(call("GET", "/internal/v1/tenants/" + tenant + "/workflow-runs/" + id, null, TOKEN)).path("currentStep").asString()));
    JsonNode waiting = json(call("GET", "/internal/v1/tenants/" + tenant + "/workflow-runs/" + id, null, TOKEN));
    assertThat(waiting.path("status").asString()).isEqualTo("RUNNING");
    assertThat(waiting.path("version").asInt()).isEqualTo(3);
    assertThat(waiting.path("lastUpdate").asString()).isNotBlank();
    JsonNode prepared = waiting.path("steps").get(0);
    assertThat(prepared.path("status").asString()).isEqualTo("SUCCESS");
    assertThat(prepared.path("output").path("password").asString()).isEqualTo("***");
    assertThat(prepared.path("output").path("email").asString()).isEqualTo("a***@example.com");

    HttpResponse<String> signalled = call("POST",
        "/internal/v1/tenants/" + tenant + "/workflow-runs/" + id + "/signals/approval", "{\"decision\": \"approve\"}", TOKEN);
    assertThat(signalled.statusCode()).isEqualTo(202);

    JsonNode done = awaitRun(id, "COMPLETED");
    assertThat(done.path("progress").asInt()).isEqualTo(100);
    assertThat(done.path("steps").get(2).path("output").asString()).isEqualTo("ok");
    JsonNode page = json(call("GET", "/internal/v1/tenants/" + tenant + "/workflows/" + workflowId + "/runs?status=COMPLETED", null, TOKEN));
    assertThat(page.path("total").asLong()).isEqualTo(1);
    assertThat(page.path("items").get(0).path("executionId").asString()).isEqualTo(id);
  }

  @Test
  void starting_the_same_execution_id_twice_starts_one_run() throws Exception {
    String id = "api-it-" + UUID.randomUUID();
    assertThat(call("POST", "/internal/v1/workflow-runs", startBody(APPROVAL, id), TOKEN).statusCode()).isEqualTo(202);
    HttpResponse<String> again = call("POST", "/internal/v1/workflow-runs", startBody(APPROVAL, id), TOKEN);

    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(json(again).path("executionId").asString()).isEqualTo(id);
    awaitRun(id, "RUNNING");
    JsonNode page = json(call("GET", "/internal/v1/tenants/" + tenant + "/workflows/" + workflowId + "/runs", null, TOKEN));
    assertThat(page.path("total").asLong()).isEqualTo(1);
    assertThat(call("POST", "/internal/v1/tenants/" + tenant + "/workflow-runs/" + id + "/cancel", null, TOKEN).statusCode())
        .isEqualTo(202);
    awaitRun(id, "CANCELLED");
  }

  @Test
  void another_tenants_run_answers_404_everywhere() throws Exception {
    String id = json(call("POST", "/internal/v1/workflow-runs", startBody(APPROVAL, null), TOKEN)).path("executionId").asString();
    String other = "/internal/v1/tenants/" + UUID.randomUUID() + "/workflow-runs/" + id;

    assertThat(call("GET", other, null, TOKEN).statusCode()).isEqualTo(404);
    assertThat(call("POST", other + "/signals/approval", "{}", TOKEN).statusCode()).isEqualTo(404);
    assertThat(call("POST", other + "/cancel", null, TOKEN).statusCode()).isEqualTo(404);
    call("POST", "/internal/v1/tenants/" + tenant + "/workflow-runs/" + id + "/cancel", null, TOKEN);
  }

  @Test
  void an_invalid_definition_is_refused_with_errors_that_name_the_step() throws Exception {
    HttpResponse<String> refused = call("POST", "/internal/v1/workflow-runs",
        startBody("{\"name\": \"bad\", \"steps\": [{\"id\": \"h\", \"type\": \"http_request\", \"config\": {}}]}", null), TOKEN);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    JsonNode error = json(refused).path("errors").get(0);
    assertThat(error.path("stepId").asString()).isEqualTo("h");
    assertThat(error.path("field").asString()).isEqualTo("config.url");
  }

  @Test
  void the_internal_api_needs_the_bearer_token() throws Exception {
    String path = "/internal/v1/tenants/" + tenant + "/workflow-runs/x";
    assertThat(call("GET", path, null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", path, null, "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(call("GET", path, null, TOKEN).statusCode()).isEqualTo(404);
  }
}
