package dev.flowgate.portal.workflows;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * A workflow's triggers. A {@code schedule} trigger is also a schedule on the worker: the worker
 * is called inside the transaction, so when it does not answer nothing is stored (503).
 */
@Service
public class WorkflowTriggers {

  static final Set<String> TYPES = Set.of("schedule", "manual", "api_route");
  static final Set<String> MISSED_RUN_POLICIES = Set.of("SKIP", "RUN_ONCE", "RUN_ALL");

  private static final String SELECT = """
      select id, workflow_id, type, cron, zone, missed_run_policy, route_id, input_template::text as input_template, created_at
      from workflow_triggers""";

  private final JdbcClient jdbc;
  private final WorkflowManagement workflows;
  private final WorkerClient worker;
  private final AuditTrail audit;
  private final Clock clock;

  WorkflowTriggers(JdbcClient jdbc, WorkflowManagement workflows, WorkerClient worker, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.workflows = workflows;
    this.worker = worker;
    this.audit = audit;
    this.clock = clock;
  }

  /** {@code POST /api/v1/workflows/{id}/triggers} body. */
  public record TriggerRequest(@Nullable String type, @Nullable String cron, @Nullable String zone,
      @Nullable String missedRunPolicy, @Nullable String routeId, @Nullable JsonNode inputTemplate) {}

  @Transactional(readOnly = true)
  public List<WorkflowTriggerView> list(Actor actor, UUID workflowId) {
    workflows.get(actor, workflowId);
    return jdbc.sql(SELECT + " where tenant_id = :t and workflow_id = :w order by created_at, id")
        .param("t", actor.tenantId()).param("w", workflowId).query(WorkflowTriggers::view).list();
  }

  @Transactional
  public WorkflowTriggerView create(Actor actor, UUID workflowId, TriggerRequest request) {
    workflows.get(actor, workflowId);
    List<FieldError> errors = new ArrayList<>();
    String type = request.type() == null ? "" : request.type().strip().toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      errors.add(new FieldError("type", "must be one of schedule, manual, api_route"));
    }
    String cron = null;
    String zone = null;
    String policy = null;
    UUID routeId = null;
    if (type.equals("schedule")) {
      cron = request.cron() == null ? "" : request.cron().strip();
      if (cron.isEmpty()) {
        errors.add(new FieldError("cron", "must not be empty for a schedule trigger"));
      } else if (cron.split("\\s+").length != 6) {
        errors.add(new FieldError("cron", "must have 6 fields (seconds first)"));
      } else {
        try {
          CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("cron", "is not a valid cron expression: " + e.getMessage()));
        }
      }
      zone = request.zone() == null || request.zone().isBlank() ? "UTC" : request.zone().strip();
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        errors.add(new FieldError("zone", "is not a known time zone"));
      }
      policy = request.missedRunPolicy() == null || request.missedRunPolicy().isBlank()
          ? "SKIP" : request.missedRunPolicy().strip().toUpperCase(Locale.ROOT);
      if (!MISSED_RUN_POLICIES.contains(policy)) {
        errors.add(new FieldError("missedRunPolicy", "must be one of SKIP, RUN_ONCE, RUN_ALL"));
      }
    } else if (request.cron() != null || request.zone() != null || request.missedRunPolicy() != null) {
      errors.add(new FieldError("cron", "only a schedule trigger has cron, zone and missedRunPolicy"));
    }
    if (type.equals("api_route")) {
      routeId = ownRoute(actor, request.routeId(), errors);
    } else if (request.routeId() != null) {
      errors.add(new FieldError("routeId", "only an api_route trigger has a route"));
    }
    JsonNode template = request.inputTemplate();
    if (template != null && template.isNull()) {
      template = null;
    }
    if (template != null && !template.isObject()) {
      errors.add(new FieldError("inputTemplate", "must be a JSON object"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into workflow_triggers (id, tenant_id, workflow_id, type, cron, zone, missed_run_policy, route_id,
                                           input_template, created_by, created_at)
            values (:id, :t, :w, :type, :cron, :zone, :policy, :route, cast(:template as jsonb), :by, :at)""")
        .param("id", id).param("t", actor.tenantId()).param("w", workflowId).param("type", type)
        .param("cron", cron).param("zone", zone).param("policy", policy).param("route", routeId)
        .param("template", template == null ? null : EventCodec.toJson(template))
        .param("by", actor.id()).param("at", Timestamp.from(clock.instant()))
        .update();
    WorkflowTriggerView view = get(actor, workflowId, id);
    audit.record(actor, "workflow_trigger.created", "workflow_trigger", id, null, view);
    if (type.equals("schedule")) {
      // last: a worker that does not answer rolls the insert and the audit record back
      worker.putSchedule(actor.tenantId(), view);
    }
    return view;
  }

  @Transactional
  public void delete(Actor actor, UUID workflowId, UUID triggerId) {
    workflows.get(actor, workflowId);
    WorkflowTriggerView before = get(actor, workflowId, triggerId);
    jdbc.sql("delete from workflow_triggers where id = ? and tenant_id = ? and workflow_id = ?")
        .params(triggerId, actor.tenantId(), workflowId).update();
    audit.record(actor, "workflow_trigger.deleted", "workflow_trigger", triggerId, before, null);
    if (before.type().equals("schedule")) {
      worker.deleteSchedule(actor.tenantId(), workflowId, triggerId);
    }
  }

  private WorkflowTriggerView get(Actor actor, UUID workflowId, UUID id) {
    return jdbc.sql(SELECT + " where id = :id and tenant_id = :t and workflow_id = :w")
        .param("id", id).param("t", actor.tenantId()).param("w", workflowId)
        .query(WorkflowTriggers::view).optional().orElseThrow(() -> new NotFoundException("workflow trigger", id));
  }

  private @Nullable UUID ownRoute(Actor actor, @Nullable String routeId, List<FieldError> errors) {
    if (routeId == null || routeId.isBlank()) {
      errors.add(new FieldError("routeId", "must name one of your routes for an api_route trigger"));
      return null;
    }
    UUID id;
    try {
      id = UUID.fromString(routeId.strip());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("routeId", "must name one of your routes for an api_route trigger"));
      return null;
    }
    boolean own = jdbc.sql("select count(*) > 0 from routes where id = ? and tenant_id = ?")
        .params(id, actor.tenantId()).query(Boolean.class).single();
    if (!own) {
      errors.add(new FieldError("routeId", "must name one of your routes for an api_route trigger"));
      return null;
    }
    return id;
  }

  private static WorkflowTriggerView view(ResultSet rs, int row) throws SQLException {
    String template = rs.getString("input_template");
    return new WorkflowTriggerView(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
        rs.getString("type"), rs.getString("cron"), rs.getString("zone"), rs.getString("missed_run_policy"),
        rs.getObject("route_id", UUID.class), template == null ? null : EventCodec.mapper().readTree(template),
        rs.getTimestamp("created_at").toInstant());
  }
}
