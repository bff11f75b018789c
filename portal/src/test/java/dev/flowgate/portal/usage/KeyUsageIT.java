package dev.flowgate.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubBillingControl;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KeyUsageIT extends PortalIT {

  @Test
  void a_keys_usage_is_billings_usage_grouped_by_key_narrowed_to_that_key() {
    StubBillingControl.failing(false);
    Api.Tenant tenant = signUp();
    String key = api.post("/api/v1/keys", tenant.token(), Map.of("name", "metered")).json().path("id").asString();
    String other = api.post("/api/v1/keys", tenant.token(), Map.of("name", "other")).json().path("id").asString();
    StubBillingControl.usage(tenant.id(), "\"totals\":{\"calls\":12,\"errors\":3,\"serverErrors\":1,\"requestBytes\":120,\"responseBytes\":240},"
        + "\"series\":[" + point("2026-11-23T10:00:00Z", key, 5, 1) + "," + point("2026-11-23T10:00:00Z", other, 4, 2) + ","
        + point("2026-11-23T11:00:00Z", key, 3, 0) + "]");

    Api.Response response = api.get("/api/v1/keys/" + key + "/usage?from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z&granularity=hour",
        tenant.token());

    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.path("keyId").asString()).isEqualTo(key);
    assertThat(body.path("series")).hasSize(2);
    assertThat(body.path("series").valueStream().allMatch(p -> p.path("group").asString().equals(key))).isTrue();
    assertThat(body.path("totals").path("calls").asLong()).isEqualTo(8);
    assertThat(body.path("totals").path("errors").asLong()).isEqualTo(1);
    assertThat(StubBillingControl.lastQuery()).contains("tenantId=" + tenant.id()).contains("groupBy=key")
        .contains("granularity=hour");
  }

  @Test
  void another_tenants_key_answers_404_without_asking_billing_and_bad_ranges_answer_400() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String key = api.post("/api/v1/keys", a.token(), Map.of("name", "a-key")).json().path("id").asString();

    Api.Response foreign = api.get("/api/v1/keys/" + key + "/usage", b.token());
    Api.Response backwards = api.get("/api/v1/keys/" + key + "/usage?from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z", a.token());
    Api.Response weekly = api.get("/api/v1/keys/" + key + "/usage?granularity=week", a.token());

    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/not-found");
    assertThat(backwards.json().path("errors").get(0).path("field").asString()).isEqualTo("from");
    assertThat(weekly.json().path("errors").get(0).path("field").asString()).isEqualTo("granularity");
  }

  private static String point(String bucket, String group, long calls, long errors) {
    return "{\"bucketStart\":\"" + bucket + "\",\"group\":\"" + group + "\",\"calls\":" + calls + ",\"errors\":" + errors
        + ",\"serverErrors\":0,\"requestBytes\":10,\"responseBytes\":20,\"latencyP50Ms\":5,\"latencyP95Ms\":9,\"latencyP99Ms\":12}";
  }
}
