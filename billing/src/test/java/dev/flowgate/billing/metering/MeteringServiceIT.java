package dev.flowgate.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@BillingIntegrationTest
class MeteringServiceIT {

  @Autowired MeteringService metering;
  @Autowired JdbcTemplate jdbc;

  private final UUID tenant = UUID.randomUUID();
  private final UUID key = UUID.randomUUID();
  private final Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);

  private Envelope<ApiCallRecorded> call(int status, long latencyMs) {
    var call = new ApiCallRecorded(
        UUID.randomUUID().toString(), tenant, key, null, null, "GET", "/orders", status, latencyMs, 5, 50, null,
        hour.plusSeconds(60));
    return Envelope.of(call, tenant, call.requestId(), "it", Instant.now());
  }

  private Map<String, Object> hourly() {
    return jdbc.queryForMap(
        "SELECT calls, errors, server_errors, request_bytes, response_bytes, latency_sum_ms, latency_max_ms"
            + " FROM billing.usage_hourly WHERE tenant_id = ? AND key_id = ? AND route_id IS NULL",
        tenant, key);
  }

  @Test
  void new_calls_are_stored_and_aggregated() {
    assertThat(metering.record(List.of(call(200, 10), call(404, 20), call(502, 30)))).isEqualTo(3);

    assertThat(hourly())
        .containsEntry("calls", 3L)
        .containsEntry("errors", 2L)
        .containsEntry("server_errors", 1L)
        .containsEntry("request_bytes", 15L)
        .containsEntry("response_bytes", 150L)
        .containsEntry("latency_sum_ms", 60L)
        .containsEntry("latency_max_ms", 30L);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM billing.api_calls WHERE tenant_id = ?", Long.class, tenant))
        .isEqualTo(3);
  }

  @Test
  void a_duplicated_record_counts_once_in_one_batch_and_across_batches() {
    Envelope<ApiCallRecorded> once = call(200, 10);
    assertThat(metering.record(List.of(once, once))).isEqualTo(1);
    assertThat(metering.record(List.of(once, call(200, 5)))).isEqualTo(1);

    assertThat(hourly()).containsEntry("calls", 2L).containsEntry("latency_sum_ms", 15L);
  }

  @Test
  void later_batches_add_to_the_same_row_and_its_histogram() {
    metering.record(List.of(call(200, 3)));
    metering.record(List.of(call(200, 700)));

    for (String table : List.of("usage_hourly", "usage_daily")) {
      LatencyHistogram histogram = LatencyHistogram.decode(jdbc.queryForObject(
          "SELECT latency_hdr FROM billing." + table + " WHERE tenant_id = ?", byte[].class, tenant));
      assertThat(histogram.count()).as(table).isEqualTo(2);
      assertThat(histogram.percentile(0.5, 700)).as(table).isEqualTo(3);
      assertThat(histogram.percentile(0.99, 700)).as(table).isBetween(695L, 700L);
    }
    assertThat(hourly()).containsEntry("calls", 2L).containsEntry("latency_max_ms", 700L);
  }

  @Test
  void daily_aggregates_hold_the_same_calls_as_the_hourly_ones() {
    metering.record(List.of(call(200, 10), call(500, 20), call(200, 30)));

    Map<String, Object> daily = jdbc.queryForMap(
        "SELECT bucket_start, calls, errors, server_errors, latency_sum_ms FROM billing.usage_daily WHERE tenant_id = ?",
        tenant);
    assertThat(daily).containsEntry("calls", 3L).containsEntry("errors", 1L).containsEntry("latency_sum_ms", 60L);
    assertThat(((java.sql.Timestamp) daily.get("bucket_start")).toInstant())
        .isEqualTo(hour.truncatedTo(ChronoUnit.DAYS));
  }

  @Test
  void a_late_call_within_the_window_lands_in_its_own_hour() {
    Instant threeHoursAgo = hour.minus(Duration.ofHours(3));
    metering.record(List.of(callAt(threeHoursAgo.plusSeconds(90))));

    assertThat(jdbc.queryForObject("SELECT bucket_start FROM billing.usage_hourly WHERE tenant_id = ?",
        java.time.OffsetDateTime.class, tenant).toInstant()).isEqualTo(threeHoursAgo);
  }

  @Test
  void a_call_later_than_the_window_counts_in_the_hour_it_arrives() {
    metering.record(List.of(callAt(Instant.now().minus(Duration.ofDays(3)))));

    assertThat(jdbc.queryForObject("SELECT bucket_start FROM billing.usage_hourly WHERE tenant_id = ?",
        java.time.OffsetDateTime.class, tenant).toInstant()).isEqualTo(Instant.now().truncatedTo(ChronoUnit.HOURS));
  }

  private Envelope<ApiCallRecorded> callAt(Instant at) {
    var call = new ApiCallRecorded(
        UUID.randomUUID().toString(), tenant, key, null, null, "GET", "/late", 200, 5, 0, 0, null, at);
    return Envelope.of(call, tenant, call.requestId(), "it", Instant.now());
  }

  @Test
  void records_older_than_the_raw_retention_are_not_metered() {
    var old = new ApiCallRecorded(
        "old", tenant, key, null, null, "GET", "/", 200, 1, 0, 0, null, Instant.now().minus(Duration.ofDays(91)));
    assertThat(metering.record(List.of(Envelope.of(old, tenant, null, "it", Instant.now())))).isZero();
  }

  @Test
  void concurrent_batches_for_the_same_rows_do_not_lose_counts() throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(Thread.ofVirtual().start(() -> {
        for (int i = 0; i < 10; i++) {
          metering.record(List.of(call(200, 1), call(200, 2)));
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(hourly()).containsEntry("calls", 80L);
  }
}
