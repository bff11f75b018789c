package dev.flowgate.portal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubWorker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkflowTriggersIT extends PortalIT {

  private static Map<String, Object> definition(String url) {
    return Map.of("name", "nightly", "steps", List.of(
        Map.of("id", "call", "type", "http_request", "config", Map.of("url", url, "method", "POST"))));
  }

  @AfterEach
  void workerBack() {
    StubWorker.failing = false;
  }

  private String workflow(Api.Tenant tenant) {
    return api.post("/api/v1/workflows", tenant.token(), definition("https://v1.example")).json().path("id").asString();
  }

  private String route(Api.Tenant tenant) {
    String service = api.post("/api/v1/services", tenant.token(), Map.of("name", "hooks", "url", "https://8.8.8.8"))
        .json().path("id").asString();
    return api.post("/api/v1/routes", tenant.token(), Map.of("name", "hook", "serviceId", service, "paths", List.of("/hook")))
        .json().path("id").asString();
  }

  private long audits(Api.Tenant tenant, String triggerId) {
    return api.get("/api/v1/audit-logs?resourceType=workflow_trigger&resourceId=" + triggerId, tenant.token())
        .json().path("total").asLong();
  }

  @Test
  void a_schedule_trigger_is_stored_forwarded_to_the_worker_and_removed_there_on_delete() {
    Api.Tenant tenant = signUp();
    String id = workflow(tenant);
    String triggers = "/api/v1/workflows/" + id + "/triggers";

    Api.Response created = api.post(triggers, tenant.token(),
        Map.of("type", "schedule", "cron", "0 0 2 * * *", "inputTemplate", Map.of("full", true)));

    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String triggerId = created.json().path("id").asString();
    assertThat(created.json().path("zone").asString()).isEqualTo("UTC");
    assertThat(created.json().path("missedRunPolicy").asString()).isEqualTo("SKIP");
    JsonNode schedule = StubWorker.schedules.get(tenant.id() + "/" + id + "/" + triggerId);
    assertThat(schedule).as("schedule on the worker").isNotNull();
    assertThat(schedule.path("cron").asString()).isEqualTo("0 0 2 * * *");
    assertThat(schedule.path("zone").asString()).isEqualTo("UTC");
    assertThat(schedule.path("missedRunPolicy").asString()).isEqualTo("SKIP");
    assertThat(schedule.has("version")).isTrue();
    assertThat(schedule.path("version").isNull()).isTrue();
    assertThat(schedule.path("input").path("full").asBoolean()).isTrue();
    assertThat(schedule.path("enabled").asBoolean()).isTrue();
    JsonNode listed = api.get(triggers, tenant.token()).json();
    assertThat(listed.path("items").size()).isEqualTo(1);
    assertThat(listed.path("items").get(0).path("cron").asString()).isEqualTo("0 0 2 * * *");

    Api.Response deleted = api.delete(triggers + "/" + triggerId, tenant.token());

    assertThat(deleted.status()).as(deleted.raw()).isEqualTo(204);
    assertThat(StubWorker.schedules).doesNotContainKey(tenant.id() + "/" + id + "/" + triggerId);
    assertThat(api.get(triggers, tenant.token()).json().path("items").size()).isZero();
    assertThat(audits(tenant, triggerId)).isEqualTo(2);
    assertThat(api.delete(triggers + "/" + triggerId, tenant.token()).status()).isEqualTo(404);
  }

  @Test
  void invalid_triggers_answer_400_with_field_errors_and_nothing_is_stored() {
    Api.Tenant tenant = signUp();
    String id = workflow(tenant);
    String triggers = "/api/v1/workflows/" + id + "/triggers";
    String foreignRoute = route(signUp());

    Api.Response badSchedule = api.post(triggers, tenant.token(),
        Map.of("type", "schedule", "cron", "0 2 * * *", "zone", "Mars/Olympus", "missedRunPolicy", "SOMETIMES"));
    Api.Response badCron = api.post(triggers, tenant.token(), Map.of("type", "schedule", "cron", "0 0 25 * * *"));
    Api.Response badType = api.post(triggers, tenant.token(), Map.of("type", "webhook"));
    Api.Response foreign = api.post(triggers, tenant.token(), Map.of("type", "api_route", "routeId", foreignRoute));
    Api.Response badTemplate = api.post(triggers, tenant.token(), Map.of("type", "manual", "inputTemplate", List.of(1)));

    assertThat(badSchedule.status()).isEqualTo(400);
    assertThat(badSchedule.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/validation-error");
    assertThat(badSchedule.json().path("errors").valueStream().map(e -> e.path("field").asString()))
        .containsExactlyInAnyOrder("cron", "zone", "missedRunPolicy");
    assertThat(badCron.status()).isEqualTo(400);
    assertThat(badCron.json().path("errors").get(0).path("field").asString()).isEqualTo("cron");
    assertThat(badType.json().path("errors").get(0).path("field").asString()).isEqualTo("type");
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.json().path("errors").get(0).path("field").asString()).isEqualTo("routeId");
    assertThat(badTemplate.json().path("errors").get(0).path("field").asString()).isEqualTo("inputTemplate");
    assertThat(api.get(triggers, tenant.token()).json().path("items").size()).isZero();
    assertThat(StubWorker.schedules.keySet()).noneMatch(k -> k.contains(id));
  }

  @Test
  void manual_and_api_route_triggers_are_stored_without_the_worker_and_audited() {
    Api.Tenant tenant = signUp();
    String id = workflow(tenant);
    String routeId = route(tenant);
    String triggers = "/api/v1/workflows/" + id + "/triggers";

    Api.Response manual = api.post(triggers, tenant.token(), Map.of("type", "manual"));
    Api.Response routed = api.post(triggers, tenant.token(), Map.of("type", "api_route", "routeId", routeId,
        "inputTemplate", Map.of("source", "gateway")));

    assertThat(manual.status()).as(manual.raw()).isEqualTo(201);
    assertThat(routed.status()).as(routed.raw()).isEqualTo(201);
    assertThat(routed.json().path("routeId").asString()).isEqualTo(routeId);
    assertThat(api.get(triggers, tenant.token()).json().path("items").size()).isEqualTo(2);
    assertThat(audits(tenant, routed.json().path("id").asString())).isEqualTo(1);
    assertThat(StubWorker.schedules.keySet()).noneMatch(k -> k.contains(id));
  }

  @Test
  void the_worker_down_answers_503_and_stores_nothing_and_a_failed_delete_keeps_the_trigger() {
    Api.Tenant tenant = signUp();
    String id = workflow(tenant);
    String triggers = "/api/v1/workflows/" + id + "/triggers";
    String kept = api.post(triggers, tenant.token(), Map.of("type", "schedule", "cron", "*/30 * * * * *"))
        .json().path("id").asString();
    StubWorker.failing = true;

    Api.Response refused = api.post(triggers, tenant.token(), Map.of("type", "schedule", "cron", "0 0 * * * *"));
    Api.Response notDeleted = api.delete(triggers + "/" + kept, tenant.token());

    assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
    assertThat(refused.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/service-unavailable");
    assertThat(notDeleted.status()).isEqualTo(503);
    StubWorker.failing = false;
    JsonNode items = api.get(triggers, tenant.token()).json().path("items");
    assertThat(items.size()).isEqualTo(1);
    assertThat(items.get(0).path("id").asString()).isEqualTo(kept);
    assertThat(StubWorker.schedules).containsKey(tenant.id() + "/" + id + "/" + kept);
    assertThat(api.get("/api/v1/audit-logs?resourceType=workflow_trigger", tenant.token()).json().path("total").asLong())
        .isEqualTo(1);
  }

  @Test
  void a_viewer_reads_triggers_but_cannot_change_them_and_another_tenant_sees_nothing() {
    Api.Tenant tenant = signUp();
    String id = workflow(tenant);
    String triggers = "/api/v1/workflows/" + id + "/triggers";
    String triggerId = api.post(triggers, member(tenant, "developer"), Map.of("type", "manual")).json().path("id").asString();
    String viewer = member(tenant, "viewer");
    Api.Tenant other = signUp();

    assertThat(api.get(triggers, viewer).json().path("items").size()).isEqualTo(1);
    assertThat(api.post(triggers, viewer, Map.of("type", "manual")).status()).isEqualTo(403);
    assertThat(api.delete(triggers + "/" + triggerId, viewer).status()).isEqualTo(403);
    assertThat(api.get(triggers, other.token()).status()).isEqualTo(404);
    assertThat(api.post(triggers, other.token(), Map.of("type", "manual")).status()).isEqualTo(404);
    assertThat(api.delete(triggers + "/" + triggerId, other.token()).status()).isEqualTo(404);
    assertThat(api.get(triggers, tenant.token()).json().path("items").size()).isEqualTo(1);
  }

  @Test
  void the_worker_reads_the_current_version_for_the_right_tenant_only() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String id = workflow(a);
    api.send("PUT", "/api/v1/workflows/" + id, a.token(), definition("https://v2.example"));
    String path = "/internal/v1/tenants/" + a.id() + "/workflows/" + id + "/versions/current";

    Api.Response current = api.get(path, INTERNAL_TOKEN);

    assertThat(current.status()).as(current.raw()).isEqualTo(200);
    assertThat(current.json().path("workflowId").asString()).isEqualTo(id);
    assertThat(current.json().path("version").asInt()).isEqualTo(2);
    assertThat(current.json().path("definition").path("steps").get(0).path("config").path("url").asString())
        .isEqualTo("https://v2.example");
    assertThat(api.get(path.replace(a.id().toString(), b.id().toString()), INTERNAL_TOKEN).status()).isEqualTo(404);
    assertThat(api.get(path, a.token()).status()).isEqualTo(401);
  }
}
