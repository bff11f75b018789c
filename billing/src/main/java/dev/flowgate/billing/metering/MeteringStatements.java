package dev.flowgate.billing.metering;

/** The two statements {@link MeteringRepository} writes a batch with. */
final class MeteringStatements {

  /**
   * The whole batch in one statement (each round trip cost as much as the work it carried): the
   * calls travel as one array per column and are inserted keyed by event id; the ones actually
   * inserted ({@code fresh}) are summed into their hourly and daily rows in SQL, so a replayed
   * event id adds nothing. The rows are locked in one order ({@code ORDER BY}) and held until
   * commit. Answers with the inserted event ids and each touched row's stored histogram (null for
   * a new row), which {@link MeteringRepository#setHistograms} then replaces by the merged one:
   * histogram bytes cannot be merged in SQL.
   */
  static final String METER =
      """
      WITH batch AS (
          SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[],
              ?::text[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[], ?::timestamptz[],
              ?::timestamptz[]) WITH ORDINALITY
              AS b(event_id, tenant_id, request_id, key_id, route_id, service_id, method, path, status,
                   latency_ms, request_bytes, response_bytes, occurred_at, hour_start, day_start, n)
      ), inserted AS (
          INSERT INTO billing.api_calls (event_id, tenant_id, request_id, key_id, route_id, service_id, method,
              path, status, latency_ms, request_bytes, response_bytes, occurred_at, received_at)
          SELECT event_id, tenant_id, request_id, key_id, route_id, service_id, method, path, status, latency_ms,
              request_bytes, response_bytes, occurred_at, ?::timestamptz
          FROM batch ORDER BY n
          ON CONFLICT (event_id) DO NOTHING
          RETURNING event_id
      ), fresh AS (
          SELECT batch.* FROM batch JOIN inserted USING (event_id)
      ), hourly AS (%s), daily AS (%s)
      SELECT 'c' AS kind, event_id, NULL::uuid AS tenant_id, NULL::timestamptz AS bucket_start, NULL::uuid AS key_id,
          NULL::uuid AS route_id, NULL::bytea AS latency_hdr FROM inserted
      UNION ALL SELECT 'h', NULL, tenant_id, bucket_start, key_id, route_id, latency_hdr FROM hourly
      UNION ALL SELECT 'd', NULL, tenant_id, bucket_start, key_id, route_id, latency_hdr FROM daily
      """
          .formatted(upsert("usage_hourly", "hour_start"), upsert("usage_daily", "day_start"));

  /** The merged histograms, both tables in one statement; the rows are already locked by {@link #METER}. */
  static final String SET_HDR =
      """
      WITH hourly AS (%s), daily AS (%s)
      SELECT (SELECT count(*) FROM hourly) + (SELECT count(*) FROM daily)
      """
          .formatted(setHdr("usage_hourly"), setHdr("usage_daily"));

  private static String upsert(String table, String bucket) {
    return """
        INSERT INTO billing.%1$s AS u (tenant_id, bucket_start, key_id, route_id, calls, errors, server_errors,
            request_bytes, response_bytes, latency_sum_ms, latency_max_ms)
        SELECT tenant_id, %2$s, key_id, route_id, count(*), count(*) FILTER (WHERE status >= 400),
            count(*) FILTER (WHERE status >= 500), sum(greatest(request_bytes, 0))::bigint,
            sum(greatest(response_bytes, 0))::bigint, sum(greatest(latency_ms, 0))::bigint,
            max(greatest(latency_ms, 0))
        FROM fresh
        GROUP BY tenant_id, %2$s, key_id, route_id
        ORDER BY tenant_id, %2$s, key_id NULLS FIRST, route_id NULLS FIRST
        ON CONFLICT (tenant_id, bucket_start, key_id, route_id) DO UPDATE SET
            calls = u.calls + excluded.calls,
            errors = u.errors + excluded.errors,
            server_errors = u.server_errors + excluded.server_errors,
            request_bytes = u.request_bytes + excluded.request_bytes,
            response_bytes = u.response_bytes + excluded.response_bytes,
            latency_sum_ms = u.latency_sum_ms + excluded.latency_sum_ms,
            latency_max_ms = greatest(u.latency_max_ms, excluded.latency_max_ms),
            updated_at = now()
        RETURNING u.tenant_id, u.bucket_start, u.key_id, u.route_id, u.latency_hdr
        """
        .formatted(table, bucket);
  }

  private static String setHdr(String table) {
    return """
        UPDATE billing.%s AS u SET latency_hdr = v.latency_hdr
        FROM unnest(?::uuid[], ?::timestamptz[], ?::uuid[], ?::uuid[], ?::bytea[])
            AS v(tenant_id, bucket_start, key_id, route_id, latency_hdr)
        WHERE u.tenant_id = v.tenant_id AND u.bucket_start = v.bucket_start
          AND u.key_id IS NOT DISTINCT FROM v.key_id AND u.route_id IS NOT DISTINCT FROM v.route_id
        RETURNING 1
        """
        .formatted(table);
  }

  private MeteringStatements() {}
}
