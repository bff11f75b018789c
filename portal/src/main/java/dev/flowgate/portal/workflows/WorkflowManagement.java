package dev.flowgate.portal.workflows;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.web.ETags;
import dev.flowgate.portal.base.web.SqlOrder;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
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

/** A tenant's workflow definitions; every save appends an immutable version and an audit record. */
@Service
public class WorkflowManagement {

  private static final String SELECT = """
      select w.id, w.name, w.current_version, v.definition::text as definition, w.created_at, w.updated_at
      from workflows w join workflow_versions v on v.workflow_id = w.id and v.version = w.current_version""";

  /** Sortable properties of the list ({@code sort=name,asc}) and their columns. */
  static final Map<String, String> SORTS = Map.of("createdAt", "w.created_at", "updatedAt", "w.updated_at", "name", "w.name");

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  WorkflowManagement(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Page<WorkflowView> list(Actor actor, Pageable pageable) {
    long total = jdbc.sql("select count(*) from workflows where tenant_id = ?").param(actor.tenantId()).query(Long.class).single();
    String order = SqlOrder.of(pageable.getSort(), SORTS, "w.created_at desc", "w.id");
    List<WorkflowView> items = jdbc.sql(SELECT + " where w.tenant_id = :t" + order + " limit :l offset :o")
        .param("t", actor.tenantId()).param("l", pageable.getPageSize()).param("o", pageable.getOffset())
        .query(WorkflowRows::workflow).list();
    return new PageImpl<>(items, pageable, total);
  }

  @Transactional(readOnly = true)
  public WorkflowView get(Actor actor, UUID id) {
    return jdbc.sql(SELECT + " where w.id = :id and w.tenant_id = :t").param("id", id).param("t", actor.tenantId())
        .query(WorkflowRows::workflow).optional().orElseThrow(() -> new NotFoundException("workflow", id));
  }

  @Transactional(readOnly = true)
  public boolean exists(Actor actor, UUID id) {
    return jdbc.sql("select count(*) > 0 from workflows where id = ? and tenant_id = ?")
        .params(id, actor.tenantId()).query(Boolean.class).single();
  }

  @Transactional
  public WorkflowView create(Actor actor, JsonNode definition) {
    String name = validName(definition);
    if (nameTaken(actor.tenantId(), name, null)) {
      throw new ConflictException("A workflow named '" + name + "' already exists");
    }
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("insert into workflows (id, tenant_id, name, current_version, created_at, updated_at) values (?, ?, ?, 1, ?, ?)")
        .params(id, actor.tenantId(), name, now, now).update();
    insertVersion(actor, id, 1, definition, now);
    WorkflowView view = get(actor, id);
    audit.record(actor, "workflow.created", "workflow", id, null, summary(view));
    return view;
  }

  /** Saves the definition as the next version; the previous versions stay as they were. */
  @Transactional
  public WorkflowView update(Actor actor, UUID id, JsonNode definition) {
    return update(actor, id, definition, null);
  }

  /** @param ifMatch the caller's {@code If-Match}; a stale one answers 412 and saves nothing */
  @Transactional
  public WorkflowView update(Actor actor, UUID id, JsonNode definition, @Nullable String ifMatch) {
    return saveVersion(actor, id, definition, ifMatch, "workflow.updated", Map.of());
  }

  /**
   * Rollback: a new version whose definition equals {@code version}'s (history is never rewritten),
   * audited as {@code workflow.restored}.
   */
  @Transactional
  public WorkflowView restore(Actor actor, UUID id, int version, @Nullable String ifMatch) {
    lockCurrent(actor, id);
    JsonNode definition = version(actor.tenantId(), id, version).definition();
    return saveVersion(actor, id, definition, ifMatch, "workflow.restored", Map.of("restoredFrom", version));
  }

  private WorkflowView saveVersion(Actor actor, UUID id, JsonNode definition, @Nullable String ifMatch, String action,
      Map<String, Object> note) {
    String name = validName(definition);
    int current = lockCurrent(actor, id);
    WorkflowView before = get(actor, id);
    ETags.requireMatch(ifMatch, before);
    if (nameTaken(actor.tenantId(), name, id)) {
      throw new ConflictException("A workflow named '" + name + "' already exists");
    }
    Timestamp now = Timestamp.from(clock.instant());
    insertVersion(actor, id, current + 1, definition, now);
    jdbc.sql("update workflows set name = ?, current_version = ?, updated_at = ? where id = ? and tenant_id = ?")
        .params(name, current + 1, now, id, actor.tenantId()).update();
    WorkflowView after = get(actor, id);
    Map<String, Object> summary = new LinkedHashMap<>(summary(after));
    summary.putAll(note);
    audit.record(actor, action, "workflow", id, summary(before), summary);
    return after;
  }

  private int lockCurrent(Actor actor, UUID id) {
    return jdbc.sql("select current_version from workflows where id = ? and tenant_id = ? for update")
        .params(id, actor.tenantId()).query(Integer.class).optional()
        .orElseThrow(() -> new NotFoundException("workflow", id));
  }

  @Transactional(readOnly = true)
  public Page<WorkflowVersionView> versions(Actor actor, UUID id, Pageable pageable) {
    get(actor, id);
    long total = jdbc.sql("select count(*) from workflow_versions where workflow_id = ?").param(id).query(Long.class).single();
    List<WorkflowVersionView> items = jdbc.sql("""
            select workflow_id, version, definition::text as definition, created_by, created_at
            from workflow_versions where workflow_id = :id"""
            + SqlOrder.of(pageable.getSort(), Map.of("version", "version"), "version desc", "version") + " limit :l offset :o")
        .param("id", id).param("l", pageable.getPageSize()).param("o", pageable.getOffset())
        .query(WorkflowRows::version).list();
    return new PageImpl<>(items, pageable, total);
  }

  /** One pinned version, for the caller's tenant only (the worker asks with the run's tenant). */
  @Transactional(readOnly = true)
  public WorkflowVersionView version(UUID tenantId, UUID id, int version) {
    return jdbc.sql("""
            select v.workflow_id, v.version, v.definition::text as definition, v.created_by, v.created_at
            from workflow_versions v join workflows w on w.id = v.workflow_id
            where w.tenant_id = :t and w.id = :id and v.version = :v""")
        .param("t", tenantId).param("id", id).param("v", version)
        .query(WorkflowRows::version).optional()
        .orElseThrow(() -> new NotFoundException("workflow version", id + "@" + version));
  }

  /** The current version, for the given tenant only (schedules with no pinned version). */
  @Transactional(readOnly = true)
  public WorkflowVersionView currentVersion(UUID tenantId, UUID id) {
    return jdbc.sql("""
            select v.workflow_id, v.version, v.definition::text as definition, v.created_by, v.created_at
            from workflow_versions v join workflows w on w.id = v.workflow_id and v.version = w.current_version
            where w.tenant_id = :t and w.id = :id""")
        .param("t", tenantId).param("id", id)
        .query(WorkflowRows::version).optional()
        .orElseThrow(() -> new NotFoundException("workflow", id));
  }

  private void insertVersion(Actor actor, UUID id, int version, JsonNode definition, Timestamp now) {
    jdbc.sql("""
            insert into workflow_versions (workflow_id, version, definition, created_by, created_at)
            values (?, ?, cast(? as jsonb), ?, ?)""")
        .params(id, version, EventCodec.toJson(definition), actor.id(), now).update();
  }

  private boolean nameTaken(UUID tenantId, String name, @Nullable UUID except) {
    return jdbc.sql("select count(*) > 0 from workflows where tenant_id = ? and name = ? and id <> ?")
        .params(tenantId, name, except == null ? new UUID(0, 0) : except).query(Boolean.class).single();
  }

  private static String validName(JsonNode definition) {
    var errors = WorkflowDefinitions.validate(definition);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return definition.path("name").asString().strip();
  }

  private static Map<String, Object> summary(WorkflowView view) {
    return Map.of("id", view.id(), "name", view.name(), "version", view.currentVersion(), "definition", view.definition());
  }
}
