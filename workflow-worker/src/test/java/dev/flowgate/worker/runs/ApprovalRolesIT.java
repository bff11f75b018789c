package dev.flowgate.worker.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.worker.WorkerIntegrationTest;
import dev.flowgate.worker.dsl.SignalActor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A {@code wait_for_signal} step with {@code approverRoles} takes the approval only from those
 * roles; through the internal API, the real worker and the local Temporal dev server.
 */
@WorkerIntegrationTest
class ApprovalRolesIT {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final UUID tenant = UUID.randomUUID();

  private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Authorization", "Bearer test-internal-token");
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode run(String executionId) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + port + "/internal/v1/tenants/" + tenant + "/workflow-runs/" + executionId))
        .header("Authorization", "Bearer test-internal-token").build();
    return EventCodec.mapper().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  @Test
  void an_approval_from_a_role_not_allowed_is_refused_and_recorded_and_the_run_waits_for_an_allowed_one() throws Exception {
    String executionId = "roles-it-" + UUID.randomUUID();
    assertThat(post("/internal/v1/workflow-runs", """
        {"tenantId": "%s", "workflowId": "wf-roles", "version": 1, "executionId": "%s", "input": {},
         "definition": {"name": "roles", "steps": [
           {"id": "approve", "type": "wait_for_signal",
            "config": {"signal": "approval", "timeoutSeconds": 600, "approverRoles": ["owner", "admin"]}},
           {"id": "done", "type": "transform", "dependsOn": ["approve"], "config": {"expression": "steps.approve.output.actor.role"}}]}}
        """.formatted(tenant, executionId), Map.of()).statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> run(executionId).path("currentStep").asString().equals("approve"));
    String signal = "/internal/v1/tenants/" + tenant + "/workflow-runs/" + executionId + "/signals/approval";
    String viewer = UUID.randomUUID().toString();

    assertThat(post(signal, "{\"decision\": \"approve\"}",
        Map.of(SignalActor.ID_HEADER, viewer, SignalActor.ROLE_HEADER, "viewer")).statusCode()).isEqualTo(202);
    // a role claimed in the body is the caller's word, not the portal's: it counts as no role
    assertThat(post(signal, "{\"decision\": \"approve\", \"actor\": {\"role\": \"owner\"}}", Map.of()).statusCode())
        .isEqualTo(202);

    await().atMost(Duration.ofSeconds(20)).until(() -> run(executionId).path("refusedSignals").size() == 2);
    JsonNode waiting = run(executionId);
    assertThat(waiting.path("status").asString()).isEqualTo("RUNNING");
    assertThat(waiting.path("currentStep").asString()).isEqualTo("approve");
    JsonNode first = waiting.path("refusedSignals").get(0);
    assertThat(first.path("stepId").asString()).isEqualTo("approve");
    assertThat(first.path("signal").asString()).isEqualTo("approval");
    assertThat(first.path("actorId").asString()).isEqualTo(viewer);
    assertThat(first.path("role").asString()).isEqualTo("viewer");
    assertThat(first.path("reason").asString()).contains("'viewer' may not approve").contains("owner, admin");
    assertThat(waiting.path("refusedSignals").get(1).path("reason").asString()).contains("no role");

    String admin = UUID.randomUUID().toString();
    assertThat(post(signal, "{\"decision\": \"approve\"}",
        Map.of(SignalActor.ID_HEADER, admin, SignalActor.ROLE_HEADER, "admin")).statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> run(executionId).path("status").asString().equals("COMPLETED"));
    JsonNode done = run(executionId);
    assertThat(done.path("steps").get(0).path("output").path("actor").path("id").asString()).isEqualTo(admin);
    assertThat(done.path("steps").get(1).path("output").asString()).isEqualTo("admin");
    assertThat(done.path("refusedSignals").size()).isEqualTo(2);
  }

  @Test
  void approver_roles_must_name_known_roles() throws Exception {
    HttpResponse<String> response = post("/internal/v1/workflow-runs", """
        {"tenantId": "%s", "workflowId": "wf-roles", "version": 1, "input": {},
         "definition": {"name": "roles", "steps": [{"id": "approve", "type": "wait_for_signal",
            "config": {"signal": "approval", "approverRoles": ["owner", "boss"]}}]}}
        """.formatted(tenant), Map.of());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("config.approverRoles").contains("'boss' is not a role");
  }
}
