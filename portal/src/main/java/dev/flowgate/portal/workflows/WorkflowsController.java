package dev.flowgate.portal.workflows;

import dev.flowgate.portal.base.security.TenantPrincipal;
import dev.flowgate.portal.base.web.ETags;
import dev.flowgate.portal.base.web.PageResponse;
import dev.flowgate.portal.base.web.SortFields;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import java.net.URI;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Workflow definitions; the request body is the DSL itself ({@code {name, steps}}). */
@RestController
@RequestMapping("/api/v1/workflows")
class WorkflowsController {

  private final WorkflowManagement workflows;

  WorkflowsController(WorkflowManagement workflows) {
    this.workflows = workflows;
  }

  @GetMapping
  PageResponse<WorkflowView> list(@AuthenticationPrincipal TenantPrincipal principal,
      @ParameterObject @PageableDefault(size = 20) @SortFields({"createdAt", "updatedAt", "name"}) Pageable pageable) {
    return PageResponse.of(workflows.list(principal.actor(), pageable), v -> v);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED) // documents 201; the ResponseEntity sets it
  ResponseEntity<WorkflowView> create(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody JsonNode definition) {
    WorkflowView created = workflows.create(principal.actor(), definition);
    return ResponseEntity.created(URI.create("/api/v1/workflows/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  WorkflowView get(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
    return workflows.get(principal.actor(), id);
  }

  /** A new version; {@code If-Match} (the workflow's ETag) guards against overwriting someone else's save. */
  @PutMapping("/{id}")
  ResponseEntity<WorkflowView> update(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @RequestBody JsonNode definition) {
    WorkflowView view = workflows.update(principal.actor(), id, definition, ifMatch);
    return ResponseEntity.ok().eTag(ETags.of(view)).body(view);
  }

  @GetMapping("/{id}/versions")
  PageResponse<WorkflowVersionView> versions(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @ParameterObject @PageableDefault(size = 20) @SortFields("version") Pageable pageable) {
    return PageResponse.of(workflows.versions(principal.actor(), id, pageable), v -> v);
  }

  @GetMapping("/{id}/versions/{version}")
  WorkflowVersionView version(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, @PathVariable int version) {
    return workflows.version(principal.actor().tenantId(), id, version);
  }
}
