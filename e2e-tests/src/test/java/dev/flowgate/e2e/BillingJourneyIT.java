package dev.flowgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.flowgate.e2e.pages.LoginPage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Usage seen by the two people who read it: the tenant on its usage page (charts), and the
 * billing team across tenants, who credits the tenant and exports the usage as CSV.
 */
class BillingJourneyIT {

  @RegisterExtension
  static final Browser browser = new Browser();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String UPSTREAM = System.getProperty("flowgate.demo.upstream", "http://127.0.0.1:9100");
  private static final String PASSWORD = "a long enough passphrase";
  private static final int CALLS = 5;

  private static ManagementApi tenant;
  private static String tenantEmail;
  private static String organization;

  @BeforeAll
  static void aTenantWithCallsThroughTheGateway() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Stack stack = Stack.fromSystemProperties();
    organization = "Billed " + suffix;
    tenantEmail = "billed-" + suffix + "@example.com";
    tenant = ManagementApi.signUp(stack.portalUrl(), organization, tenantEmail, PASSWORD);
    JsonNode service = tenant.post("/api/v1/services", Map.of("name", "echo", "url", UPSTREAM));
    String prefix = "/billed-" + suffix;
    tenant.post("/api/v1/routes", Map.of("name", "echo", "serviceId", service.path("id").asString(),
        "paths", List.of(prefix), "methods", List.of(), "hosts", List.of(), "stripPath", true));
    String key = tenant.post("/api/v1/keys", Map.of("name", "billed")).path("secret").asString();
    GatewayClient gateway = new GatewayClient(stack.gatewayUrl());
    Eventually.poll(() -> gateway.get(prefix + "/first", key), r -> r.statusCode() == 200, Duration.ofSeconds(15));
    for (int i = 1; i < CALLS; i++) {
      assertThat(gateway.get(prefix + "/call-" + i, key).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theTenantSeesItsCallsChartedOnTheUsagePage() {
    new LoginPage(browser.page()).open().logIn(tenantEmail, PASSWORD);
    Page page = browser.page();

    page.navigate("/usage");
    Locator charts = page.locator("flowgate-echart");
    charts.first().waitFor();
    Eventually.poll(() -> { page.reload(); charts.first().waitFor(); return page.locator("main").innerText(); },
        text -> text.contains(String.valueOf(CALLS)), Duration.ofSeconds(20));
    page.locator("flowgate-echart canvas").first().waitFor();
    browser.screenshot("billing-01-tenant-usage-charts");

    assertThat(charts.count()).isGreaterThanOrEqualTo(2);
    assertThat(Axe.fromSystemProperties().check(page, "a11y-usage-with-charts")).isEmpty();
  }

  @Test
  void theBillingTeamFindsTheTenantCreditsItAndExportsTheUsageAsCsv() throws IOException {
    String billingEmail = "billing-team-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    createBillingTeamMember(billingEmail);
    Page page = browser.page();
    page.context().clearCookies();
    new LoginPage(page).open().logInAsPlatformAdmin(billingEmail, PASSWORD);

    page.navigate("/billing-team/usage");
    page.locator("#billing-usage-search input").fill(tenant.tenantSlug());
    Locator row = page.locator("#billing-usage-grid").getByText(organization + " (" + tenant.tenantSlug() + ")");
    Eventually.poll(() -> { if (row.count() == 0) { page.reload(); page.locator("#billing-usage-search input").fill(tenant.tenantSlug()); page.waitForTimeout(500); } return row.count(); },
        n -> n > 0, Duration.ofSeconds(30));
    browser.screenshot("billing-02-team-usage-across-tenants");
    row.first().click();

    page.locator("#billing-tenant-issue-credit").click();
    page.locator("#billing-credit-amount input").fill("12.50");
    page.locator("#billing-credit-reason textarea").fill("Gateway incident on the journey day");
    page.locator("#billing-credit-issue").click();
    page.locator("#billing-tenant-credits").getByText("Gateway incident on the journey day").waitFor();
    browser.screenshot("billing-03-credit-issued");

    page.navigate("/billing-team/exports");
    String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("M/d/yyyy"));
    for (String picker : List.of("#billing-export-from", "#billing-export-to")) {
      Locator input = page.locator(picker + " input");
      input.fill(today);
      input.press("Enter");
    }
    Download download = page.waitForDownload(() -> page.locator("#billing-export-download").click());
    String csv = Files.readString(download.path());
    page.locator("#billing-export-status").getByText("rows").first().waitFor();
    browser.screenshot("billing-04-usage-exported");

    assertThat(csv.lines().findFirst().orElse("")).startsWith("day,tenant_id");
    assertThat(csv).contains(tenantIdOf());
  }

  /** The platform admin issues itself a token in the admin area and creates a billing-team account with it. */
  private static void createBillingTeamMember(String email) {
    Page page = browser.page();
    new LoginPage(page).open().logInAsPlatformAdmin(requiredEnv("FLOWGATE_ADMIN_EMAIL"), requiredEnv("FLOWGATE_ADMIN_PASSWORD"));
    page.locator("#admin-token-create").click();
    Locator token = page.locator("#admin-token input");
    token.waitFor();
    String adminToken = token.inputValue();
    HttpRequest request = HttpRequest.newBuilder(URI.create(browser.stack().portalUrl() + "/api/v1/admin/billing/team"))
        .header("Authorization", "Bearer " + adminToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD))))
        .build();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String tenantIdOf() {
    return tenant.signupAnswer().path("tenant").path("id").asString();
  }

  private static String requiredEnv(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run the journeys through deploy/local/test, which provides it");
    }
    return value;
  }
}
