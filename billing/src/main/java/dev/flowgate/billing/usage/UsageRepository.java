package dev.flowgate.billing.usage;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads a tenant's hourly aggregates. */
@Repository
class UsageRepository {

  private final JdbcTemplate jdbc;

  UsageRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<HourlyRow> hourly(UUID tenantId, Instant fromInclusive, Instant toExclusive) {
    return jdbc.query(
        """
        SELECT bucket_start, key_id, route_id, calls, errors, server_errors, request_bytes,
               response_bytes, latency_max_ms, latency_histogram
        FROM billing.usage_hourly
        WHERE tenant_id = ? AND bucket_start >= ? AND bucket_start < ?
        ORDER BY bucket_start
        """,
        UsageRepository::row,
        tenantId,
        fromInclusive.atOffset(ZoneOffset.UTC),
        toExclusive.atOffset(ZoneOffset.UTC));
  }

  private static HourlyRow row(ResultSet rs, int rowNum) throws SQLException {
    return new HourlyRow(
        rs.getObject("bucket_start", OffsetDateTime.class).toInstant(),
        rs.getObject("key_id", UUID.class),
        rs.getObject("route_id", UUID.class),
        rs.getLong("calls"),
        rs.getLong("errors"),
        rs.getLong("server_errors"),
        rs.getLong("request_bytes"),
        rs.getLong("response_bytes"),
        rs.getLong("latency_max_ms"),
        longs(rs.getArray("latency_histogram")));
  }

  private static long[] longs(Array array) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    long[] result = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i] == null ? 0 : ((Number) values[i]).longValue();
    }
    return result;
  }
}
