package dev.flowgate.billing.metering;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/** Raw api-call rows and hourly and daily aggregates in schema {@code billing}. */
@Repository
class MeteringRepository {

  private static final String INSERT_CALL =
      """
      INSERT INTO billing.api_calls (event_id, tenant_id, request_id, key_id, route_id, service_id,
          method, path, status, latency_ms, request_bytes, response_bytes, occurred_at, received_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (event_id) DO NOTHING
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
    int[][] counts =
        jdbc.batchUpdate(
            INSERT_CALL,
            calls,
            calls.size(),
            (ps, envelope) -> {
              ApiCallRecorded call = envelope.payload();
              ps.setObject(1, envelope.eventId());
              ps.setObject(2, call.tenantId());
              ps.setString(3, call.requestId());
              setUuid(ps, 4, call.keyId());
              setUuid(ps, 5, call.routeId());
              setUuid(ps, 6, call.serviceId());
              ps.setString(7, call.method());
              ps.setString(8, call.path());
              ps.setInt(9, call.status());
              ps.setLong(10, call.latencyMs());
              ps.setLong(11, call.requestBytes());
              ps.setLong(12, call.responseBytes());
              ps.setObject(13, utc(call.timestamp()));
              ps.setObject(14, utc(receivedAt));
            });
    boolean[] inserted = new boolean[calls.size()];
    int i = 0;
    for (int[] chunk : counts) {
      for (int count : chunk) {
        inserted[i++] = count == 1;
      }
    }
    return inserted;
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

  private static void setUuid(PreparedStatement ps, int index, @Nullable UUID value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.OTHER);
    } else {
      ps.setObject(index, value);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
