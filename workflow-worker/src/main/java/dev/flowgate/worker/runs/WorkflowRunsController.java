package dev.flowgate.worker.runs;

import dev.flowgate.worker.dsl.RunState;
import dev.flowgate.worker.dsl.SignalActor;
import dev.flowgate.worker.dsl.WorkflowDefinition;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The worker's internal workflow API (ARCHITECTURE.md, "Workflow internal API"). */
@RestController
@RequestMapping("/internal/v1")
class WorkflowRunsController {

  private final RunStarter runs;
  private final RunRetries retries;
  private final RunIndex index;

  WorkflowRunsController(RunStarter runs, RunRetries retries, RunIndex index) {
    this.runs = runs;
    this.retries = retries;
    this.index = index;
  }

  /** A run to start, as the portal sends it. */
  record StartRun(
      UUID tenantId, @Nullable String workflowId, @Nullable Integer version, WorkflowDefinition definition,
      @Nullable Map<String, Object> input, @Nullable String executionId, @Nullable String triggerType) {}

  @PostMapping("/workflow-runs")
  ResponseEntity<Map<String, String>> start(@RequestBody StartRun body) {
    if (body.tenantId() == null || body.definition() == null) {
      throw new IllegalArgumentException("tenantId and definition are required");
    }
    String id = runs.start(body.tenantId(), body.workflowId(), body.version(), body.definition(), body.input(),
        body.executionId(), body.triggerType() == null ? "manual" : body.triggerType());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("executionId", id));
  }

  @GetMapping("/tenants/{tenantId}/workflow-runs/{executionId}")
  RunView run(@PathVariable UUID tenantId, @PathVariable String executionId) {
    return index.find(tenantId, executionId).orElseThrow(() -> new RunStarter.RunNotFoundException(executionId));
  }

  @GetMapping("/tenants/{tenantId}/workflows/{workflowId}/runs")
  RunPage list(
      @PathVariable UUID tenantId, @PathVariable String workflowId, @RequestParam(required = false) @Nullable RunState status,
      @RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return index.list(tenantId, workflowId, new RunFilter(status, from, to), Math.max(page, 0), Math.clamp(size, 1, 100));
  }

  /** A retry as the portal sends it: the failed run's pinned definition, and the new run's id. */
  record RetryRun(@Nullable WorkflowDefinition definition, @Nullable String executionId) {}

  @PostMapping("/tenants/{tenantId}/workflow-runs/{executionId}/retry")
  ResponseEntity<Map<String, String>> retry(@PathVariable UUID tenantId, @PathVariable String executionId,
      @RequestBody RetryRun body) {
    if (body.definition() == null) {
      throw new IllegalArgumentException("definition (the failed run's pinned version) is required");
    }
    String id = retries.retry(tenantId, executionId, body.definition(), body.executionId());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("executionId", id));
  }

  @PostMapping("/tenants/{tenantId}/workflow-runs/{executionId}/signals/{name}")
  ResponseEntity<Void> signal(
      @PathVariable UUID tenantId, @PathVariable String executionId, @PathVariable String name,
      @RequestBody(required = false) @Nullable Map<String, Object> payload,
      @RequestHeader(name = SignalActor.ID_HEADER, required = false) @Nullable String actorId,
      @RequestHeader(name = SignalActor.ROLE_HEADER, required = false) @Nullable String actorRole) {
    // the sender comes from the portal's headers only: an "actor" in the body is the caller's claim
    runs.signal(tenantId, executionId, name, payload, actorId, actorRole);
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/tenants/{tenantId}/workflow-runs/{executionId}/cancel")
  ResponseEntity<Void> cancel(@PathVariable UUID tenantId, @PathVariable String executionId) {
    runs.cancel(tenantId, executionId);
    return ResponseEntity.accepted().build();
  }
}
