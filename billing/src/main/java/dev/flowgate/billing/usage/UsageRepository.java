package dev.flowgate.billing.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads a tenant's hourly or daily aggregates. */
@Repository
class UsageRepository {

  private final JdbcTemplate jdbc;

  UsageRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Rows of {@code usage_hourly} or, for day granularity, {@code usage_daily}. */
  List<UsageRow> rows(UsageQuery.Granularity granularity, UUID tenantId, Instant fromInclusive, Instant toExclusive) {
    String table = granularity == UsageQuery.Granularity.DAY ? "usage_daily" : "usage_hourly";
    return jdbc.query(
        """
        SELECT bucket_start, key_id, route_id, calls, errors, server_errors, request_bytes,
               response_bytes, latency_max_ms, latency_hdr
        FROM billing.%s
        WHERE tenant_id = ? AND bucket_start >= ? AND bucket_start < ?
        ORDER BY bucket_start
        """.formatted(table),
        UsageRepository::row,
        tenantId,
        fromInclusive.atOffset(ZoneOffset.UTC),
        toExclusive.atOffset(ZoneOffset.UTC));
  }

  private static UsageRow row(ResultSet rs, int rowNum) throws SQLException {
    return new UsageRow(
        rs.getObject("bucket_start", OffsetDateTime.class).toInstant(),
        rs.getObject("key_id", UUID.class),
        rs.getObject("route_id", UUID.class),
        rs.getLong("calls"),
        rs.getLong("errors"),
        rs.getLong("server_errors"),
        rs.getLong("request_bytes"),
        rs.getLong("response_bytes"),
        rs.getLong("latency_max_ms"),
        rs.getBytes("latency_hdr"));
  }
}
