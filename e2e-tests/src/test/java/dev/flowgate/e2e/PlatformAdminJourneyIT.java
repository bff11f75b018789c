package dev.flowgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.e2e.pages.AdminTenantsPage;
import dev.flowgate.e2e.pages.LoginPage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A platform admin suspends a tenant in the portal; the tenant's API consumers are refused at the
 * gateway within seconds, and served again once the admin reinstates it.
 */
class PlatformAdminJourneyIT {

  @RegisterExtension
  static final Browser browser = new Browser();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String UPSTREAM = System.getProperty("flowgate.demo.upstream", "http://127.0.0.1:9100");

  @Test
  void aSuspendedTenantsCallsAreRefusedWithin5SecondsAndServedAgainAfterReinstatement() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    ManagementApi tenant = ManagementApi.signUp(browser.stack().portalUrl(), "Suspendable " + suffix,
        "owner-" + suffix + "@example.com", "a long enough passphrase");
    JsonNode service = tenant.post("/api/v1/services", Map.of("name", "echo", "url", UPSTREAM));
    String prefix = "/admin-journey-" + suffix;
    tenant.post("/api/v1/routes", Map.of("name", "echo", "serviceId", service.path("id").asString(),
        "paths", List.of(prefix), "methods", List.of(), "hosts", List.of(), "stripPath", true));
    String key = tenant.post("/api/v1/keys", Map.of("name", "consumer")).path("secret").asString();
    GatewayClient gateway = new GatewayClient(browser.stack().gatewayUrl());
    assertThat(Eventually.poll(() -> gateway.get(prefix + "/ping", key), r -> r.statusCode() == 200, Duration.ofSeconds(10))
        .statusCode()).isEqualTo(200);

    AdminTenantsPage admin = new LoginPage(browser.page()).open()
        .logInAsPlatformAdmin(requiredEnv("FLOWGATE_ADMIN_EMAIL"), requiredEnv("FLOWGATE_ADMIN_PASSWORD"));
    admin.suspend(tenant.tenantSlug(), "unpaid invoices " + suffix);
    Instant suspended = Instant.now();
    browser.screenshot("admin-01-tenant-suspended");

    HttpResponse<String> refused = Eventually.poll(() -> gateway.get(prefix + "/ping", key), r -> r.statusCode() == 403, Duration.ofSeconds(5));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Duration.between(suspended, Instant.now())).isLessThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(JSON.readTree(refused.body()).path("type").asString()).startsWith("https://flowgate.dev/problems/");

    admin.reinstate(tenant.tenantSlug());
    browser.screenshot("admin-02-tenant-reinstated");
    assertThat(Axe.fromSystemProperties().check(browser.page(), "a11y-admin-tenants"))
        .as("axe-core WCAG 2.1 A/AA violations on the admin's tenant list").isEmpty();
    HttpResponse<String> served = Eventually.poll(() -> gateway.get(prefix + "/ping", key), r -> r.statusCode() == 200, Duration.ofSeconds(5));
    assertThat(served.statusCode()).isEqualTo(200);
  }

  private static String requiredEnv(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run the journeys through deploy/local/test, which provides it");
    }
    return value;
  }

}
