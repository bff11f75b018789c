package dev.flowgate.portal.workflows;

import dev.flowgate.portal.base.security.TenantPrincipal;
import dev.flowgate.portal.base.web.PageResponse;
import dev.flowgate.portal.base.web.SortFields;
import dev.flowgate.portal.workflows.WorkflowTriggers.TriggerRequest;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
  PageResponse<WorkflowTriggerView> list(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @ParameterObject @PageableDefault(size = 20) @SortFields({"createdAt", "type"}) Pageable pageable) {
    return PageResponse.of(triggers.list(principal.actor(), id, pageable), v -> v);
  }

  @GetMapping("/{triggerId}")
  WorkflowTriggerView get(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @PathVariable UUID triggerId) {
    return triggers.get(principal.actor(), id, triggerId);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED) // documents 201; the ResponseEntity sets it
  ResponseEntity<WorkflowTriggerView> create(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestBody TriggerRequest request) {
    WorkflowTriggerView view = triggers.create(principal.actor(), id, request);
    return ResponseEntity.created(URI.create("/api/v1/workflows/" + id + "/triggers/" + view.id())).body(view);
  }

  @DeleteMapping("/{triggerId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, @PathVariable UUID triggerId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    triggers.delete(principal.actor(), id, triggerId, ifMatch);
  }
}
