package dev.flowgate.portal.workflows;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.web.ETags;
import dev.flowgate.portal.base.web.SqlOrder;
import dev.flowgate.portal.controlplane.ConfigChanges;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * A workflow's triggers. A {@code schedule} trigger is also a schedule on the worker: the worker
 * is called inside the transaction, so when it does not answer nothing is stored (503). An
 * {@code api_route} trigger becomes its route's {@code workflow_trigger} policy in the gateway
 * snapshot, so creating or deleting one is a configuration change of that route.
 */
@Service
public class WorkflowTriggers {

  private static final String SELECT = """
      select id, workflow_id, type, cron, zone, missed_run_policy, route_id, mode, workflow_version,
             input_template::text as input_template, created_at
      from workflow_triggers""";

  private final JdbcClient jdbc;
  private final WorkflowManagement workflows;
  private final WorkerClient worker;
  private final ConfigChanges configChanges;
  private final AuditTrail audit;
  private final Clock clock;

  WorkflowTriggers(JdbcClient jdbc, WorkflowManagement workflows, WorkerClient worker, ConfigChanges configChanges,
      AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.workflows = workflows;
    this.worker = worker;
    this.configChanges = configChanges;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * {@code POST /api/v1/workflows/{id}/triggers} body. {@code mode} ({@code async} by default) is
   * for api_route triggers; {@code version} pins a version (absent: the current one at run start).
   */
  public record TriggerRequest(@Nullable String type, @Nullable String cron, @Nullable String zone,
      @Nullable String missedRunPolicy, @Nullable String routeId, @Nullable String mode, @Nullable Integer version,
      @Nullable JsonNode inputTemplate) {}

  @Transactional(readOnly = true)
  public Page<WorkflowTriggerView> list(Actor actor, UUID workflowId, Pageable pageable) {
    workflows.get(actor, workflowId);
    long total = jdbc.sql("select count(*) from workflow_triggers where tenant_id = ? and workflow_id = ?")
        .params(actor.tenantId(), workflowId).query(Long.class).single();
    String order = SqlOrder.of(pageable.getSort(), Map.of("createdAt", "created_at", "type", "type"), "created_at", "id");
    List<WorkflowTriggerView> items = jdbc.sql(SELECT + " where tenant_id = :t and workflow_id = :w" + order + " limit :l offset :o")
        .param("t", actor.tenantId()).param("w", workflowId).param("l", pageable.getPageSize())
        .param("o", pageable.getOffset()).query(WorkflowTriggers::view).list();
    return new PageImpl<>(items, pageable, total);
  }

  @Transactional(readOnly = true)
  public WorkflowTriggerView get(Actor actor, UUID workflowId, UUID id) {
    return jdbc.sql(SELECT + " where id = :id and tenant_id = :t and workflow_id = :w")
        .param("id", id).param("t", actor.tenantId()).param("w", workflowId)
        .query(WorkflowTriggers::view).optional().orElseThrow(() -> new NotFoundException("workflow trigger", id));
  }

  @Transactional
  public WorkflowTriggerView create(Actor actor, UUID workflowId, TriggerRequest request) {
    workflows.get(actor, workflowId);
    TriggerRequests.Valid valid = TriggerRequests.validate(request, route -> ownRoute(actor, route),
        version -> versionExists(workflowId, version));
    if (valid.routeId() != null && routeTriggered(actor, valid.routeId())) {
      // the gateway runs one workflow per route; a second trigger would silently never fire
      throw new ConflictException("The route already triggers a workflow; delete that trigger first");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into workflow_triggers (id, tenant_id, workflow_id, type, cron, zone, missed_run_policy, route_id,
                                           mode, workflow_version, input_template, created_by, created_at)
            values (:id, :t, :w, :type, :cron, :zone, :policy, :route, :mode, :version, cast(:template as jsonb), :by, :at)""")
        .param("id", id).param("t", actor.tenantId()).param("w", workflowId).param("type", valid.type())
        .param("cron", valid.cron()).param("zone", valid.zone()).param("policy", valid.missedRunPolicy())
        .param("route", valid.routeId()).param("mode", valid.mode()).param("version", valid.version())
        .param("template", valid.inputTemplate() == null ? null : EventCodec.toJson(valid.inputTemplate()))
        .param("by", actor.id()).param("at", Timestamp.from(clock.instant()))
        .update();
    WorkflowTriggerView view = get(actor, workflowId, id);
    audit.record(actor, "workflow_trigger.created", "workflow_trigger", id, null, view);
    if (view.routeId() != null) {
      configChanges.changed(actor.tenantId(), "route", view.routeId(), "updated");
    }
    if (view.type().equals("schedule")) {
      // last: a worker that does not answer rolls the insert and the audit record back
      worker.putSchedule(actor.tenantId(), view);
    }
    return view;
  }

  /** @param ifMatch the trigger's ETag, or null; a stale one answers 412 and deletes nothing */
  @Transactional
  public void delete(Actor actor, UUID workflowId, UUID triggerId, @Nullable String ifMatch) {
    workflows.get(actor, workflowId);
    WorkflowTriggerView before = get(actor, workflowId, triggerId);
    ETags.requireMatch(ifMatch, before);
    jdbc.sql("delete from workflow_triggers where id = ? and tenant_id = ? and workflow_id = ?")
        .params(triggerId, actor.tenantId(), workflowId).update();
    audit.record(actor, "workflow_trigger.deleted", "workflow_trigger", triggerId, before, null);
    if (before.routeId() != null) {
      configChanges.changed(actor.tenantId(), "route", before.routeId(), "updated");
    }
    if (before.type().equals("schedule")) {
      worker.deleteSchedule(actor.tenantId(), workflowId, triggerId);
    }
  }

  private boolean ownRoute(Actor actor, UUID routeId) {
    return jdbc.sql("select count(*) > 0 from routes where id = ? and tenant_id = ?")
        .params(routeId, actor.tenantId()).query(Boolean.class).single();
  }

  private boolean routeTriggered(Actor actor, UUID routeId) {
    return jdbc.sql("select count(*) > 0 from workflow_triggers where tenant_id = ? and route_id = ? and type = 'api_route'")
        .params(actor.tenantId(), routeId).query(Boolean.class).single();
  }

  private boolean versionExists(UUID workflowId, int version) {
    return jdbc.sql("select count(*) > 0 from workflow_versions where workflow_id = ? and version = ?")
        .params(workflowId, version).query(Boolean.class).single();
  }

  private static WorkflowTriggerView view(ResultSet rs, int row) throws SQLException {
    String template = rs.getString("input_template");
    int version = rs.getInt("workflow_version");
    Integer pinned = rs.wasNull() ? null : version;
    return new WorkflowTriggerView(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
        rs.getString("type"), rs.getString("cron"), rs.getString("zone"), rs.getString("missed_run_policy"),
        rs.getObject("route_id", UUID.class), rs.getString("mode"), pinned,
        template == null ? null : EventCodec.mapper().readTree(template), rs.getTimestamp("created_at").toInstant());
  }
}
