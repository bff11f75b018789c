package dev.flowgate.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.UsageClient;
import dev.flowgate.billing.metering.MeteringService;
import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@BillingIntegrationTest
class UsageApiIT {

  @LocalServerPort int port;
  @Autowired MeteringService metering;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private UsageClient client;
  private final UUID tenant = UUID.randomUUID();
  private final UUID keyA = UUID.randomUUID();
  private final UUID keyB = UUID.randomUUID();
  private final UUID route = UUID.randomUUID();
  private final Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

  @BeforeEach
  void setUp() {
    client = new UsageClient(port);
  }

  private Envelope<ApiCallRecorded> call(UUID owner, UUID key, Instant at, int status, long latency) {
    var call = new ApiCallRecorded(
        UUID.randomUUID().toString(), owner, key, route, null, "POST", "/v1/x", status, latency, 100, 1000, null, at);
    return Envelope.of(call, owner, null, "it", Instant.now());
  }

  @Test
  void usage_is_reported_per_hour_and_key_with_percentiles() {
    metering.record(List.of(
        call(tenant, keyA, hour.plusSeconds(10), 200, 10),
        call(tenant, keyA, hour.plusSeconds(20), 500, 40),
        call(tenant, keyB, hour.plusSeconds(30), 429, 4),
        call(tenant, keyA, hour.plusSeconds(3_700), 200, 8)));

    UsageClient.Answer answer = client.usage(tenant, hour, hour.plus(1, ChronoUnit.DAYS), "hour", "key");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.get("tenantId").asString()).isEqualTo(tenant.toString());
    assertThat(json.get("from").asString()).isEqualTo(hour.toString());
    assertThat(json.get("granularity").asString()).isEqualTo("hour");
    assertThat(json.get("groupBy").asString()).isEqualTo("key");
    JsonNode totals = json.get("totals");
    assertThat(totals.get("calls").asLong()).isEqualTo(4);
    assertThat(totals.get("errors").asLong()).isEqualTo(2);
    assertThat(totals.get("serverErrors").asLong()).isEqualTo(1);
    assertThat(totals.get("requestBytes").asLong()).isEqualTo(400);
    assertThat(totals.get("responseBytes").asLong()).isEqualTo(4000);
    JsonNode series = json.get("series");
    assertThat(series.size()).isEqualTo(3);
    JsonNode first = series.get(0);
    assertThat(first.get("bucketStart").asString()).isEqualTo(hour.toString());
    assertThat(first.get("calls").asLong() + series.get(1).get("calls").asLong()).isEqualTo(3);
    assertThat(first.has("latencyP50Ms") && first.has("latencyP95Ms") && first.has("latencyP99Ms")).isTrue();
  }

  @Test
  void daily_ungrouped_usage_has_a_null_group() {
    metering.record(List.of(call(tenant, keyA, hour.plusSeconds(1), 200, 10)));

    JsonNode json = client.usage(tenant, hour.minus(2, ChronoUnit.DAYS), hour.plus(2, ChronoUnit.DAYS), "day", "none").json();

    assertThat(json.get("series").size()).isBetween(1, 2);
    assertThat(json.get("series").get(0).get("group").isNull()).isTrue();
    assertThat(json.get("totals").get("calls").asLong()).isEqualTo(1);
  }

  @Test
  void day_granularity_reads_the_daily_aggregates_with_percentiles_merged_across_batches() {
    for (int batch = 0; batch < 10; batch++) {
      metering.record(List.of(call(tenant, keyA, hour.plusSeconds(batch), 200, 10 + batch),
          call(tenant, keyB, hour.plusSeconds(batch), 200, batch == 9 ? 900 : 20)));
    }
    // without hourly rows, only the daily aggregates can answer
    jdbc.update("DELETE FROM billing.usage_hourly WHERE tenant_id = ?", tenant);
    Instant day = hour.truncatedTo(ChronoUnit.DAYS);

    JsonNode daily = client.usage(tenant, day, day.plus(1, ChronoUnit.DAYS), "day", "none").json();
    JsonNode hourly = client.usage(tenant, day, day.plus(1, ChronoUnit.DAYS), "hour", "none").json();

    assertThat(hourly.get("totals").get("calls").asLong()).isZero();
    assertThat(daily.get("totals").get("calls").asLong()).isEqualTo(20);
    JsonNode point = daily.get("series").get(0);
    assertThat(point.get("bucketStart").asString()).isEqualTo(day.toString());
    assertThat(point.get("latencyP50Ms").asLong()).isBetween(14L, 20L);
    assertThat(point.get("latencyP95Ms").asLong()).isEqualTo(20);
    assertThat(point.get("latencyP99Ms").asLong()).isEqualTo(900);
  }

  @Test
  void another_tenants_usage_is_not_visible() {
    metering.record(List.of(call(tenant, keyA, hour.plusSeconds(1), 200, 10)));

    JsonNode json = client.usage(UUID.randomUUID(), hour, hour.plus(1, ChronoUnit.HOURS), "hour", "route").json();

    assertThat(json.get("totals").get("calls").asLong()).isZero();
    assertThat(json.get("series").size()).isZero();
  }

  @Test
  void a_call_without_the_internal_token_is_refused_with_a_problem() {
    UsageClient.Answer missing = client.get("/internal/v1/usage?tenantId=" + tenant, null);
    UsageClient.Answer wrong = client.get("/internal/v1/usage?tenantId=" + tenant, "not-the-token");

    for (UsageClient.Answer answer : List.of(missing, wrong)) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(answer.json().get("type").asString()).isEqualTo("https://flowgate.dev/problems/unauthorized");
    }
  }

  @Test
  void bad_parameters_are_a_problem_naming_each_field() {
    UsageClient.Answer answer =
        client.get("/internal/v1/usage?tenantId=x&from=2026-11-23T00:00:00Z&granularity=week", UsageClient.TOKEN);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.json().get("type").asString()).isEqualTo("https://flowgate.dev/problems/invalid-request");
    assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactly("tenantId", "to", "granularity");
  }

  @Test
  void an_unknown_internal_path_is_a_not_found_problem() {
    UsageClient.Answer answer = client.get("/internal/v1/nothing", UsageClient.TOKEN);

    assertThat(answer.status()).as(answer.response().body()).isEqualTo(404);
    assertThat(answer.response().headers().firstValue("Content-Type")).as(answer.response().body()).hasValue("application/problem+json");
    assertThat(answer.json().get("type").asString()).isEqualTo("https://flowgate.dev/problems/not-found");
  }

  @Test
  void health_probes_and_metrics_are_open() {
    assertThat(client.get("/actuator/health/readiness", null).json().get("status").asString()).isEqualTo("UP");
    assertThat(client.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    assertThat(client.get("/actuator/prometheus", null).response().body()).contains("flowgate_billing_calls_metered");
  }
}
