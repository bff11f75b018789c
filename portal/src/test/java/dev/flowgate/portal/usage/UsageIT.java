package dev.flowgate.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubBillingControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsageIT extends PortalIT {

  @AfterEach
  void billingBack() {
    StubBillingControl.failing(false);
  }

  @Test
  void usage_is_forwarded_to_billing_for_the_callers_tenant_with_the_internal_token() {
    Api.Tenant tenant = signUp();

    Api.Response response = api.get("/api/v1/usage?granularity=day&groupBy=key", tenant.token());

    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    assertThat(response.json().path("totals").path("calls").asLong()).isEqualTo(42);
    String query = StubBillingControl.lastQuery();
    assertThat(query).contains("tenantId=" + tenant.id()).contains("granularity=day").contains("groupBy=key")
        .contains("from=").contains("to=");
    assertThat(StubBillingControl.lastAuthorization()).isEqualTo("Bearer " + INTERNAL_TOKEN);
  }

  @Test
  void a_bad_granularity_answers_400() {
    Api.Tenant tenant = signUp();
    assertThat(api.get("/api/v1/usage?granularity=minute", tenant.token()).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/usage?from=yesterday", tenant.token()).status()).isEqualTo(400);
  }

  @Test
  void billing_failing_answers_503_problem() {
    Api.Tenant tenant = signUp();
    StubBillingControl.failing(true);

    Api.Response response = api.get("/api/v1/usage", tenant.token());

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/service-unavailable");
  }
}
