package dev.flowgate.worker.runs;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.worker.dsl.DefinitionParser;
import dev.flowgate.worker.dsl.RunState;
import dev.flowgate.worker.dsl.WorkflowDefinition;
import dev.flowgate.worker.events.WorkflowRunTransitioned;
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
 * What a run of an idempotent definition needs to start again after the local Temporal dev server
 * lost it: its definition and input, kept in {@code workflow_runs.restart_request}.
 */
@Repository
class RestartableRuns {

  private final JdbcClient jdbc;

  RestartableRuns(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
