package dev.flowgate.portal.workflows;

import dev.flowgate.portal.base.security.TenantPrincipal;
import dev.flowgate.portal.base.web.PageResponse;
import dev.flowgate.portal.workflows.WorkflowTemplates.FromTemplate;
import dev.flowgate.portal.workflows.WorkflowTemplates.WorkflowTemplate;
import java.net.URI;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Workflow templates, and creating a workflow from one. */
@RestController
class WorkflowTemplatesController {

  private final WorkflowTemplates templates;

  WorkflowTemplatesController(WorkflowTemplates templates) {
    this.templates = templates;
  }

  @GetMapping("/api/v1/workflow-templates")
  PageResponse<WorkflowTemplate> list(@ParameterObject @PageableDefault(size = 20) Pageable pageable) {
    List<WorkflowTemplate> all = templates.list();
    int from = (int) Math.min(pageable.getOffset(), all.size());
    List<WorkflowTemplate> page = all.subList(from, Math.min(from + pageable.getPageSize(), all.size()));
    return new PageResponse<>(page, pageable.getPageNumber(), pageable.getPageSize(), all.size());
  }

  @GetMapping("/api/v1/workflow-templates/{templateId}")
  WorkflowTemplate get(@PathVariable String templateId) {
    return templates.get(templateId);
  }

  @PostMapping("/api/v1/workflows/from-template")
  @ResponseStatus(HttpStatus.CREATED) // documents 201; the ResponseEntity sets it
  ResponseEntity<WorkflowView> create(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody FromTemplate request) {
    WorkflowView created = templates.create(principal.actor(), request);
    return ResponseEntity.created(URI.create("/api/v1/workflows/" + created.id())).body(created);
  }
}
