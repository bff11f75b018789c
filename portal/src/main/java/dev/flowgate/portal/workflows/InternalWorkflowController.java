package dev.flowgate.portal.workflows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The worker's read of a pinned definition version (internal token, see SecurityConfiguration). */
@RestController
class InternalWorkflowController {

  private final WorkflowManagement workflows;

  InternalWorkflowController(WorkflowManagement workflows) {
    this.workflows = workflows;
  }

  /** The workflow's current version (a schedule with no pinned version runs this one). */
  @GetMapping("/internal/v1/tenants/{tenantId}/workflows/{workflowId}/versions/current")
  Map<String, Object> current(@PathVariable UUID tenantId, @PathVariable UUID workflowId) {
    return body(workflows.currentVersion(tenantId, workflowId));
  }

  @GetMapping("/internal/v1/tenants/{tenantId}/workflows/{workflowId}/versions/{version}")
  Map<String, Object> version(@PathVariable UUID tenantId, @PathVariable UUID workflowId, @PathVariable int version) {
    return body(workflows.version(tenantId, workflowId, version));
  }

  private static Map<String, Object> body(WorkflowVersionView found) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workflowId", found.workflowId());
    body.put("version", found.version());
    body.put("definition", found.definition());
    return body;
  }
}
