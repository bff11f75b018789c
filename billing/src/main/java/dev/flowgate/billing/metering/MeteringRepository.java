package dev.flowgate.billing.metering;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
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
   * Adds the totals to the row, inserting it with this batch's histogram when new. The histogram
   * of an existing row is returned untouched and merged in Java (bytes cannot be merged in SQL):
   * the upsert holds the row lock until commit, so no concurrent batch interleaves.
   */
  private static final String UPSERT =
      """
      INSERT INTO billing.%s AS u (tenant_id, bucket_start, key_id, route_id, calls, errors,
          server_errors, request_bytes, response_bytes, latency_sum_ms, latency_max_ms, latency_hdr)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (tenant_id, bucket_start, key_id, route_id) DO UPDATE SET
          calls = u.calls + excluded.calls,
          errors = u.errors + excluded.errors,
          server_errors = u.server_errors + excluded.server_errors,
          request_bytes = u.request_bytes + excluded.request_bytes,
          response_bytes = u.response_bytes + excluded.response_bytes,
          latency_sum_ms = u.latency_sum_ms + excluded.latency_sum_ms,
          latency_max_ms = greatest(u.latency_max_ms, excluded.latency_max_ms),
          updated_at = now()
      RETURNING (xmax = 0) AS inserted, latency_hdr
      """;

  private static final String SET_HDR =
      """
      UPDATE billing.%s SET latency_hdr = ?
      WHERE tenant_id = ? AND bucket_start = ? AND key_id IS NOT DISTINCT FROM ? AND route_id IS NOT DISTINCT FROM ?
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

  /** Adds the rows (in lock order) to the table, merging latency histograms. */
  void add(Table table, List<UsageTotals> rows) {
    String upsert = UPSERT.formatted(table.name);
    List<UsageTotals> toMerge = new ArrayList<>();
    List<byte[]> stored = new ArrayList<>();
    for (UsageTotals row : rows) {
      byte[] encoded = row.histogram().encode();
      jdbc.query(upsert, (ResultSet rs) -> {
        if (!rs.getBoolean("inserted")) {
          toMerge.add(row);
          stored.add(rs.getBytes("latency_hdr"));
        }
      }, params(row, encoded));
    }
    if (toMerge.isEmpty()) {
      return;
    }
    List<Object[]> updates = new ArrayList<>(toMerge.size());
    for (int i = 0; i < toMerge.size(); i++) {
      UsageTotals row = toMerge.get(i);
      LatencyHistogram merged = LatencyHistogram.decode(stored.get(i));
      merged.merge(row.histogram());
      UsageKey key = row.key();
      updates.add(new Object[] {merged.encode(), key.tenantId(), utc(key.bucketStart()), key.keyId(), key.routeId()});
    }
    jdbc.batchUpdate(SET_HDR.formatted(table.name), updates,
        new int[] {Types.BINARY, Types.OTHER, Types.TIMESTAMP_WITH_TIMEZONE, Types.OTHER, Types.OTHER});
  }

  private static Object[] params(UsageTotals row, byte[] histogram) {
    UsageKey key = row.key();
    return new Object[] {
      key.tenantId(), utc(key.bucketStart()), new SqlParameterValue(Types.OTHER, key.keyId()),
      new SqlParameterValue(Types.OTHER, key.routeId()), row.calls(), row.errors(), row.serverErrors(),
      row.requestBytes(), row.responseBytes(), row.latencySumMs(), row.latencyMaxMs(), histogram
    };
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
