package dev.flowgate.worker.runs;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.worker.dsl.DefinitionParser;
import dev.flowgate.worker.dsl.RunState;
import dev.flowgate.worker.dsl.RunStatus;
import dev.flowgate.worker.dsl.StepState;
import dev.flowgate.worker.dsl.StepStatus;
import dev.flowgate.worker.dsl.WorkflowDefinition;
import dev.flowgate.worker.events.Transitions;
import dev.flowgate.worker.events.WorkflowRunTransitioned;
import dev.flowgate.worker.events.WorkflowTransition;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Runs the workflow engine lost (a restarted local Temporal dev server): finding candidates, marking
 * them FAILED, and what a run of an idempotent definition needs to start again instead (its
 * definition and input, kept in {@code workflow_runs.restart_request}).
 */
@Repository
class LostRuns {

  private final JdbcClient jdbc;
  private final RunIndex index;

  LostRuns(JdbcClient jdbc, RunIndex index) {
    this.jdbc = jdbc;
    this.index = index;
  }

  /** A run the index believes is not over, as last updated. */
  record Unfinished(String executionId, Instant lastUpdate) {}

  /** Runs the index believes are not over, not updated for {@code quietFor}, oldest first. */
  List<Unfinished> unfinished(Duration quietFor, int limit) {
    return jdbc.sql("""
            select execution_id, last_update from workflows.workflow_runs
            where status in ('PENDING', 'RUNNING') and last_update < now() - make_interval(secs => :quiet)
            order by last_update limit :limit""")
        .param("quiet", (double) quietFor.toSeconds()).param("limit", limit)
        .query((rs, n) -> new Unfinished(rs.getString("execution_id"), rs.getTimestamp("last_update").toInstant()))
        .list();
  }

  /** Whether the run is still unfinished and nothing has updated it since {@code run} was read. */
  boolean untouched(Unfinished run) {
    return jdbc.sql("""
            select count(*) from workflows.workflow_runs
            where execution_id = :id and status in ('PENDING', 'RUNNING') and last_update = :seen""")
        .param("id", run.executionId()).param("seen", Timestamp.from(run.lastUpdate()))
        .query(Long.class).single() == 1;
  }

  /**
   * Marks a run Temporal no longer knows as FAILED with {@code reason}, its unfinished steps too,
   * and returns the transitions that made.
   */
  @Transactional
  List<WorkflowTransition> markLost(String executionId, String reason) {
    Optional<RunSnapshot> before = jdbc.sql("""
            select * from workflows.workflow_runs where execution_id = :id and status in ('PENDING', 'RUNNING') for update""")
        .param("id", executionId)
        .query((rs, n) -> {
          int version = rs.getInt("version");
          Integer pinned = rs.wasNull() ? null : version;
          return new RunSnapshot(executionId, rs.getString("tenant_id"), rs.getString("workflow_id"), pinned,
              rs.getString("trigger_type"), rs.getLong("revision") + 1000000,
              new RunStatus(RunState.valueOf(rs.getString("status")), null, 0, List.of(), null));
        })
        .optional();
    if (before.isEmpty()) {
      return List.of();
    }
    long transitions = jdbc.sql("select transitions from workflows.workflow_runs where execution_id = :id")
        .param("id", executionId).query(Long.class).single();
    List<StepStatus> stepsBefore = stepsOf(before.get().tenantId(), executionId);
    jdbc.sql("""
            update workflows.workflow_runs set status = 'FAILED', error = :reason, current_step = null,
                revision = revision + 1000000, last_update = now()
            where execution_id = :id and status in ('PENDING', 'RUNNING')""")
        .param("id", executionId).param("reason", reason).update();
    jdbc.sql("""
            update workflows.workflow_run_steps set
                status = case when status = 'EXECUTING' then 'FAILED' else 'SKIPPED' end,
                error = :reason, ended_at = now()
            where execution_id = :id and status in ('QUEUED', 'EXECUTING')""")
        .param("id", executionId).param("reason", reason).update();
    List<StepStatus> stepsAfter = stepsOf(before.get().tenantId(), executionId);
    Map<String, StepState> previous = new HashMap<>();
    stepsBefore.forEach(step -> previous.put(step.id(), step.status()));
    RunSnapshot lost = new RunSnapshot(executionId, before.get().tenantId(), before.get().workflowId(),
        before.get().version(), before.get().triggerType(), before.get().revision(),
        new RunStatus(RunState.FAILED, null, 100, stepsAfter, reason));
    List<WorkflowTransition> made = Transitions.between(before.get().status().status(), previous, lost, transitions);
    if (!made.isEmpty()) {
      jdbc.sql("update workflows.workflow_runs set transitions = :n where execution_id = :id")
          .param("n", made.getLast().sequence()).param("id", executionId).update();
    }
    return made;
  }

  private List<StepStatus> stepsOf(String tenantId, String executionId) {
    return index.find(UUID.fromString(tenantId), executionId).map(RunView::steps).orElse(List.of());
  }

  /** A run to start again. */
  record Restart(
      String executionId, UUID tenantId, @Nullable String workflowId, @Nullable Integer version, String triggerType,
      RunState status, WorkflowDefinition definition, Map<String, Object> input) {}

  void keep(String executionId, WorkflowDefinition definition, @Nullable Map<String, Object> input) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("definition", definition);
    request.put("input", input == null ? Map.of() : input);
    jdbc.sql("update workflows.workflow_runs set restart_request = cast(:request as jsonb) where execution_id = :id")
        .param("request", EventCodec.toJson(request)).param("id", executionId).update();
  }

  /** The unfinished run's restart request, if it has one. */
  @SuppressWarnings("unchecked")
  Optional<Restart> find(String executionId) {
    return jdbc.sql("""
            select * from workflows.workflow_runs
            where execution_id = :id and status in ('PENDING', 'RUNNING') and restart_request is not null""")
        .param("id", executionId)
        .query((rs, n) -> {
          JsonNode request = EventCodec.mapper().readTree(rs.getString("restart_request"));
          int version = rs.getInt("version");
          Integer pinned = rs.wasNull() ? null : version;
          return new Restart(executionId, rs.getObject("tenant_id", UUID.class), rs.getString("workflow_id"), pinned,
              rs.getString("trigger_type"), RunState.valueOf(rs.getString("status")),
              DefinitionParser.parse(request.path("definition").toString()),
              EventCodec.mapper().convertValue(request.path("input"), Map.class));
        })
        .optional();
  }

  /**
   * Puts the run back to PENDING with no steps (the new execution reports them afresh from revision
   * 1) and returns that transition, numbered on from the run's last one.
   */
  @Transactional
  List<WorkflowRunTransitioned> reset(Restart run, String reason) {
    long sequence = jdbc.sql("""
            update workflows.workflow_runs set status = 'PENDING', current_step = null, progress = 0, error = null,
                revision = 0, refused_signals = '[]', transitions = transitions + 1, last_update = now()
            where execution_id = :id and status in ('PENDING', 'RUNNING') returning transitions""")
        .param("id", run.executionId()).query(Long.class).optional().orElse(-1L);
    if (sequence < 0) {
      return List.of();
    }
    jdbc.sql("delete from workflows.workflow_run_steps where execution_id = :id").param("id", run.executionId()).update();
    return List.of(new WorkflowRunTransitioned(run.executionId(), run.tenantId().toString(), run.workflowId(),
        run.version(), run.triggerType(), run.status(), RunState.PENDING, reason, sequence, 0));
  }
}
