package dev.flowgate.portal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubWorker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkflowRunsIT extends PortalIT {

  private static final Map<String, Object> DEFINITION = Map.of("name", "approval", "steps", List.of(
      Map.of("id", "approve", "type", "wait_for_signal", "config", Map.of("signal", "approval"))));

  @AfterEach
  void workerBack() {
    StubWorker.failing = false;
  }

  private String workflow(Api.Tenant tenant) {
    return api.post("/api/v1/workflows", tenant.token(), DEFINITION).json().path("id").asString();
  }

  @Test
  void a_run_starts_on_the_worker_with_the_current_version_pinned_and_reports_its_status() {
    Api.Tenant tenant = signUp();
    String id = workflow(tenant);
    api.send("PUT", "/api/v1/workflows/" + id, tenant.token(), DEFINITION);

    Api.Response started = api.post("/api/v1/workflows/" + id + "/runs", tenant.token(), Map.of("input", Map.of("order", 42)));

    assertThat(started.status()).as(started.raw()).isEqualTo(202);
    String executionId = started.json().path("executionId").asString();
    assertThat(started.json().path("statusUrl").asString()).isEqualTo("/api/v1/workflow-runs/" + executionId);
    JsonNode sent = StubWorker.runs.get(executionId);
    assertThat(sent.path("tenantId").asString()).isEqualTo(tenant.id().toString());
    assertThat(sent.path("version").asInt()).isEqualTo(2);
    assertThat(sent.path("definition").path("steps").get(0).path("id").asString()).isEqualTo("approve");
    assertThat(sent.path("input").path("order").asInt()).isEqualTo(42);
    assertThat(api.get("/api/v1/workflow-runs/" + executionId, tenant.token()).json().path("status").asString()).isEqualTo("RUNNING");
    assertThat(api.get("/api/v1/workflows/" + id + "/runs", tenant.token()).json().path("total").asInt()).isEqualTo(1);
  }

  @Test
  void signals_and_cancel_reach_the_worker_for_the_callers_tenant_only() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String executionId = api.post("/api/v1/workflows/" + workflow(a) + "/runs", a.token(), Map.of())
        .json().path("executionId").asString();

    assertThat(api.post("/api/v1/workflow-runs/" + executionId + "/signals/approval", a.token(), Map.of("approved", true))
        .status()).isEqualTo(202);
    assertThat(StubWorker.signals).anyMatch(s -> s.startsWith(executionId + "/approval") && s.contains("approved")
        && s.endsWith(" owner]") && !s.contains("[null"));
    assertThat(api.post("/api/v1/workflow-runs/" + executionId + "/cancel", a.token(), null).status()).isEqualTo(202);

    assertThat(api.get("/api/v1/workflow-runs/" + executionId, b.token()).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/workflow-runs/" + executionId + "/cancel", b.token(), null).status()).isEqualTo(404);
  }

  @Test
  void another_tenants_workflow_cannot_be_run_and_input_must_be_an_object() {
    Api.Tenant a = signUp();
    String id = workflow(a);

    assertThat(api.post("/api/v1/workflows/" + id + "/runs", signUp().token(), Map.of()).status()).isEqualTo(404);
    Api.Response bad = api.post("/api/v1/workflows/" + id + "/runs", a.token(), Map.of("input", List.of(1)));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("input");
  }

  @Test
  void the_worker_down_answers_503_problem() {
    Api.Tenant tenant = signUp();
    String id = workflow(tenant);
    StubWorker.failing = true;

    Api.Response response = api.post("/api/v1/workflows/" + id + "/runs", tenant.token(), Map.of());

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/service-unavailable");
  }
}
