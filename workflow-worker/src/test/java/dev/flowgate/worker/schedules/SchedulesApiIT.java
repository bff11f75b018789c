package dev.flowgate.worker.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.worker.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The schedules internal API through the real worker and PostgreSQL. */
@WorkerIntegrationTest
class SchedulesApiIT {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final UUID tenant = UUID.randomUUID();
  private final String base = "/internal/v1/tenants/" + tenant + "/workflows/wf-" + UUID.randomUUID() + "/schedules";

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Authorization", "Bearer test-internal-token").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return EventCodec.mapper().readTree(response.body());
  }

  @Test
  void a_schedule_is_stored_listed_and_deleted_with_its_next_fire_time_in_its_zone() throws Exception {
    HttpResponse<String> put = call("PUT", base + "/nightly", """
        {"cron": "0 30 2 * * *", "zoneId": "Europe/Berlin", "missedRunPolicy": "RUN_ONCE", "input": {"report": "daily"}}""");

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode stored = json(put);
    assertThat(stored.path("missedRunPolicy").asString()).isEqualTo("RUN_ONCE");
    assertThat(stored.path("version").isNull()).isTrue();
    Instant next = Instant.parse(stored.path("nextFireAt").asString());
    assertThat(next.atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalTime()).isEqualTo(java.time.LocalTime.of(2, 30));
    JsonNode listed = json(call("GET", base, null));
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("input").path("report").asString()).isEqualTo("daily");

    assertThat(call("DELETE", base + "/nightly", null).statusCode()).isEqualTo(204);
    assertThat(json(call("GET", base, null))).isEmpty();
  }

  @Test
  void a_bad_cron_or_zone_is_refused_with_a_problem_naming_the_field() throws Exception {
    HttpResponse<String> badCron = call("PUT", base + "/s1", "{\"cron\": \"every day\"}");
    HttpResponse<String> minutesOnly = call("PUT", base + "/s1", "{\"cron\": \"*/5 * * * *\"}");
    HttpResponse<String> badZone = call("PUT", base + "/s1", "{\"cron\": \"0 0 * * * *\", \"zoneId\": \"Mars/Olympus\"}");

    assertThat(badCron.statusCode()).isEqualTo(400);
    assertThat(badCron.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    assertThat(json(badCron).path("field").asString()).isEqualTo("cron");
    assertThat(json(minutesOnly).path("errors").get(0).path("field").asString()).isEqualTo("cron");
    assertThat(badZone.statusCode()).isEqualTo(400);
    assertThat(json(badZone).path("field").asString()).isEqualTo("zoneId");
    assertThat(json(call("GET", base, null))).isEmpty();
  }

  @Test
  void another_tenants_schedule_answers_404_and_stays() throws Exception {
    assertThat(call("PUT", base + "/mine-" + tenant, "{\"cron\": \"0 0 * * * *\"}").statusCode()).isEqualTo(200);
    String intruder = base.replace(tenant.toString(), UUID.randomUUID().toString());

    assertThat(call("DELETE", intruder + "/mine-" + tenant, null).statusCode()).isEqualTo(404);
    assertThat(call("PUT", intruder + "/mine-" + tenant, "{\"cron\": \"* * * * * *\"}").statusCode()).isEqualTo(404);
    assertThat(json(call("GET", intruder, null))).isEmpty();
    JsonNode mine = json(call("GET", base, null));
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).path("cron").asString()).isEqualTo("0 0 * * * *");
    assertThat(call("DELETE", base + "/mine-" + tenant, null).statusCode()).isEqualTo(204);
  }
}
