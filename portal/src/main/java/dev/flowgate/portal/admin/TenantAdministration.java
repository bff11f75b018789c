package dev.flowgate.portal.admin;

import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.base.security.PlatformScope;
import dev.flowgate.portal.controlplane.ConfigChanges;
import dev.flowgate.portal.tenants.Tenant;
import dev.flowgate.portal.tenants.TenantRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's view of every tenant: search, detail, suspension and reinstatement. A status
 * change bumps the config version and, after commit, tells the gateways on
 * {@code config.invalidations}, so a suspended tenant's calls answer 403 within seconds; each one
 * is audited in the target tenant's trail with the operator as the actor.
 */
@Service
public class TenantAdministration {

  static final int MAX_REASON = 500;
  private static final Set<String> STATUSES = Set.of("active", "suspended");
  private static final Map<String, String> TENANT_SORTS =
      Map.of("name", "t.name", "slug", "t.slug", "status", "t.status", "createdAt", "t.created_at");
  private static final Map<String, String> USER_SORTS =
      Map.of("email", "u.email", "role", "u.role", "createdAt", "u.created_at");
  private static final String TENANT_COLUMNS = """
      t.id, t.slug, t.name, t.status, t.created_at, t.suspended_reason, t.suspended_at, t.deleted_at, t.purge_after,
      (select count(*) from users u where u.tenant_id = t.id) as user_count""";

  private static final String USER_SELECT = """
      select u.id, u.email, u.role, u.tenant_id, t.slug, t.name, u.created_at, u.disabled_at
      from users u join tenants t on t.id = u.tenant_id""";

  private final JdbcClient jdbc;
  private final TenantRepository tenants;
  private final ConfigChanges changes;
  private final AuditTrail audit;
  private final Clock clock;

  TenantAdministration(JdbcClient jdbc, TenantRepository tenants, ConfigChanges changes, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.changes = changes;
    this.audit = audit;
    this.clock = clock;
  }

  /** Tenants whose name or slug contains the query (any case), optionally of one status. */
  @Transactional(readOnly = true, label = PlatformScope.LABEL)
  public Page<AdminTenantView> search(@Nullable String query, @Nullable String status, Pageable pageable) {
    String state = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    if (!state.isEmpty() && !STATUSES.contains(state)) {
      throw new InvalidInputException("status", "must be active or suspended");
    }
    String where = " where (:like = '' or lower(t.name) like :like escape '\\' or lower(t.slug) like :like escape '\\')"
        + " and (:status = '' or t.status = :status)";
    String like = like(query);
    long total = jdbc.sql("select count(*) from tenants t" + where)
        .param("like", like).param("status", state).query(Long.class).single();
    List<AdminTenantView> items = jdbc.sql("select " + TENANT_COLUMNS + " from tenants t" + where
            + orderBy(pageable, TENANT_SORTS, "t.created_at desc") + ", t.id limit :limit offset :offset")
        .param("like", like).param("status", state)
        .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
        .query((rs, n) -> tenant(rs))
        .list();
    return new PageImpl<>(items, pageable, total);
  }

  @Transactional(readOnly = true, label = PlatformScope.LABEL)
  public AdminTenantView get(UUID id) {
    return jdbc.sql("select " + TENANT_COLUMNS + " from tenants t where t.id = ?").param(id)
        .query((rs, n) -> tenant(rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("tenant", id));
  }

  /** Users of every tenant whose email contains the query, optionally of one tenant. */
  @Transactional(readOnly = true, label = PlatformScope.LABEL)
  public Page<AdminUserView> users(@Nullable String query, @Nullable UUID tenantId, Pageable pageable) {
    String where = " where (:like = '' or lower(u.email) like :like escape '\\')"
        + " and (cast(:tenant as uuid) is null or u.tenant_id = cast(:tenant as uuid))";
    String like = like(query);
    String tenant = tenantId == null ? null : tenantId.toString();
    long total = jdbc.sql("select count(*) from users u" + where)
        .param("like", like).param("tenant", tenant).query(Long.class).single();
    List<AdminUserView> items = jdbc.sql(USER_SELECT + where
            + orderBy(pageable, USER_SORTS, "u.created_at desc") + ", u.id limit :limit offset :offset")
        .param("like", like).param("tenant", tenant)
        .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
        .query((rs, n) -> user(rs))
        .list();
    return new PageImpl<>(items, pageable, total);
  }

  @Transactional(readOnly = true, label = PlatformScope.LABEL)
  public AdminUserView user(UUID id) {
    return jdbc.sql(USER_SELECT + " where u.id = ?").param(id).query((rs, n) -> user(rs)).optional()
        .orElseThrow(() -> new NotFoundException("user", id));
  }

  private static AdminUserView user(ResultSet rs) throws SQLException {
    return new AdminUserView(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("role"),
        rs.getObject("tenant_id", UUID.class), rs.getString("slug"), rs.getString("name"),
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("disabled_at") != null);
  }

  /** Suspends the tenant: the gateways refuse its calls (403) and its users see the reason. */
  @Transactional(label = PlatformScope.LABEL)
  public AdminTenantView suspend(PlatformPrincipal admin, UUID id, @Nullable String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON) {
      throw new InvalidInputException("reason", "must be 1-" + MAX_REASON + " characters");
    }
    return change(admin, id, "suspended", tenant -> tenant.suspend(why, clock.instant()));
  }

  /** Reinstates the tenant: its calls and changes are accepted again. */
  @Transactional(label = PlatformScope.LABEL)
  public AdminTenantView reinstate(PlatformPrincipal admin, UUID id) {
    if (tenants.findById(id).filter(Tenant::isDeleted).isPresent()) {
      throw new ConflictException("The tenant is deleted: restore it instead");
    }
    return change(admin, id, "reinstated", Tenant::reinstate);
  }

  private AdminTenantView change(PlatformPrincipal admin, UUID id, String change, Consumer<Tenant> action) {
    Tenant tenant = tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant", id));
    AdminTenantView before = get(id);
    action.accept(tenant);
    tenants.saveAndFlush(tenant);
    AdminTenantView after = get(id);
    if (after.equals(before)) {
      return after; // already so: nothing to tell the gateways or the audit trail
    }
    changes.changed(id, "tenant", id, change);
    audit.record(admin.actorOn(id), "tenant." + change, "tenant", id, before, after);
    return after;
  }

  private static String like(@Nullable String query) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    if (q.length() > 100) {
      throw new InvalidInputException("q", "must be at most 100 characters");
    }
    return q.isEmpty() ? "" : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static String orderBy(Pageable pageable, Map<String, String> columns, String fallback) {
    if (pageable.getSort().isUnsorted()) {
      return " order by " + fallback;
    }
    StringBuilder order = new StringBuilder(" order by ");
    pageable.getSort().forEach(o -> {
      String column = columns.get(o.getProperty());
      if (column == null) {
        throw new InvalidInputException("sort", "must be one of " + String.join(", ", columns.keySet()));
      }
      order.append(order.length() > 10 ? ", " : "").append(column).append(o.isAscending() ? " asc" : " desc");
    });
    return order.toString();
  }

  private static AdminTenantView tenant(ResultSet rs) throws SQLException {
    return new AdminTenantView(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
        rs.getString("status"), rs.getTimestamp("created_at").toInstant(), rs.getLong("user_count"),
        rs.getString("suspended_reason"), instant(rs.getTimestamp("suspended_at")), instant(rs.getTimestamp("deleted_at")),
        instant(rs.getTimestamp("purge_after")));
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
