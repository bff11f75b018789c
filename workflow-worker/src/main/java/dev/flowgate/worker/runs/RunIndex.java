package dev.flowgate.worker.runs;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.worker.dsl.RunState;
import dev.flowgate.worker.dsl.RunStatus;
import dev.flowgate.worker.dsl.SignalRefusal;
import dev.flowgate.worker.dsl.StepState;
import dev.flowgate.worker.dsl.StepStatus;
import dev.flowgate.worker.events.Transitions;
import dev.flowgate.worker.events.WorkflowTransition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The run index (schema {@code workflows}): every row carries its tenant, every read filters by it. */
@Repository
public class RunIndex {

  private final JdbcClient jdbc;

  RunIndex(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Registers a run about to start (its first transition, PENDING, is number 1) with its input,
   * kept for a retry, and the run it retries if any; an existing run (any tenant) is left alone.
   */
  public boolean register(String executionId, UUID tenantId, @Nullable String workflowId, @Nullable Integer version,
      String triggerType, @Nullable Map<String, Object> input, @Nullable String retryOf) {
    return jdbc.sql("""
            insert into workflows.workflow_runs (execution_id, tenant_id, workflow_id, version, trigger_type, status,
                                                 transitions, input, retry_of)
            values (:id, :tenant, :workflow, :version, :trigger, 'PENDING', 1, cast(:input as jsonb), :retryOf)
            on conflict (execution_id) do nothing""")
        .param("id", executionId).param("tenant", tenantId).param("workflow", workflowId)
        .param("version", version).param("trigger", triggerType)
        .param("input", EventCodec.toJson(input == null ? Map.of() : input)).param("retryOf", retryOf).update() == 1;
  }

  /**
   * The input {@code tenantId}'s run started with: kept since V5, or for an older run of an
   * idempotent definition in its restart request; empty when the run is unknown or kept none.
   */
  public Optional<Map<String, Object>> input(UUID tenantId, String executionId) {
    return jdbc.sql("""
            select coalesce(input, restart_request -> 'input')::text from workflows.workflow_runs
            where tenant_id = :tenant and execution_id = :id""")
        .param("tenant", tenantId).param("id", executionId)
        .query((rs, n) -> rs.getString(1)).optional()
        .filter(json -> json != null && !json.equals("null"))
        .map(json -> EventCodec.mapper().readValue(json, INPUT));
  }

  private static final tools.jackson.core.type.TypeReference<Map<String, Object>> INPUT = new tools.jackson.core.type.TypeReference<>() {};

  /**
   * Stores a snapshot unless a newer revision (or another tenant's run) is there, and returns the
   * transitions it made, numbered on from the run's last one (none when the snapshot was stale).
   */
  @Transactional
  public List<WorkflowTransition> record(RunSnapshot snapshot) {
    UUID tenant = UUID.fromString(snapshot.tenantId());
    // the run's row lock orders concurrent snapshots of one run, so their transitions never interleave;
    // a run nobody registered (a sub-workflow) gets its row first, so its first snapshots queue up too
    jdbc.sql("""
            insert into workflows.workflow_runs (execution_id, tenant_id, workflow_id, version, trigger_type, status)
            values (:id, :tenant, :workflow, :version, :trigger, 'PENDING') on conflict (execution_id) do nothing""")
        .param("id", snapshot.executionId()).param("tenant", tenant).param("workflow", snapshot.workflowId())
        .param("version", snapshot.version()).param("trigger", snapshot.triggerType() == null ? "manual" : snapshot.triggerType())
        .update();
    Optional<Previous> previous = jdbc.sql("""
            select status, transitions from workflows.workflow_runs where execution_id = :id and tenant_id = :tenant for update""")
        .param("id", snapshot.executionId()).param("tenant", tenant)
        .query((rs, n) -> new Previous(RunState.valueOf(rs.getString("status")), rs.getLong("transitions")))
        .optional()
        .filter(run -> run.transitions() > 0);
    Map<String, StepState> stepsBefore = new HashMap<>();
    if (previous.isPresent()) {
      jdbc.sql("select step_id, status from workflows.workflow_run_steps where execution_id = :id")
          .param("id", snapshot.executionId())
          .query((RowCallbackHandler) rs -> stepsBefore.put(rs.getString("step_id"), StepState.valueOf(rs.getString("status"))));
    }
    int updated = jdbc.sql("""
            insert into workflows.workflow_runs (execution_id, tenant_id, workflow_id, version, trigger_type, status,
                                       current_step, progress, error, revision, refused_signals, last_update)
            values (:id, :tenant, :workflow, :version, :trigger, :status, :current, :progress, :error, :revision,
                    cast(:refused as jsonb), now())
            on conflict (execution_id) do update set status = excluded.status, current_step = excluded.current_step,
                progress = excluded.progress, error = excluded.error, revision = excluded.revision,
                refused_signals = excluded.refused_signals, last_update = now()
            where workflow_runs.revision < excluded.revision and workflow_runs.tenant_id = excluded.tenant_id""")
        .param("id", snapshot.executionId()).param("tenant", tenant)
        .param("workflow", snapshot.workflowId()).param("version", snapshot.version())
        .param("trigger", snapshot.triggerType() == null ? "manual" : snapshot.triggerType())
        .param("status", snapshot.status().status().name()).param("current", snapshot.status().currentStep())
        .param("progress", snapshot.status().progress()).param("error", snapshot.status().error())
        .param("revision", snapshot.revision())
        .param("refused", EventCodec.toJson(snapshot.status().refusedSignals()))
        .update();
    if (updated == 0) {
      return List.of();
    }
    List<StepStatus> steps = snapshot.status().steps();
    for (int position = 0; position < steps.size(); position++) {
      StepStatus step = steps.get(position);
      jdbc.sql("""
              insert into workflows.workflow_run_steps (execution_id, step_id, tenant_id, position, status, attempts,
                                              started_at, ended_at, output, error)
              values (:id, :step, :tenant, :position, :status, :attempts, :started, :ended, cast(:output as jsonb), :error)
              on conflict (execution_id, step_id) do update set status = excluded.status, attempts = excluded.attempts,
                  started_at = excluded.started_at, ended_at = excluded.ended_at, output = excluded.output, error = excluded.error""")
          .param("id", snapshot.executionId()).param("step", step.id()).param("tenant", tenant)
          .param("position", position).param("status", step.status().name()).param("attempts", step.attempts())
          .param("started", timestamp(step.startedAt())).param("ended", timestamp(step.endedAt()))
          .param("output", step.output() == null ? null : EventCodec.toJson(PiiMasker.mask(step.output())))
          .param("error", step.error())
          .update();
    }
    List<WorkflowTransition> transitions = Transitions.between(previous.map(Previous::status).orElse(null), stepsBefore,
        snapshot, previous.map(Previous::transitions).orElse(0L));
    if (!transitions.isEmpty()) {
      jdbc.sql("update workflows.workflow_runs set transitions = :n where execution_id = :id")
          .param("n", transitions.getLast().sequence()).param("id", snapshot.executionId()).update();
    }
    return transitions;
  }

  private record Previous(RunState status, long transitions) {}

  /** The run, if it is {@code tenantId}'s. */
  public Optional<RunView> find(UUID tenantId, String executionId) {
    return jdbc.sql("select * from workflows.workflow_runs where tenant_id = :tenant and execution_id = :id")
        .param("tenant", tenantId).param("id", executionId)
        .query((rs, n) -> run(rs, steps(tenantId, executionId))).optional();
  }

  /**
   * A page of a workflow's runs (not its sub-workflow runs), newest first, optionally of one status
   * and started in {@code [from, to)}.
   */
  public RunPage list(UUID tenantId, String workflowId, RunFilter filter, int page, int size) {
    String where = "tenant_id = :tenant and workflow_id = :workflow and trigger_type <> 'sub_workflow'"
        + " and (cast(:status as text) is null or status = :status)"
        + " and (cast(:from as timestamptz) is null or created_at >= :from)"
        + " and (cast(:to as timestamptz) is null or created_at < :to)";
    String status = filter.status() == null ? null : filter.status().name();
    Timestamp from = filter.from() == null ? null : Timestamp.from(filter.from());
    Timestamp to = filter.to() == null ? null : Timestamp.from(filter.to());
    long total = jdbc.sql("select count(*) from workflows.workflow_runs where " + where)
        .param("tenant", tenantId).param("workflow", workflowId).param("status", status)
        .param("from", from).param("to", to)
        .query(Long.class).single();
    List<RunView> items = jdbc.sql("select * from workflows.workflow_runs where " + where
            + " order by created_at desc, execution_id limit :size offset :offset")
        .param("tenant", tenantId).param("workflow", workflowId).param("status", status)
        .param("from", from).param("to", to)
        .param("size", size).param("offset", (long) page * size)
        .query((rs, n) -> run(rs, List.of())).list();
    return new RunPage(items, page, size, total);
  }

  private List<StepStatus> steps(UUID tenantId, String executionId) {
    return jdbc.sql("""
            select * from workflows.workflow_run_steps where tenant_id = :tenant and execution_id = :id order by position""")
        .param("tenant", tenantId).param("id", executionId)
        .query((rs, n) -> new StepStatus(rs.getString("step_id"),
            StepState.valueOf(rs.getString("status")), rs.getInt("attempts"),
            instant(rs, "started_at"), instant(rs, "ended_at"),
            rs.getString("output") == null ? null : EventCodec.mapper().readValue(rs.getString("output"), Object.class),
            rs.getString("error")))
        .list();
  }

  private static RunView run(ResultSet rs, List<StepStatus> steps) throws SQLException {
    int version = rs.getInt("version");
    Integer pinned = rs.wasNull() ? null : version;
    return new RunView(rs.getString("execution_id"), rs.getString("workflow_id"), pinned,
        rs.getString("trigger_type"), RunState.valueOf(rs.getString("status")), rs.getString("current_step"),
        rs.getInt("progress"), steps, rs.getString("error"), refusals(rs.getString("refused_signals")),
        instant(rs, "created_at"), instant(rs, "last_update"), rs.getString("retry_of"));
  }

  private static List<SignalRefusal> refusals(@Nullable String json) {
    return json == null ? List.of() : List.of(EventCodec.mapper().readValue(json, SignalRefusal[].class));
  }

  private static @Nullable String instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant().toString();
  }

  private static @Nullable Timestamp timestamp(@Nullable String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }
}
