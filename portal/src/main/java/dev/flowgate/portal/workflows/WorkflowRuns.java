package dev.flowgate.portal.workflows;

import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's workflow runs, read from and acted on through the worker: the paged list, one run,
 * retry of a failed run on its pinned version, cancel, and the step a run waits on for a decision.
 * Every call carries the actor's tenant, so another tenant's run is not found.
 */
@Service
public class WorkflowRuns {

  /** One page of runs, newest first; {@code total} counts every run that matches the filter. */
  public record RunPage(List<WorkflowRun> items, long total) {}

  /** A {@code wait_for_signal} step that is executing, and the signal it waits for. */
  public record WaitingStep(String stepId, String signal) {}

  private final WorkflowManagement workflows;
  private final WorkerClient worker;

  WorkflowRuns(WorkflowManagement workflows, WorkerClient worker) {
    this.workflows = workflows;
    this.worker = worker;
  }

  public RunPage list(Actor actor, UUID workflowId, RunFilter filter, int page, int size) {
    workflows.get(actor, workflowId);
    JsonNode answer = worker.runs(actor.tenantId(), workflowId, filter, page, size);
    List<WorkflowRun> items = new ArrayList<>();
    answer.path("items").forEach(run -> items.add(WorkflowRun.of(run)));
    return new RunPage(items, answer.path("total").asLong(items.size()));
  }

  public WorkflowRun get(Actor actor, String executionId) {
    return WorkflowRun.of(worker.run(actor.tenantId(), executionId));
  }

  /**
   * Starts a new run of a FAILED run's workflow on the same pinned version with the same input and
   * returns its execution id; any other state is a conflict.
   */
  public String retry(Actor actor, String executionId) {
    WorkflowRun failed = get(actor, executionId);
    if (!"FAILED".equals(failed.status())) {
      throw new ConflictException("Only a FAILED run can be retried; run " + executionId + " is " + failed.status());
    }
    JsonNode definition = pinnedDefinition(actor, failed)
        .orElseThrow(() -> new ConflictException("Run " + executionId + " has no workflow version to retry on"));
    return worker.retry(actor.tenantId(), executionId, definition, UUID.randomUUID().toString());
  }

  public void cancel(Actor actor, String executionId) {
    worker.cancel(actor.tenantId(), executionId);
  }

  /** Approves or rejects the step a run waits on, as {@code sender} (whose role the step may restrict). */
  void decide(Actor actor, String executionId, WaitingStep step, boolean approved, SignalSender sender) {
    worker.signal(actor.tenantId(), executionId, step.signal(),
        tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("approved", approved), sender);
  }

  /** The {@code wait_for_signal} step the run is waiting on now, if any (per its pinned version). */
  public Optional<WaitingStep> waiting(Actor actor, WorkflowRun run) {
    if (run.ended() || run.steps().stream().noneMatch(s -> "EXECUTING".equals(s.status()))) {
      return Optional.empty();
    }
    JsonNode definition = pinnedDefinition(actor, run).orElse(null);
    if (definition == null) {
      return Optional.empty();
    }
    for (JsonNode step : definition.path("steps")) {
      String id = step.path("id").asString("");
      boolean executing = run.steps().stream().anyMatch(s -> s.id().equals(id) && "EXECUTING".equals(s.status()));
      if (executing && "wait_for_signal".equals(step.path("type").asString())) {
        return Optional.of(new WaitingStep(id, step.path("config").path("signal").asString("approval")));
      }
    }
    return Optional.empty();
  }

  private Optional<JsonNode> pinnedDefinition(Actor actor, WorkflowRun run) {
    UUID workflowId = uuid(run.workflowId());
    if (workflowId == null || run.version() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(workflows.version(actor.tenantId(), workflowId, run.version()).definition());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static @Nullable UUID uuid(@Nullable String id) {
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
