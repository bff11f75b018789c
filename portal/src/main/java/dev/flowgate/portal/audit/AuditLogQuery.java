package dev.flowgate.portal.audit;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads a tenant's audit trail, newest first unless sorted by {@code occurredAt,asc}. */
@Component
public class AuditLogQuery {

  private final JdbcClient jdbc;

  AuditLogQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param actor a user id, or a user's email in the tenant
   * @param to exclusive
   */
  @Transactional(readOnly = true)
  public Page<AuditLogEntry> find(Actor caller, @Nullable String actor, @Nullable String resourceType,
      @Nullable String resourceId, @Nullable Instant from, @Nullable Instant to, Pageable pageable) {
    StringBuilder where = new StringBuilder(" where a.tenant_id = :tenantId");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("tenantId", caller.tenantId());
    if (actor != null && !actor.isBlank()) {
      where.append(" and a.actor_id = :actorId");
      params.put("actorId", actorId(caller, actor.strip()));
    }
    if (resourceType != null && !resourceType.isBlank()) {
      where.append(" and a.resource_type = :resourceType");
      params.put("resourceType", resourceType.strip());
    }
    if (resourceId != null && !resourceId.isBlank()) {
      where.append(" and a.resource_id = :resourceId");
      params.put("resourceId", resourceId.strip());
    }
    if (from != null) {
      where.append(" and a.occurred_at >= :from");
      params.put("from", Timestamp.from(from));
    }
    if (to != null) {
      where.append(" and a.occurred_at < :to");
      params.put("to", Timestamp.from(to));
    }
    long total = jdbc.sql("select count(*) from audit_logs a" + where).params(params).query(Long.class).single();
    List<AuditLogEntry> rows = jdbc.sql("""
            select a.id, a.actor_id, a.actor_type, a.action, a.resource_type, a.resource_id,
                   a.before::text as before, a.after::text as after, a.request_id, a.occurred_at
            from audit_logs a""" + where + " order by a.occurred_at " + direction(pageable) + ", a.id limit :limit offset :offset")
        .params(params)
        .param("limit", pageable.getPageSize())
        .param("offset", pageable.getOffset())
        .query(AuditLogQuery::entry)
        .list();
    return new PageImpl<>(rows, pageable, total);
  }

  private UUID actorId(Actor caller, String actor) {
    if (actor.contains("@")) {
      return jdbc.sql("select id from users where tenant_id = :tenantId and lower(email) = lower(:email)")
          .param("tenantId", caller.tenantId()).param("email", actor)
          .query(UUID.class).optional()
          .orElse(new UUID(0, 0));
    }
    try {
      return UUID.fromString(actor);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("actor", "must be a user id or email");
    }
  }

  private static String direction(Pageable pageable) {
    Sort.Direction direction = Sort.Direction.DESC;
    for (Sort.Order order : pageable.getSort()) {
      if (!order.getProperty().equals("occurredAt")) {
        throw new InvalidInputException("sort", "audit logs sort by occurredAt only");
      }
      direction = order.getDirection();
    }
    return direction.isAscending() ? "asc" : "desc";
  }

  private static AuditLogEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditLogEntry(
        rs.getObject("id", UUID.class),
        rs.getObject("actor_id", UUID.class),
        rs.getString("actor_type"),
        rs.getString("action"),
        rs.getString("resource_type"),
        rs.getString("resource_id"),
        json(rs.getString("before")),
        json(rs.getString("after")),
        rs.getString("request_id"),
        rs.getTimestamp("occurred_at").toInstant());
  }

  private static tools.jackson.databind.@Nullable JsonNode json(@Nullable String text) {
    return text == null ? null : EventCodec.mapper().readTree(text);
  }
}
