package dev.flowgate.portal.controlplane;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Builds the snapshot every gateway serves from: all tenants, services, routes (with the
 * {@code workflow_trigger} policies of their api_route triggers) and live keys.
 */
@Service
public class SnapshotService {

  private static final TypeReference<List<GatewaySnapshot.Policy>> POLICIES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final Clock clock;

  SnapshotService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One consistent read: the version matches exactly the rows returned with it. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public GatewaySnapshot current() {
    long version = jdbc.sql("select version from config_version where id = 1").query(Long.class).single();
    List<GatewaySnapshot.Tenant> tenants = jdbc.sql("select id, slug, status from tenants order by created_at, id")
        .query((rs, n) -> new GatewaySnapshot.Tenant(uuid(rs, "id"), rs.getString("slug"), rs.getString("status"), null))
        .list();
    List<GatewaySnapshot.Service> services = jdbc.sql("""
            select id, tenant_id, name, url, connect_timeout_ms, read_timeout_ms, retries, health_check_path
            from services order by tenant_id, name""")
        .query((rs, n) -> new GatewaySnapshot.Service(uuid(rs, "id"), uuid(rs, "tenant_id"), rs.getString("name"),
            rs.getString("url"), rs.getInt("connect_timeout_ms"), rs.getInt("read_timeout_ms"), rs.getInt("retries"),
            rs.getString("health_check_path")))
        .list();
    List<GatewaySnapshot.Route> routes = jdbc.sql("""
            select id, tenant_id, service_id, name, paths, methods, hosts, strip_path, policies::text as policies
            from routes order by tenant_id, name""")
        .query((rs, n) -> new GatewaySnapshot.Route(uuid(rs, "id"), uuid(rs, "tenant_id"), uuid(rs, "service_id"),
            rs.getString("name"), strings(rs.getArray("paths")), strings(rs.getArray("methods")),
            strings(rs.getArray("hosts")), rs.getBoolean("strip_path"),
            EventCodec.read(rs.getString("policies"), POLICIES)))
        .list();
    Map<UUID, List<GatewaySnapshot.Policy>> triggers = RouteTriggerPolicies.read(jdbc);
    routes = routes.stream().map(route -> RouteTriggerPolicies.withTriggers(route, triggers)).toList();
    List<GatewaySnapshot.ApiKey> keys = jdbc.sql("""
            select id, tenant_id, lookup_prefix, secret_digest, previous_secret_digest, previous_valid_until,
                   scopes, rate_limit_limit, rate_limit_window, expires_at
            from api_keys where revoked_at is null order by tenant_id, created_at, id""")
        .query((rs, n) -> key(rs))
        .list();
    return new GatewaySnapshot(GatewaySnapshot.SCHEMA_VERSION, version, clock.instant(), tenants, services, routes, keys);
  }

  private static GatewaySnapshot.ApiKey key(ResultSet rs) throws SQLException {
    long limit = rs.getLong("rate_limit_limit");
    GatewaySnapshot.RateLimit rateLimit =
        rs.wasNull() ? null : new GatewaySnapshot.RateLimit(limit, rs.getInt("rate_limit_window"));
    String previous = rs.getString("previous_secret_digest");
    return new GatewaySnapshot.ApiKey(uuid(rs, "id"), uuid(rs, "tenant_id"), rs.getString("lookup_prefix"),
        rs.getString("secret_digest"), previous, instant(rs.getTimestamp("previous_valid_until")),
        strings(rs.getArray("scopes")), rateLimit, instant(rs.getTimestamp("expires_at")), "active");
  }

  private static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static List<String> strings(@Nullable Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
