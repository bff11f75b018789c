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

  @GetMapping("/internal/v1/tenants/{tenantId}/workflows/{workflowId}/versions/{version}")
  Map<String, Object> version(@PathVariable UUID tenantId, @PathVariable UUID workflowId, @PathVariable int version) {
    WorkflowVersionView found = workflows.version(tenantId, workflowId, version);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workflowId", found.workflowId());
    body.put("version", found.version());
    body.put("definition", found.definition());
    return body;
  }
}
