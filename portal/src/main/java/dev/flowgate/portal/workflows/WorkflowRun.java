package dev.flowgate.portal.workflows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A run as the worker's run index reports it (outputs already PII-masked by the worker). In a list
 * the steps are empty.
 */
public record WorkflowRun(String executionId, @Nullable String workflowId, @Nullable Integer version, String triggerType,
    String status, @Nullable String currentStep, int progress, List<Step> steps, @Nullable String error,
    @Nullable String retryOf, @Nullable Instant createdAt, @Nullable Instant lastUpdate) {

  private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED");

  /** One step of a run: QUEUED, EXECUTING, SUCCESS, FAILED or SKIPPED. */
  public record Step(String id, String status, int attempts, @Nullable Instant startedAt, @Nullable Instant endedAt,
      @Nullable JsonNode output, @Nullable String error) {

    /** How long the step ran (until {@code now} while it still runs); null before it started. */
    public @Nullable Duration duration(Instant now) {
      return startedAt == null ? null : Duration.between(startedAt, endedAt == null ? now : endedAt);
    }
  }

  public WorkflowRun {
    steps = List.copyOf(steps);
  }

  /** Whether the run is over: COMPLETED, FAILED or CANCELLED. */
  public boolean ended() {
    return ENDED.contains(status);
  }

  static WorkflowRun of(JsonNode run) {
    List<Step> steps = new ArrayList<>();
    run.path("steps").forEach(s -> steps.add(new Step(s.path("id").asString(""), s.path("status").asString(""),
        s.path("attempts").asInt(0), instant(s.path("startedAt")), instant(s.path("endedAt")),
        s.hasNonNull("output") ? s.get("output") : null, text(s.path("error")))));
    return new WorkflowRun(run.path("executionId").asString(""), text(run.path("workflowId")),
        run.hasNonNull("version") ? run.path("version").asInt() : null, run.path("triggerType").asString("manual"),
        run.path("status").asString(""), text(run.path("currentStep")), run.path("progress").asInt(0), steps,
        text(run.path("error")), text(run.path("retryOf")), instant(run.path("createdAt")), instant(run.path("lastUpdate")));
  }

  private static @Nullable String text(JsonNode node) {
    return node.isString() ? node.asString() : null;
  }

  private static @Nullable Instant instant(JsonNode node) {
    return node.isString() && !node.asString().isBlank() ? Instant.parse(node.asString()) : null;
  }
}
