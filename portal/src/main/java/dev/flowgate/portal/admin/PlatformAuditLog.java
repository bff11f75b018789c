package dev.flowgate.portal.admin;

import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.PlatformScope;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of every tenant at once, newest first, for the platform's operators: what
 * happened where, by whom (a tenant's user or token, or an operator acting on the tenant).
 * Only platform principals reach it, and their transactions see every tenant's rows.
 */
@Service
public class PlatformAuditLog {

  private final JdbcClient jdbc;

  PlatformAuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One entry, with the tenant it belongs to; before/after stay in the tenant's own view. */
  public record Entry(UUID id, UUID tenantId, String tenantSlug, @Nullable UUID actorId, String actorType,
      String action, String resourceType, @Nullable String resourceId, Instant occurredAt) {}

  /** Entries of one tenant or all, optionally of one actor type ({@code platform} for operators' actions). */
  @Transactional(readOnly = true, label = PlatformScope.LABEL)
  public Page<Entry> find(@Nullable UUID tenantId, @Nullable String actorType, @Nullable String action, Pageable pageable) {
    String type = actorType == null ? "" : actorType.strip().toLowerCase(Locale.ROOT);
    String act = action == null ? "" : action.strip();
    if (act.length() > 64 || type.length() > 16) {
      throw new InvalidInputException(act.length() > 64 ? "action" : "actorType", "is too long");
    }
    String where = " where (cast(:tenant as uuid) is null or a.tenant_id = cast(:tenant as uuid))"
        + " and (:type = '' or a.actor_type = :type) and (:action = '' or a.action = :action)";
    String tenant = tenantId == null ? null : tenantId.toString();
    long total = jdbc.sql("select count(*) from audit_logs a" + where)
        .param("tenant", tenant).param("type", type).param("action", act).query(Long.class).single();
    List<Entry> items = jdbc.sql("""
            select a.id, a.tenant_id, t.slug, a.actor_id, a.actor_type, a.action, a.resource_type, a.resource_id,
                   a.occurred_at
            from audit_logs a join tenants t on t.id = a.tenant_id""" + where
            + " order by a.occurred_at desc, a.id limit :limit offset :offset")
        .param("tenant", tenant).param("type", type).param("action", act)
        .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
        .query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
            rs.getString("slug"), rs.getObject("actor_id", UUID.class), rs.getString("actor_type"),
            rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
            rs.getTimestamp("occurred_at").toInstant()))
        .list();
    return new PageImpl<>(items, pageable, total);
  }
}
