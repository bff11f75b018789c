package dev.flowgate.portal.workflows;

import dev.flowgate.portal.base.security.TenantPrincipal;
import dev.flowgate.portal.workflows.WorkflowTriggers.TriggerRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A workflow's triggers (PRODUCT.md); schedules are forwarded to the worker. */
@RestController
@RequestMapping("/api/v1/workflows/{id}/triggers")
class WorkflowTriggersController {

  private final WorkflowTriggers triggers;

  WorkflowTriggersController(WorkflowTriggers triggers) {
    this.triggers = triggers;
  }

  @GetMapping
  Map<String, List<WorkflowTriggerView>> list(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
    return Map.of("items", triggers.list(principal.actor(), id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  WorkflowTriggerView create(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestBody TriggerRequest request) {
    return triggers.create(principal.actor(), id, request);
  }

  @DeleteMapping("/{triggerId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, @PathVariable UUID triggerId) {
    triggers.delete(principal.actor(), id, triggerId);
  }
}
