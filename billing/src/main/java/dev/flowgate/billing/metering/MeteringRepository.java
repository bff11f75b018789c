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
   * What {@link #meter} did: the event ids it inserted, and the stored histogram of each hourly and
   * daily row it added to (null for a row it created).
   */
  record Metered(Set<UUID> inserted, Map<UsageKey, byte @Nullable []> hourly,
      Map<UsageKey, byte @Nullable []> daily) {}

  private final JdbcTemplate jdbc;

  MeteringRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts the raw rows and adds the new ones to the aggregates, the i-th call to the hour
   * {@code hours[i]} and the day {@code days[i]}. The calls' event ids must be distinct.
   */
  Metered meter(List<Envelope<ApiCallRecorded>> calls, Instant[] hours, Instant[] days, Instant receivedAt) {
    int n = calls.size();
    Object[][] columns = new Object[15][];
    for (int c : new int[] {0, 1, 3, 4, 5}) {
      columns[c] = new UUID[n];
    }
    for (int c : new int[] {2, 6, 7}) {
      columns[c] = new String[n];
    }
    Integer[] status = new Integer[n];
    Long[][] longs = new Long[3][n];
    for (int c : new int[] {12, 13, 14}) {
      columns[c] = new OffsetDateTime[n];
    }
    for (int i = 0; i < n; i++) {
      Envelope<ApiCallRecorded> envelope = calls.get(i);
      ApiCallRecorded call = envelope.payload();
      columns[0][i] = envelope.eventId();
      columns[1][i] = call.tenantId();
      columns[2][i] = call.requestId();
      columns[3][i] = call.keyId();
      columns[4][i] = call.routeId();
      columns[5][i] = call.serviceId();
      columns[6][i] = call.method();
      columns[7][i] = call.path();
      status[i] = call.status();
      longs[0][i] = call.latencyMs();
      longs[1][i] = call.requestBytes();
      longs[2][i] = call.responseBytes();
      columns[12][i] = utc(call.timestamp());
      columns[13][i] = utc(hours[i]);
      columns[14][i] = utc(days[i]);
    }
    return jdbc.execute((Connection connection) -> {
      try (PreparedStatement ps = connection.prepareStatement(MeteringStatements.METER)) {
        String[] types = {"uuid", "uuid", "text", "uuid", "uuid", "uuid", "text", "text"};
        for (int c = 0; c < types.length; c++) {
          ps.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
        }
        ps.setArray(9, connection.createArrayOf("int4", status));
        for (int c = 0; c < 3; c++) {
          ps.setArray(10 + c, connection.createArrayOf("int8", longs[c]));
        }
        for (int c = 12; c < 15; c++) {
          ps.setArray(c + 1, connection.createArrayOf("timestamptz", columns[c]));
        }
        ps.setObject(16, utc(receivedAt));
        Set<UUID> inserted = new HashSet<>(n * 2);
        Map<UsageKey, byte @Nullable []> hourly = new HashMap<>();
        Map<UsageKey, byte @Nullable []> daily = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            switch (rs.getString(1)) {
              case "c" -> inserted.add(rs.getObject(2, UUID.class));
              case "h" -> hourly.put(key(rs), rs.getBytes(7));
              default -> daily.put(key(rs), rs.getBytes(7));
            }
          }
        }
        return new Metered(inserted, hourly, daily);
      }
    });
  }

  private static UsageKey key(ResultSet rs) throws SQLException {
    return new UsageKey(rs.getObject(3, UUID.class), rs.getObject(4, OffsetDateTime.class).toInstant(),
        rs.getObject(5, UUID.class), rs.getObject(6, UUID.class));
  }

  /** Replaces the histograms of rows {@link #meter} returned (and locked) in this transaction. */
  void setHistograms(Map<UsageKey, byte[]> hourly, Map<UsageKey, byte[]> daily) {
    if (hourly.isEmpty() && daily.isEmpty()) {
      return;
    }
    jdbc.execute((Connection connection) -> {
      try (PreparedStatement ps = connection.prepareStatement(MeteringStatements.SET_HDR)) {
        setRows(connection, ps, 1, hourly);
        setRows(connection, ps, 6, daily);
        return ps.execute();
      }
    });
  }

  private static void setRows(Connection connection, PreparedStatement ps, int first, Map<UsageKey, byte[]> rows)
      throws SQLException {
    int n = rows.size();
    UUID[] tenants = new UUID[n];
    OffsetDateTime[] buckets = new OffsetDateTime[n];
    UUID[] keys = new UUID[n];
    UUID[] routes = new UUID[n];
    byte[][] histograms = new byte[n][]; // PgJDBC encodes bytea[] only from a byte[][]
    int i = 0;
    for (Map.Entry<UsageKey, byte[]> row : rows.entrySet()) {
      UsageKey key = row.getKey();
      tenants[i] = key.tenantId();
      buckets[i] = utc(key.bucketStart());
      keys[i] = key.keyId();
      routes[i] = key.routeId();
      histograms[i++] = row.getValue();
    }
    ps.setArray(first, connection.createArrayOf("uuid", tenants));
    ps.setArray(first + 1, connection.createArrayOf("timestamptz", buckets));
    ps.setArray(first + 2, connection.createArrayOf("uuid", keys));
    ps.setArray(first + 3, connection.createArrayOf("uuid", routes));
    ps.setArray(first + 4, connection.createArrayOf("bytea", histograms));
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
