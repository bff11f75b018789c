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
  void a_failed_run_is_retried_on_its_pinned_version_and_answers_where_to_follow_it() {
    Api.Tenant tenant = signUp();
    String id = workflow(tenant);
    String executionId = api.post("/api/v1/workflows/" + id + "/runs", tenant.token(), Map.of("input", Map.of("order", 42)))
        .json().path("executionId").asString();
    api.send("PUT", "/api/v1/workflows/" + id, tenant.token(), Map.of("name", "approval", "steps", List.of(
        Map.of("id", "changed", "type", "wait_for_signal", "config", Map.of("signal", "approval")))));
    StubWorker.statuses.put(executionId, failedRun(executionId, id, 1));

    Api.Response retried = api.post("/api/v1/workflow-runs/" + executionId + "/retry", tenant.token(), null);

    assertThat(retried.status()).as(retried.raw()).isEqualTo(202);
    String retryId = retried.json().path("executionId").asString();
    assertThat(retryId).isNotEqualTo(executionId);
    assertThat(retried.json().path("statusUrl").asString()).isEqualTo("/api/v1/workflow-runs/" + retryId);
    JsonNode sent = StubWorker.retries.get(retryId);
    assertThat(sent.path("retryOf").asString()).isEqualTo(executionId);
    assertThat(sent.path("definition").path("steps").get(0).path("id").asString())
        .as("the pinned version 1, not the current version 2").isEqualTo("approve");
  }

  @Test
  void only_a_failed_run_of_the_callers_tenant_is_retried() {
    Api.Tenant a = signUp();
    String id = workflow(a);
    String executionId = api.post("/api/v1/workflows/" + id + "/runs", a.token(), Map.of()).json().path("executionId").asString();

    Api.Response running = api.post("/api/v1/workflow-runs/" + executionId + "/retry", a.token(), null);
    assertThat(running.status()).as(running.raw()).isEqualTo(409);
    assertThat(running.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/conflict");

    StubWorker.statuses.put(executionId, failedRun(executionId, id, 1));
    assertThat(api.post("/api/v1/workflow-runs/" + executionId + "/retry", signUp().token(), null).status()).isEqualTo(404);
    String viewer = member(a, "viewer");
    assertThat(api.get("/api/v1/workflow-runs/" + executionId, viewer).status()).as("a viewer reads").isEqualTo(200);
    assertThat(api.post("/api/v1/workflow-runs/" + executionId + "/retry", viewer, null).status()).as("but does not act")
        .isEqualTo(403);
    assertThat(StubWorker.retries.values()).noneMatch(r -> r.path("retryOf").asString().equals(executionId));
  }

  @Test
  void the_run_list_passes_status_and_start_time_to_the_worker_and_refuses_an_empty_range() {
    Api.Tenant tenant = signUp();
    String id = workflow(tenant);

    Api.Response page = api.get("/api/v1/workflows/" + id + "/runs?status=FAILED&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
        tenant.token());

    assertThat(page.status()).as(page.raw()).isEqualTo(200);
    assertThat(StubWorker.lastRunsQuery).contains("status=FAILED").contains("from=2026-01-01T00:00:00Z")
        .contains("to=2026-02-01T00:00:00Z");
    Api.Response empty = api.get("/api/v1/workflows/" + id + "/runs?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", tenant.token());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().path("errors").get(0).path("field").asString()).isEqualTo("to");
  }

  private static String failedRun(String executionId, String workflowId, int version) {
    return """
        {"executionId": "%s", "workflowId": "%s", "version": %d, "triggerType": "manual", "status": "FAILED",
         "progress": 0, "error": "step 'approve' failed", "steps": []}""".formatted(executionId, workflowId, version);
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
