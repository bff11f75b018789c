package dev.flowgate.e2e;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A one-step workflow a route triggers asynchronously (202 with the execution id), and the runs
 * the worker's index holds for it, as the tenant's management API reports them.
 */
final class TriggeredWorkflow {

  private final ManagementApi tenant;
  private final String workflowId;
  private final String path;

  private TriggeredWorkflow(ManagementApi tenant, String workflowId, String path) {
    this.tenant = tenant;
    this.workflowId = workflowId;
    this.path = path;
  }

  static TriggeredWorkflow publish(ManagementApi tenant, String serviceId, String path) {
    JsonNode workflow = tenant.post("/api/v1/workflows", Map.of("name", "faults-trigger", "steps",
        List.of(Map.of("id", "echo", "type", "transform", "config", Map.of("expression", "input.path")))));
    JsonNode route = tenant.post("/api/v1/routes", Map.of("name", "faults-trigger", "serviceId", serviceId,
        "paths", List.of(path), "methods", List.of(), "hosts", List.of(), "stripPath", true));
    String workflowId = workflow.path("id").asString();
    tenant.post("/api/v1/workflows/" + workflowId + "/triggers",
        Map.of("type", "api_route", "routeId", route.path("id").asString(), "mode", "async"));
    return new TriggeredWorkflow(tenant, workflowId, path);
  }

  String path() {
    return path;
  }

  /** Runs in the index, whatever their status. */
  long runs() {
    return tenant.get("/api/v1/workflows/" + workflowId + "/runs?size=1").path("total").asLong();
  }

  /** Runs with {@code status} (PENDING, RUNNING, COMPLETED, FAILED, CANCELLED). */
  long runs(String status) {
    return tenant.get("/api/v1/workflows/" + workflowId + "/runs?size=1&status=" + status).path("total").asLong();
  }
}
