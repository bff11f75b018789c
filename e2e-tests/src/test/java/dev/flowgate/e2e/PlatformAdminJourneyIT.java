package dev.flowgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.LoadState;
import dev.flowgate.e2e.pages.AdminAuditPage;
import dev.flowgate.e2e.pages.AdminTenantPage;
import dev.flowgate.e2e.pages.AdminTenantsPage;
import dev.flowgate.e2e.pages.AdminUsersPage;
import dev.flowgate.e2e.pages.LoginPage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A platform admin suspends a tenant in the portal; the tenant's API consumers are refused at the
 * gateway within seconds, and served again once the admin reinstates it. The admin also changes a
 * user's role and account, a tenant's plan, schedules and cancels its deletion and finds all of it in
 * the audit trail; every admin screen passes axe in light and dark, and a tenant's user reaches none.
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
        .logInAsPlatformAdmin(Env.required("FLOWGATE_ADMIN_EMAIL"), Env.required("FLOWGATE_ADMIN_PASSWORD"));
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

  @Test
  void aPlatformAdminManagesAUsersRoleATenantsPlanAndDeletionAndReadsItInTheAuditTrailWhichTenantUsersCannotReach() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String ownerEmail = "owner-" + suffix + "@example.com";
    String password = "a long enough passphrase";
    ManagementApi tenant = ManagementApi.signUp(browser.stack().portalUrl(), "Administered " + suffix, ownerEmail, password);
    String tenantId = tenant.signupAnswer().path("tenant").path("id").asString();
    String developerEmail = "dev-" + suffix + "@example.com";
    String invitation = tenant.post("/api/v1/members/invitations", Map.of("email", developerEmail, "role", "developer"))
        .path("token").asString();
    ManagementApi.acceptInvitation(browser.stack().portalUrl(), invitation, password);

    // a tenant's user: 403 from the admin API, and no admin screen in the browser
    assertThat(tenant.status("/api/v1/admin/users")).isEqualTo(403);
    assertThat(tenant.status("/api/v1/admin/audit-logs")).isEqualTo(403);
    new LoginPage(browser.page()).open().logIn(ownerEmail, password);
    for (String path : List.of("/admin/users", "/admin/audit", "/admin/tenants/" + tenantId, "/admin/tenants")) {
      browser.page().navigate(path);
      browser.page().waitForLoadState(LoadState.NETWORKIDLE);
      assertThat(browser.page().locator("#admin-users-grid, #admin-audit-grid, #admin-tenant-title, #admin-tenants-grid").count())
          .as(path + " for a tenant's owner").isZero();
    }
    browser.screenshot("admin-03-tenant-user-refused");
    browser.page().context().clearCookies();

    String adminEmail = Env.required("FLOWGATE_ADMIN_EMAIL");
    AdminTenantsPage tenants = new LoginPage(browser.page()).open().logInAsPlatformAdmin(adminEmail, Env.required("FLOWGATE_ADMIN_PASSWORD"));
    AdminTenantPage detail = tenants.open(tenant.tenantSlug());
    assertThat(detail.currentPlan()).contains("free");
    detail.changePlan("starter");
    assertThat(detail.currentPlan()).contains("starter");
    browser.screenshot("admin-04-plan-changed");
    String purge = detail.scheduleDeletion();
    LocalDate purgeDay = LocalDate.parse(purge.substring(0, 10));
    assertThat(purgeDay).isAfter(LocalDate.now(ZoneOffset.UTC));
    browser.screenshot("admin-05-deletion-scheduled");
    detail.cancelDeletion();
    assertThat(detail.deletionScheduled()).isFalse();

    AdminUsersPage users = new AdminUsersPage(browser.page()).open();
    assertThat(users.select(developerEmail)).contains(tenant.tenantSlug()).contains("developer").contains("active");
    users.changeRole("viewer").disable();
    browser.screenshot("admin-06-user-disabled");
    users.enable();

    AdminAuditPage audit = new AdminAuditPage(browser.page()).open().filter(adminEmail, tenant.tenantSlug(), "plan")
        .waitForTotal("1 record");
    String planChange = audit.openEntry("billing.plan_changed");
    assertThat(planChange).contains("Before").contains("After").contains("free").contains("starter");
    assertThat(audit.total()).isEqualTo("1 record");
    browser.screenshot("admin-07-audit-trail-filtered");

    Map<String, List<Axe.Violation>> found = new LinkedHashMap<>();
    Axe axe = Axe.fromSystemProperties();
    for (String scheme : List.of("light", "dark")) {
      if (scheme.equals("dark")) {
        browser.page().locator("#theme-toggle").click();
        browser.page().waitForFunction("() => document.documentElement.getAttribute('theme')?.includes('dark')"
            + " || getComputedStyle(document.documentElement).colorScheme.includes('dark')");
      }
      for (String path : List.of("admin/tenants", "admin/tenants/" + tenantId, "admin/users", "admin/audit", "admin/health")) {
        browser.page().navigate("/" + path);
        browser.page().waitForLoadState(LoadState.NETWORKIDLE);
        browser.page().locator("main h2").first().waitFor();
        browser.page().waitForTimeout(300);
        String name = "admin-a11y-" + scheme + "-" + (path.startsWith("admin/tenants/") ? "tenant" : path.substring(6));
        browser.screenshot(name);
        found.put(scheme + " /" + path, axe.check(browser.page(), name));
      }
    }
    assertThat(found.values().stream().flatMap(List::stream).toList())
        .as("axe-core WCAG 2.1 A/AA violations on the admin screens, light and dark: " + found).isEmpty();
  }

}
