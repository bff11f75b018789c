package dev.flowgate.portal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.config.ConfigInvalidated;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiRouteTriggerIT extends PortalIT {

  @Test
  void an_api_route_trigger_puts_the_workflow_trigger_policy_on_its_route_in_the_snapshot_and_invalidates() throws Exception {
    Api.Tenant tenant = signUp();
    String workflow = workflow(tenant);
    String route = route(tenant);
    String triggers = "/api/v1/workflows/" + workflow + "/triggers";
    try (Connection nats = Nats.connect(System.getProperty("flowgate.nats", "nats://127.0.0.1:4222"))) {
      Subscription subscription = nats.subscribe(Subjects.CONFIG_INVALIDATIONS);
      nats.flush(Duration.ofSeconds(2));

      Api.Response created = api.post(triggers, tenant.token(), Map.of("type", "api_route", "routeId", route,
          "mode", "passthrough", "version", 1, "inputTemplate", Map.of("orderId", "{{body.id}}")));

      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      assertThat(created.json().path("mode").asString()).isEqualTo("passthrough");
      assertThat(created.json().path("version").asInt()).isEqualTo(1);
      assertThat(invalidationFor(subscription, route)).as("invalidation naming the route").isTrue();
    }
    JsonNode policy = routeInSnapshot(route).path("policies").get(0);
    assertThat(policy.path("type").asString()).isEqualTo("workflow_trigger");
    assertThat(policy.path("config").path("workflowId").asString()).isEqualTo(workflow);
    assertThat(policy.path("config").path("mode").asString()).isEqualTo("passthrough");
    assertThat(policy.path("config").path("workflowVersion").asInt()).isEqualTo(1);
    assertThat(policy.path("config").path("inputTemplate").path("orderId").asString()).isEqualTo("{{body.id}}");

    String triggerId = api.get(triggers, tenant.token()).json().path("items").get(0).path("id").asString();
    assertThat(api.delete(triggers + "/" + triggerId, tenant.token()).status()).isEqualTo(204);

    assertThat(routeInSnapshot(route).path("policies").valueStream()
        .noneMatch(p -> p.path("type").asString().equals("workflow_trigger"))).isTrue();
  }

  @Test
  void an_unpinned_async_trigger_runs_the_current_version_and_a_route_takes_only_one_trigger_and_stays_while_triggering() {
    Api.Tenant tenant = signUp();
    String workflow = workflow(tenant);
    String route = route(tenant);
    String triggers = "/api/v1/workflows/" + workflow + "/triggers";

    assertThat(api.post(triggers, tenant.token(), Map.of("type", "api_route", "routeId", route)).status()).isEqualTo(201);
    Api.Response second = api.post(triggers, tenant.token(), Map.of("type", "api_route", "routeId", route));
    Api.Response badMode = api.post(triggers, tenant.token(), Map.of("type", "api_route", "routeId", route, "mode", "sync"));
    Api.Response badVersion = api.post(triggers, tenant.token(), Map.of("type", "manual", "version", 7));

    JsonNode config = routeInSnapshot(route).path("policies").get(0).path("config");
    assertThat(config.path("mode").asString()).isEqualTo("async");
    assertThat(config.path("workflowVersion").isNull()).isTrue();
    assertThat(second.status()).isEqualTo(409);
    assertThat(badMode.status()).isEqualTo(400);
    assertThat(badMode.json().path("errors").get(0).path("field").asString()).isEqualTo("mode");
    assertThat(badVersion.json().path("errors").get(0).path("field").asString()).isEqualTo("version");
    Api.Response deleteRoute = api.delete("/api/v1/routes/" + route, tenant.token());
    assertThat(deleteRoute.status()).as("a triggering route is not deleted under its trigger").isEqualTo(409);
  }

  private JsonNode routeInSnapshot(String route) {
    return api.get("/internal/v1/gateway/snapshot", INTERNAL_TOKEN).json().path("routes").valueStream()
        .filter(r -> r.path("id").asString().equals(route)).findFirst().orElseThrow();
  }

  private static boolean invalidationFor(Subscription subscription, String route) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Message message = subscription.nextMessage(Duration.ofSeconds(1));
      if (message != null) {
        Envelope<ConfigInvalidated> envelope = EventCodec.envelope(message.getData(), ConfigInvalidated.class);
        if (route.equals(envelope.payload().resourceId()) && envelope.payload().resourceType().equals("route")) {
          return true;
        }
      }
    }
    return false;
  }

  private String workflow(Api.Tenant tenant) {
    return api.post("/api/v1/workflows", tenant.token(), Map.of("name", "orders-flow",
        "steps", List.of(Map.of("id", "wait", "type", "delay", "config", Map.of("seconds", 1))))).json().path("id").asString();
  }

  private String route(Api.Tenant tenant) {
    String service = api.post("/api/v1/services", tenant.token(), Map.of("name", "orders", "url", "https://8.8.8.8"))
        .json().path("id").asString();
    return api.post("/api/v1/routes", tenant.token(), Map.of("name", "orders", "serviceId", service, "paths", List.of("/orders")))
        .json().path("id").asString();
  }
}
