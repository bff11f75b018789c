package dev.flowgate.billing.metering;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Raw api-call rows and hourly aggregates in schema {@code billing}. */
@Repository
class MeteringRepository {

  private static final String INSERT_CALL =
      """
      INSERT INTO billing.api_calls (event_id, tenant_id, request_id, key_id, route_id, service_id,
          method, path, status, latency_ms, request_bytes, response_bytes, occurred_at, received_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (event_id) DO NOTHING
      """;

  private static final String UPSERT_HOURLY =
      """
      INSERT INTO billing.usage_hourly AS u (tenant_id, bucket_start, key_id, route_id, calls, errors,
          server_errors, request_bytes, response_bytes, latency_sum_ms, latency_max_ms, latency_histogram)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (tenant_id, bucket_start, key_id, route_id) DO UPDATE SET
          calls = u.calls + excluded.calls,
          errors = u.errors + excluded.errors,
          server_errors = u.server_errors + excluded.server_errors,
          request_bytes = u.request_bytes + excluded.request_bytes,
          response_bytes = u.response_bytes + excluded.response_bytes,
          latency_sum_ms = u.latency_sum_ms + excluded.latency_sum_ms,
          latency_max_ms = greatest(u.latency_max_ms, excluded.latency_max_ms),
          latency_histogram = (
              SELECT array_agg(coalesce(h.a, 0) + coalesce(h.b, 0) ORDER BY h.i)
              FROM unnest(u.latency_histogram, excluded.latency_histogram) WITH ORDINALITY AS h(a, b, i)),
          updated_at = now()
      """;

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

  void addHourly(List<HourlyUsage> rows) {
    jdbc.batchUpdate(
        UPSERT_HOURLY,
        rows,
        rows.size(),
        (ps, row) -> {
          UsageKey key = row.key();
          ps.setObject(1, key.tenantId());
          ps.setObject(2, utc(key.bucketStart()));
          setUuid(ps, 3, key.keyId());
          setUuid(ps, 4, key.routeId());
          ps.setLong(5, row.calls());
          ps.setLong(6, row.errors());
          ps.setLong(7, row.serverErrors());
          ps.setLong(8, row.requestBytes());
          ps.setLong(9, row.responseBytes());
          ps.setLong(10, row.latencySumMs());
          ps.setLong(11, row.latencyMaxMs());
          Long[] histogram = java.util.Arrays.stream(row.histogram().counts()).boxed().toArray(Long[]::new);
          ps.setArray(12, ps.getConnection().createArrayOf("bigint", histogram));
        });
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
