package dev.flowgate.portal.admin;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.PlatformScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * The audit trail of every tenant at once, newest first, for the platform's operators: what
 * happened where, by whom (a tenant's user or token, or an operator acting on the tenant), with
 * the before/after snapshots. Only platform principals reach it, and their transactions see every
 * tenant's rows.
 */
@Service
public class PlatformAuditLog {

  static final int MAX_TEXT = 100;
  /** Who an actor id stands for: a tenant's user, an operator, or the person a token belongs to. */
  private static final String PEOPLE = """
      with people (id, email) as (
        select u.id, u.email from users u
        union all select m.id, u.email from management_tokens m join users u on u.id = m.user_id
        union all select p.id, p.email from platform_users p
        union all select pt.id, p.email from platform_tokens pt join platform_users p on p.id = pt.platform_user_id)""";

  private static final String FROM = " from audit_logs a join tenants t on t.id = a.tenant_id";

  private final JdbcClient jdbc;

  PlatformAuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One entry, with the tenant it belongs to and the actor's email when the actor is a person. */
  public record Entry(UUID id, UUID tenantId, String tenantSlug, @Nullable UUID actorId, @Nullable String actorEmail,
      String actorType, String action, String resourceType, @Nullable String resourceId, @Nullable JsonNode before,
      @Nullable JsonNode after, Instant occurredAt) {}

  /**
   * What to look for; every part optional. {@code actor} is an actor's id or a person's email (a
   * tenant's user or an operator); {@code tenant} part of a tenant's slug; {@code to} is exclusive.
   */
  public record Filter(@Nullable UUID tenantId, @Nullable String tenant, @Nullable String actor,
      @Nullable String actorType, @Nullable String action, @Nullable String resourceType, @Nullable String resourceId,
      @Nullable Instant from, @Nullable Instant to) {}

  @Transactional(readOnly = true, label = PlatformScope.LABEL)
  public Page<Entry> find(Filter filter, Pageable pageable) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    long total = jdbc.sql("select count(*)" + FROM + where).params(params).query(Long.class).single();
    params.put("limit", pageable.getPageSize());
    params.put("offset", pageable.getOffset());
    List<Entry> items = jdbc.sql("""
            select a.id, a.tenant_id, t.slug, a.actor_id, a.actor_type, a.action, a.resource_type, a.resource_id,
                   a.before::text as before, a.after::text as after, a.occurred_at,
                   (""" + PEOPLE + " select email from people where people.id = a.actor_id limit 1) as actor_email"
            + FROM + where + " order by a.occurred_at desc, a.id limit :limit offset :offset")
        .params(params)
        .query((rs, n) -> entry(rs))
        .list();
    return new PageImpl<>(items, pageable, total);
  }

  /** Whether the entry is still among those the filter finds: a screen keeps its selection only then. */
  @Transactional(readOnly = true, label = PlatformScope.LABEL)
  public boolean includes(Filter filter, UUID id) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params) + " and a.id = :id";
    params.put("id", id);
    return jdbc.sql("select count(*)" + FROM + where).params(params).query(Long.class).single() > 0;
  }

  private static String where(Filter filter, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" where true");
    if (filter.tenantId() != null) {
      where.append(" and a.tenant_id = :tenantId");
      params.put("tenantId", filter.tenantId());
    }
    String tenant = text("tenant", filter.tenant()).toLowerCase(Locale.ROOT);
    if (!tenant.isEmpty()) {
      where.append(" and t.slug like :tenant escape '\\'");
      params.put("tenant", "%" + tenant.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    actor(text("actor", filter.actor()), where, params);
    equal("a.actor_type", "actorType", text("actorType", filter.actorType()).toLowerCase(Locale.ROOT), where, params);
    equal("a.action", "action", text("action", filter.action()), where, params);
    equal("a.resource_type", "resourceType", text("resourceType", filter.resourceType()), where, params);
    equal("a.resource_id", "resourceId", text("resourceId", filter.resourceId()), where, params);
    if (filter.from() != null) {
      where.append(" and a.occurred_at >= :from");
      params.put("from", Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      where.append(" and a.occurred_at < :to");
      params.put("to", Timestamp.from(filter.to()));
    }
    return where.toString();
  }

  /** An id matches the actor's id; anything else is an email, of a tenant's user or an operator. */
  private static void actor(String actor, StringBuilder where, Map<String, Object> params) {
    if (actor.isEmpty()) {
      return;
    }
    try {
      params.put("actorId", UUID.fromString(actor));
      where.append(" and a.actor_id = :actorId");
    } catch (IllegalArgumentException notAnId) {
      params.put("actorEmail", actor.toLowerCase(Locale.ROOT));
      where.append(" and a.actor_id in (" + PEOPLE + " select id from people where lower(email) = :actorEmail)");
    }
  }

  private static void equal(String column, String name, String value, StringBuilder where, Map<String, Object> params) {
    if (!value.isEmpty()) {
      where.append(" and ").append(column).append(" = :").append(name);
      params.put(name, value);
    }
  }

  private static String text(String field, @Nullable String value) {
    String text = value == null ? "" : value.strip();
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException(field, "must be at most " + MAX_TEXT + " characters");
    }
    return text;
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("slug"),
        rs.getObject("actor_id", UUID.class), rs.getString("actor_email"), rs.getString("actor_type"),
        rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"), json(rs.getString("before")),
        json(rs.getString("after")), rs.getTimestamp("occurred_at").toInstant());
  }

  private static @Nullable JsonNode json(@Nullable String text) {
    return text == null ? null : EventCodec.mapper().readTree(text);
  }
}
