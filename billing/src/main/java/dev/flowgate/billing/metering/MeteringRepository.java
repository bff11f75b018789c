package dev.flowgate.billing.metering;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Raw api-call rows and hourly and daily aggregates in schema {@code billing}. */
@Repository
class MeteringRepository {

  /**
   * One statement per batch: the rows travel as one array per column and the database answers
   * with the event ids it actually inserted (a 500-statement JDBC batch took most of a metering
   * round trip). A conflicting or repeated event id is skipped by DO NOTHING.
   */
  private static final String INSERT_CALLS =
      """
      INSERT INTO billing.api_calls (event_id, tenant_id, request_id, key_id, route_id, service_id,
          method, path, status, latency_ms, request_bytes, response_bytes, occurred_at, received_at)
      SELECT *, ?::timestamptz FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[],
          ?::text[], ?::text[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[])
      ON CONFLICT (event_id) DO NOTHING
      RETURNING event_id
      """;

  /**
   * Adds a batch's totals to their rows in one statement (the rows travel as one array per column,
   * in lock order), inserting each new row with the batch's histogram. For a row that existed the
   * stored histogram comes back untouched and is merged in Java (bytes cannot be merged in SQL):
   * the upsert holds the row locks until commit, so no concurrent batch interleaves. The
   * aggregator made the keys unique, so no row is touched twice by the one statement.
   */
  private static final String UPSERT =
      """
      INSERT INTO billing.%s AS u (tenant_id, bucket_start, key_id, route_id, calls, errors,
          server_errors, request_bytes, response_bytes, latency_sum_ms, latency_max_ms, latency_hdr)
      SELECT tenant_id, bucket_start, key_id, route_id, calls, errors, server_errors, request_bytes,
          response_bytes, latency_sum_ms, latency_max_ms, latency_hdr
      FROM unnest(?::uuid[], ?::timestamptz[], ?::uuid[], ?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[],
          ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bytea[]) WITH ORDINALITY
          AS v(tenant_id, bucket_start, key_id, route_id, calls, errors, server_errors, request_bytes,
               response_bytes, latency_sum_ms, latency_max_ms, latency_hdr, n)
      ORDER BY n
      ON CONFLICT (tenant_id, bucket_start, key_id, route_id) DO UPDATE SET
          calls = u.calls + excluded.calls,
          errors = u.errors + excluded.errors,
          server_errors = u.server_errors + excluded.server_errors,
          request_bytes = u.request_bytes + excluded.request_bytes,
          response_bytes = u.response_bytes + excluded.response_bytes,
          latency_sum_ms = u.latency_sum_ms + excluded.latency_sum_ms,
          latency_max_ms = greatest(u.latency_max_ms, excluded.latency_max_ms),
          updated_at = now()
      RETURNING u.tenant_id, u.bucket_start, u.key_id, u.route_id, (xmax = 0) AS inserted, u.latency_hdr
      """;

  /** The merged histograms of the rows that existed, again as arrays, in one statement. */
  private static final String SET_HDR =
      """
      UPDATE billing.%s AS u SET latency_hdr = v.latency_hdr
      FROM unnest(?::uuid[], ?::timestamptz[], ?::uuid[], ?::uuid[], ?::bytea[])
          AS v(tenant_id, bucket_start, key_id, route_id, latency_hdr)
      WHERE u.tenant_id = v.tenant_id AND u.bucket_start = v.bucket_start
        AND u.key_id IS NOT DISTINCT FROM v.key_id AND u.route_id IS NOT DISTINCT FROM v.route_id
      """;

  /** The aggregate tables, one per bucket width. */
  enum Table {
    HOURLY("usage_hourly"),
    DAILY("usage_daily");

    private final String name;

    Table(String name) {
      this.name = name;
    }
  }

  private final JdbcTemplate jdbc;

  MeteringRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts the raw rows; returns, per envelope, whether it was new. A second copy of the same
   * event id (in this batch or stored before) reports {@code false}.
   */
  boolean[] insertCalls(List<Envelope<ApiCallRecorded>> calls, Instant receivedAt) {
    if (calls.isEmpty()) {
      return new boolean[0];
    }
    int n = calls.size();
    Object[][] columns = new Object[13][n];
    for (int i = 0; i < n; i++) {
      Envelope<ApiCallRecorded> envelope = calls.get(i);
      ApiCallRecorded call = envelope.payload();
      Object[] row = {envelope.eventId(), call.tenantId(), call.requestId(), call.keyId(), call.routeId(),
          call.serviceId(), call.method(), call.path(), call.status(), call.latencyMs(), call.requestBytes(),
          call.responseBytes(), utc(call.timestamp())};
      for (int c = 0; c < row.length; c++) {
        columns[c][i] = row[c];
      }
    }
    String[] types = {"uuid", "uuid", "text", "uuid", "uuid", "uuid", "text", "text", "int4", "int8", "int8", "int8",
        "timestamptz"};
    Set<UUID> inserted = new HashSet<>(jdbc.execute((Connection connection) -> {
      try (PreparedStatement ps = connection.prepareStatement(INSERT_CALLS)) {
        ps.setObject(1, utc(receivedAt));
        for (int c = 0; c < columns.length; c++) {
          ps.setArray(c + 2, connection.createArrayOf(types[c], columns[c]));
        }
        List<UUID> ids = new ArrayList<>(n);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getObject(1, UUID.class));
          }
        }
        return ids;
      }
    }));
    boolean[] fresh = new boolean[n];
    for (int i = 0; i < n; i++) {
      // remove: a second copy of the same event later in this batch is not new
      fresh[i] = inserted.remove(calls.get(i).eventId());
    }
    return fresh;
  }

  /** Adds the rows (in lock order) to the table, merging latency histograms: two statements at most. */
  void add(Table table, List<UsageTotals> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int n = rows.size();
    Object[][] columns = new Object[12][n];
    columns[11] = new byte[n][]; // PgJDBC encodes bytea[] only from a byte[][], not from an Object[] of byte[]
    Map<UsageKey, UsageTotals> byKey = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      UsageTotals row = rows.get(i);
      UsageKey key = row.key();
      byKey.put(key, row);
      Object[] values = {key.tenantId(), utc(key.bucketStart()), key.keyId(), key.routeId(), row.calls(), row.errors(),
          row.serverErrors(), row.requestBytes(), row.responseBytes(), row.latencySumMs(), row.latencyMaxMs(),
          row.histogram().encode()};
      for (int c = 0; c < values.length; c++) {
        columns[c][i] = values[c];
      }
    }
    String[] types = {"uuid", "timestamptz", "uuid", "uuid", "int8", "int8", "int8", "int8", "int8", "int8", "int8",
        "bytea"};
    List<Object[]> merged = jdbc.execute((Connection connection) -> {
      try (PreparedStatement ps = connection.prepareStatement(UPSERT.formatted(table.name))) {
        for (int c = 0; c < columns.length; c++) {
          ps.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
        }
        List<Object[]> existing = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (!rs.getBoolean("inserted")) {
              existing.add(mergedHistogram(rs, byKey));
            }
          }
        }
        return existing;
      }
    });
    if (merged == null || merged.isEmpty()) {
      return;
    }
    jdbc.execute((Connection connection) -> {
      try (PreparedStatement ps = connection.prepareStatement(SET_HDR.formatted(table.name))) {
        String[] keyTypes = {"uuid", "timestamptz", "uuid", "uuid", "bytea"};
        for (int c = 0; c < keyTypes.length; c++) {
          Object[] column = c == 4 ? new byte[merged.size()][] : new Object[merged.size()];
          for (int i = 0; i < column.length; i++) {
            column[i] = merged.get(i)[c];
          }
          ps.setArray(c + 1, connection.createArrayOf(keyTypes[c], column));
        }
        return ps.executeUpdate();
      }
    });
  }

  /** The row's key and its stored histogram merged with this batch's, as the SET_HDR columns. */
  private static Object[] mergedHistogram(ResultSet rs, Map<UsageKey, UsageTotals> byKey) throws SQLException {
    UsageKey key = new UsageKey(rs.getObject("tenant_id", UUID.class),
        rs.getObject("bucket_start", OffsetDateTime.class).toInstant(), rs.getObject("key_id", UUID.class),
        rs.getObject("route_id", UUID.class));
    UsageTotals row = byKey.get(key);
    if (row == null) {
      throw new IllegalStateException("the upsert returned a row this batch did not add: " + key);
    }
    LatencyHistogram histogram = LatencyHistogram.decode(rs.getBytes("latency_hdr"));
    histogram.merge(row.histogram());
    return new Object[] {key.tenantId(), utc(key.bucketStart()), key.keyId(), key.routeId(), histogram.encode()};
  }

  /** Deletes raw rows older than {@code cutoff}, at most {@code limit} at a time; returns how many. */
  int deleteCallsBefore(Instant cutoff, int limit) {
    return jdbc.update(
        """
        DELETE FROM billing.api_calls WHERE event_id IN (
            SELECT event_id FROM billing.api_calls WHERE occurred_at < ? LIMIT ?)
        """,
        utc(cutoff),
        limit);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
