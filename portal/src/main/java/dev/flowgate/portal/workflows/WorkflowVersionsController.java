package dev.flowgate.portal.workflows;

import dev.flowgate.portal.base.security.TenantPrincipal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Comparing and restoring a workflow's versions. */
@RestController
@RequestMapping("/api/v1/workflows/{id}/versions")
class WorkflowVersionsController {

  private final WorkflowManagement workflows;
  private final WorkflowHistory history;

  WorkflowVersionsController(WorkflowManagement workflows, WorkflowHistory history) {
    this.workflows = workflows;
    this.history = history;
  }

  /** What changed from version {@code a} to version {@code b} (either order). */
  @GetMapping("/{a}/diff/{b}")
  WorkflowDiff diff(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, @PathVariable int a,
      @PathVariable int b) {
    return history.diff(principal.actor(), id, a, b);
  }

  /** Rollback: a new current version equal to {@code version}; {@code If-Match} is the workflow's ETag. */
  @PostMapping("/{version}/restore")
  @ResponseStatus(HttpStatus.CREATED) // documents 201; the ResponseEntity sets it
  ResponseEntity<WorkflowView> restore(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @PathVariable int version, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    WorkflowView view = workflows.restore(principal.actor(), id, version, ifMatch);
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(java.net.URI.create("/api/v1/workflows/" + id + "/versions/" + view.currentVersion()))
        .body(view);
  }
}
