package dev.flowgate.worker.schedules;

import dev.flowgate.contracts.EventCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Schedules in {@code workflows.workflow_schedules}: every read and write is scoped by tenant. */
@Repository
public class ScheduleRepository {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;

  ScheduleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates or replaces a schedule; false when the id belongs to another tenant or workflow. */
  public boolean save(Schedule schedule) {
    return jdbc.sql("""
            insert into workflows.workflow_schedules (id, tenant_id, workflow_id, version, cron, zone_id,
                missed_run_policy, input, next_fire_at, enabled)
            values (:id, :tenant, :workflow, :version, :cron, :zone, :policy, cast(:input as jsonb), :next, :enabled)
            on conflict (id) do update set version = excluded.version, cron = excluded.cron, zone_id = excluded.zone_id,
                missed_run_policy = excluded.missed_run_policy, input = excluded.input,
                next_fire_at = excluded.next_fire_at, enabled = excluded.enabled, updated_at = now()
            where workflow_schedules.tenant_id = excluded.tenant_id and workflow_schedules.workflow_id = excluded.workflow_id""")
        .param("id", schedule.id()).param("tenant", schedule.tenantId()).param("workflow", schedule.workflowId())
        .param("version", schedule.version()).param("cron", schedule.cron()).param("zone", schedule.zoneId())
        .param("policy", schedule.missedRunPolicy().name()).param("input", EventCodec.toJson(schedule.input()))
        .param("next", Timestamp.from(schedule.nextFireAt())).param("enabled", schedule.enabled())
        .update() == 1;
  }

  public List<Schedule> list(UUID tenantId, String workflowId) {
    return jdbc.sql("select * from workflows.workflow_schedules where tenant_id = :tenant and workflow_id = :workflow order by id")
        .param("tenant", tenantId).param("workflow", workflowId).query((rs, n) -> schedule(rs)).list();
  }

  public Optional<Schedule> find(UUID tenantId, String workflowId, String id) {
    return jdbc.sql("select * from workflows.workflow_schedules where tenant_id = :tenant and workflow_id = :workflow and id = :id")
        .param("tenant", tenantId).param("workflow", workflowId).param("id", id).query((rs, n) -> schedule(rs)).optional();
  }

  public boolean delete(UUID tenantId, String workflowId, String id) {
    return jdbc.sql("delete from workflows.workflow_schedules where tenant_id = :tenant and workflow_id = :workflow and id = :id")
        .param("tenant", tenantId).param("workflow", workflowId).param("id", id).update() == 1;
  }

  /**
   * Locks one enabled schedule due at {@code now} that no other transaction holds, or none. Only
   * inside a transaction: the lock lasts until it ends, so no other scheduler fires it meanwhile.
   */
  Optional<Schedule> claimDue(Instant now) {
    return jdbc.sql("""
            select * from workflows.workflow_schedules where enabled and next_fire_at <= :now
            order by next_fire_at limit 1 for update skip locked""")
        .param("now", Timestamp.from(now)).query((rs, n) -> schedule(rs)).optional();
  }

  /** Moves a claimed schedule on to its next fire time. */
  void advance(String id, Instant next, @Nullable Instant lastFired) {
    jdbc.sql("""
            update workflows.workflow_schedules set next_fire_at = :next,
                last_fired_at = coalesce(cast(:fired as timestamptz), last_fired_at) where id = :id""")
        .param("next", Timestamp.from(next)).param("fired", lastFired == null ? null : Timestamp.from(lastFired))
        .param("id", id).update();
  }

  private static Schedule schedule(ResultSet rs) throws SQLException {
    int version = rs.getInt("version");
    Integer pinned = rs.wasNull() ? null : version;
    Timestamp lastFired = rs.getTimestamp("last_fired_at");
    return new Schedule(rs.getString("id"), rs.getObject("tenant_id", UUID.class), rs.getString("workflow_id"), pinned,
        rs.getString("cron"), rs.getString("zone_id"), MissedRunPolicy.valueOf(rs.getString("missed_run_policy")),
        EventCodec.read(rs.getString("input"), MAP), rs.getTimestamp("next_fire_at").toInstant(),
        lastFired == null ? null : lastFired.toInstant(), rs.getBoolean("enabled"));
  }
}
