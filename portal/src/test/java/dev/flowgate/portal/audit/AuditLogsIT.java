package dev.flowgate.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditLogsIT extends PortalIT {

  @Test
  void audit_logs_filter_by_resource_and_show_before_and_after() {
    Api.Tenant tenant = signUp();
    String id = api.post("/api/v1/services", tenant.token(), Map.of("name", "orders", "url", "https://8.8.8.8"))
        .json().path("id").asString();
    api.patch("/api/v1/services/" + id, tenant.token(), Map.of("retries", 3));
    api.post("/api/v1/keys", tenant.token(), Map.of("name", "k"));

    Api.Response response = api.get("/api/v1/audit-logs?resourceType=service&resourceId=" + id, tenant.token());

    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    JsonNode page = response.json();
    assertThat(page.path("total").asLong()).isEqualTo(2);
    JsonNode newest = page.path("items").get(0);
    assertThat(newest.path("action").asString()).isEqualTo("service.updated");
    assertThat(newest.path("before").path("retries").asInt()).isZero();
    assertThat(newest.path("after").path("retries").asInt()).isEqualTo(3);
    assertThat(newest.path("actorType").asString()).isEqualTo("token");
    assertThat(page.path("items").get(1).path("action").asString()).isEqualTo("service.created");
  }

  @Test
  void audit_logs_filter_by_actor_and_time_and_page_with_links() {
    Api.Tenant tenant = signUp();
    String developer = member(tenant, "developer");
    Instant start = Instant.now().minusSeconds(1);
    for (int i = 0; i < 3; i++) {
      api.post("/api/v1/keys", developer, Map.of("name", "dev-" + i));
    }
    String developerId = api.get("/api/v1/audit-logs?resourceType=api_key", tenant.token()).json()
        .path("items").get(0).path("actorId").asString();

    Api.Response byActor = api.get("/api/v1/audit-logs?size=2&actor=" + developerId + "&from=" + start, tenant.token());

    assertThat(byActor.json().path("total").asLong()).isEqualTo(3);
    assertThat(byActor.json().path("items").size()).isEqualTo(2);
    assertThat(byActor.header("Link")).contains("rel=\"next\"").contains("page=1").doesNotContain("rel=\"prev\"");
    assertThat(byActor.header("X-Total-Count")).isEqualTo("3");
    Api.Response second = api.get("/api/v1/audit-logs?size=2&page=1&actor=" + developerId, tenant.token());
    assertThat(second.json().path("items").size()).isEqualTo(1);
    assertThat(second.header("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    assertThat(api.get("/api/v1/audit-logs?to=" + start, tenant.token()).json().path("items").toString())
        .doesNotContain("api_key.created");
    assertThat(api.get("/api/v1/audit-logs?actor=nobody", tenant.token()).status()).isEqualTo(400);
  }

  @Test
  void audit_logs_never_show_another_tenants_records() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String id = api.post("/api/v1/services", a.token(), Map.of("name", "secret-svc", "url", "https://8.8.8.8"))
        .json().path("id").asString();

    Api.Response response = api.get("/api/v1/audit-logs?resourceId=" + id, b.token());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("total").asLong()).isZero();
    assertThat(api.get("/api/v1/audit-logs", b.token()).raw()).doesNotContain("secret-svc");
  }
}
