package dev.flowgate.portal.workflows;

import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.TenantPrincipal;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Runs of the caller's workflows, forwarded to the worker for the caller's tenant: start (the
 * current version, pinned), status, list (by status and start time), signals, cancel and retry.
 */
@RestController
class WorkflowRunsController {

  private static final Pattern EXECUTION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
  private static final Pattern SIGNAL = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private final WorkflowManagement workflows;
  private final WorkflowRuns runs;
  private final WorkerClient worker;

  WorkflowRunsController(WorkflowManagement workflows, WorkflowRuns runs, WorkerClient worker) {
    this.workflows = workflows;
    this.runs = runs;
    this.worker = worker;
  }

  /** {@code POST /api/v1/workflows/{id}/runs} body. */
  record RunRequest(@Nullable JsonNode input) {}

  @PostMapping("/api/v1/workflows/{id}/runs")
  ResponseEntity<Map<String, String>> start(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestBody(required = false) @Nullable RunRequest request) {
    JsonNode input = request == null ? null : request.input();
    if (input != null && !input.isObject() && !input.isNull()) {
      throw new InvalidInputException("input", "must be a JSON object");
    }
    UUID tenantId = principal.actor().tenantId();
    WorkflowView workflow = workflows.get(principal.actor(), id);
    WorkflowVersionView version = workflows.version(tenantId, id, workflow.currentVersion());
    String executionId = worker.start(tenantId, version, input == null || input.isNull() ? null : input, UUID.randomUUID().toString());
    String statusUrl = "/api/v1/workflow-runs/" + executionId;
    return ResponseEntity.accepted().location(URI.create(statusUrl))
        .body(Map.of("executionId", executionId, "statusUrl", statusUrl));
  }

  @GetMapping("/api/v1/workflows/{id}/runs")
  JsonNode runs(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    if (status != null && !RunFilter.STATUSES.contains(status)) {
      throw new InvalidInputException("status", "must be one of " + String.join(", ", RunFilter.STATUSES));
    }
    if (page < 0 || size < 1 || size > 100) {
      throw new InvalidInputException("size", "page must be >= 0 and size 1-100");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidInputException("to", "must be after from");
    }
    workflows.get(principal.actor(), id);
    return worker.runs(principal.actor().tenantId(), id, new RunFilter(status, from, to), page, size);
  }

  /** Retries a FAILED run: a new run on the same pinned version with the same input. */
  @PostMapping("/api/v1/workflow-runs/{executionId}/retry")
  ResponseEntity<Map<String, String>> retry(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String executionId) {
    String retryId = runs.retry(principal.actor(), checked(executionId));
    String statusUrl = "/api/v1/workflow-runs/" + retryId;
    return ResponseEntity.accepted().location(URI.create(statusUrl))
        .body(Map.of("executionId", retryId, "statusUrl", statusUrl));
  }

  @GetMapping("/api/v1/workflow-runs/{executionId}")
  JsonNode run(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String executionId) {
    return worker.run(principal.actor().tenantId(), checked(executionId));
  }

  @PostMapping("/api/v1/workflow-runs/{executionId}/signals/{name}")
  ResponseEntity<Void> signal(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String executionId,
      @PathVariable String name, @RequestBody(required = false) @Nullable JsonNode payload) {
    if (!SIGNAL.matcher(name).matches()) {
      throw new InvalidInputException("name", "must be 1-64 letters, digits, '_' or '-'");
    }
    worker.signal(principal.actor().tenantId(), checked(executionId), name, payload, SignalSender.of(principal));
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/api/v1/workflow-runs/{executionId}/cancel")
  ResponseEntity<Void> cancel(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String executionId) {
    worker.cancel(principal.actor().tenantId(), checked(executionId));
    return ResponseEntity.accepted().build();
  }

  private static String checked(String executionId) {
    if (!EXECUTION_ID.matcher(executionId).matches()) {
      throw new NotFoundException("workflow run", executionId);
    }
    return executionId;
  }
}
