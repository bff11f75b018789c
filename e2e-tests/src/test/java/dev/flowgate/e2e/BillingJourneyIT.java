package dev.flowgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import dev.flowgate.e2e.pages.LoginPage;
import dev.flowgate.e2e.pages.RevenuePage;
import dev.flowgate.e2e.pages.TenantBillingPage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Usage seen by the two people who read it: the tenant on its usage page (charts), and the
 * billing team across tenants, who credits the tenant, exports the usage as CSV, follows an
 * invoice from open to paid after Stripe's webhook and reads revenue by month and plan. And what a
 * hard limit does at the gateway once billing has metered it. Every billing-team page is checked
 * with axe in light and dark (last, so the pages hold this journey's data).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingJourneyIT {

  @RegisterExtension
  static final Browser browser = new Browser();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String UPSTREAM = System.getProperty("flowgate.demo.upstream", "http://127.0.0.1:9100");
  private static final String PASSWORD = "a long enough passphrase";
  private static final int CALLS = 5;
  /** The hard limit of the journey's tiny plan: small enough to reach in a second through the gateway. */
  private static final int HARD_LIMIT = 20;
  private static final Duration QUOTA_REACHES_GATEWAY_WITHIN = Duration.ofSeconds(5);
  private static final String QUOTA_EXCEEDED = "https://flowgate.dev/problems/quota-exceeded";

  private static final BillingLedger ledger = new BillingLedger();
  private static final BillingStack billingStack = new BillingStack();
  private static ManagementApi tenant;
  private static String tenantEmail;
  private static String organization;
  private static String billingTeamEmail;

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
  @Order(1)
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
  @Order(2)
  void theBillingTeamFindsTheTenantCreditsItAndExportsTheUsageAsCsv() throws IOException {
    Page page = logInAsBillingTeam();

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

  @Test
  @Order(3)
  void theBillingTeamSeesAnInvoiceGoFromOpenToPaidWhenStripeReportsThePayment() {
    // the tenant was on Starter all last month (billing's history; no API writes the past)
    YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    ledger.planSince(UUID.fromString(tenantIdOf()), "starter", lastMonth.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    JsonNode run = billingStack.finalizeMonth(lastMonth.toString(), tenantIdOf());
    assertThat(run.path("created").asInt() + run.path("alreadyFinalized").asInt()).as(run.toString()).isEqualTo(1);
    // billing pushes the invoice to Stripe (the stub) on finalisation and keeps Stripe's id
    JsonNode invoice = Eventually.poll(() -> tenant.get("/api/v1/invoices").path("items").path(0),
        i -> !i.path("stripeInvoiceId").asString("").isEmpty(), Duration.ofSeconds(30));
    assertThat(invoice.path("stripeInvoiceId").asString("")).as(invoice.toString()).startsWith("in_");
    assertThat(invoice.path("status").asString()).isEqualTo("open");

    Page page = logInAsBillingTeam();
    TenantBillingPage drillDown = new TenantBillingPage(page).open(tenantIdOf()).waitForInvoiceState("open", Duration.ofSeconds(10));
    browser.screenshot("billing-05-invoice-open");

    // the customer pays at Stripe; the stub sends billing a signed invoice.paid to /webhooks/stripe
    JsonNode paidAtStripe = billingStack.payAtStripe(invoice.path("stripeInvoiceId").asString());
    assertThat(paidAtStripe.path("status").asString()).isEqualTo("paid");
    drillDown.waitForInvoiceState("paid", Duration.ofSeconds(20));
    browser.screenshot("billing-06-invoice-paid");

    assertThat(drillDown.invoiceState("open").count()).isZero();
    JsonNode paid = tenant.get("/api/v1/invoices/" + invoice.path("id").asString());
    assertThat(paid.path("status").asString()).isEqualTo("paid");
    assertThat(paid.path("paidAt").isNull()).isFalse();

    String chart = new RevenuePage(page).open().chartData();
    browser.screenshot("billing-07-revenue-by-plan");
    assertThat(chart).contains("starter").contains(lastMonth.toString());
  }

  @Test
  @Order(4)
  void aHardLimitBecomesQuotaExceededAtTheGatewayWithinFiveSecondsOfBillingMeteringIt() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Stack stack = Stack.fromSystemProperties();
    ManagementApi limited = ManagementApi.signUp(stack.portalUrl(), "Limited " + suffix, "limited-" + suffix + "@example.com", PASSWORD);
    UUID tenantId = UUID.fromString(limited.signupAnswer().path("tenant").path("id").asString());
    String plan = "journey-hard-" + suffix;
    ledger.definePlan(plan, HARD_LIMIT / 2, HARD_LIMIT);
    try {
      assertThat(limited.put("/api/v1/billing/plan", Map.of("planCode", plan)).path("plan").path("hardLimitCalls").asLong())
          .isEqualTo(HARD_LIMIT);
      String prefix = "/limited-" + suffix;
      JsonNode service = limited.post("/api/v1/services", Map.of("name", "echo", "url", UPSTREAM));
      limited.post("/api/v1/routes", Map.of("name", "echo", "serviceId", service.path("id").asString(),
          "paths", List.of(prefix), "methods", List.of(), "hosts", List.of(), "stripPath", true));
      String key = limited.post("/api/v1/keys", Map.of("name", "limited")).path("secret").asString();
      GatewayClient gateway = new GatewayClient(stack.gatewayUrl());
      Eventually.poll(() -> gateway.get(prefix + "/warm-up", key), r -> r.statusCode() == 200, Duration.ofSeconds(15));

      int answered = 1;
      while (answered < HARD_LIMIT && gateway.get(prefix + "/call-" + answered, key).statusCode() == 200) {
        answered++;
      }
      Instant lastCall = Instant.now();
      Instant metered = waitUntil(() -> limited.get("/api/v1/billing/plan").path("callsThisPeriod").asLong() >= HARD_LIMIT,
          Duration.ofSeconds(15), "billing to meter " + HARD_LIMIT + " calls");
      List<Integer> statuses = new ArrayList<>();
      AtomicReference<HttpResponse<String>> refused = new AtomicReference<>();
      Instant blocked = waitUntil(() -> {
        HttpResponse<String> response = gateway.get(prefix + "/after-the-limit", key);
        statuses.add(response.statusCode());
        refused.set(response);
        return response.statusCode() == 429;
      }, Duration.ofSeconds(15), "the gateway to refuse the tenant");

      Duration afterMetering = Duration.between(metered, blocked);
      System.out.printf("hard limit: billing metered %d calls %d ms after the last call; the gateway answered 429 %d ms"
          + " after that (%d ms after the last call; %d calls in between)%n", HARD_LIMIT,
          Duration.between(lastCall, metered).toMillis(), afterMetering.toMillis(),
          Duration.between(lastCall, blocked).toMillis(), statuses.size() - 1);
      JourneyTimes.record("hard limit: billing metered the limit to 429 at the gateway", afterMetering, 0);
      assertThat(afterMetering).isLessThanOrEqualTo(QUOTA_REACHES_GATEWAY_WITHIN);
      HttpResponse<String> response = refused.get();
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.path("type").asString()).isEqualTo(QUOTA_EXCEEDED);
      assertThat(problem.path("status").asInt()).isEqualTo(429);
      long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElse("0"));
      // blocked until the period ends: the first of next month (UTC)
      long untilNextMonth = Duration.between(Instant.now(),
          YearMonth.now(ZoneOffset.UTC).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)).toSeconds();
      assertThat(retryAfter).isPositive().isBetween(untilNextMonth - 60, untilNextMonth + 60);
    } finally {
      limited.put("/api/v1/billing/plan", Map.of("planCode", "free"));
      ledger.removePlan(tenantId, plan);
    }
  }

  @Test
  @Order(5)
  void everyBillingTeamPageHasNoAccessibilityViolationsInLightAndDark() {
    Page page = logInAsBillingTeam();
    List<String> paths = List.of("billing-team/revenue", "billing-team/usage", "billing-team/invoices",
        "billing-team/exports", "billing-team/tenants/" + tenantIdOf());
    Axe axe = Axe.fromSystemProperties();
    Map<String, List<Axe.Violation>> found = new LinkedHashMap<>();
    for (String scheme : List.of("light", "dark")) {
      if (scheme.equals("dark")) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch between light and dark")).click();
        page.waitForFunction("() => document.documentElement.getAttribute('theme')?.includes('dark')"
            + " || getComputedStyle(document.documentElement).colorScheme.includes('dark')");
      }
      for (String path : paths) {
        page.navigate("/" + path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("main").first().waitFor();
        page.waitForTimeout(500);
        String name = "billing-a11y-" + scheme + "-" + path.replace("billing-team/", "").replaceAll("/.*", "");
        browser.screenshot(name);
        found.put(scheme + " /" + path, axe.check(page, name));
      }
    }

    List<String> lines = new ArrayList<>();
    found.forEach((path, violations) -> violations.forEach(v -> lines.add(path + ": " + v)));
    assertThat(lines).as("axe-core WCAG 2.1 A/AA violations (reports in target/axe)").isEmpty();
  }

  /** Signs in as the journey's billing-team member (created once, by the platform admin). */
  private static Page logInAsBillingTeam() {
    if (billingTeamEmail == null) {
      String email = "billing-team-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
      createBillingTeamMember(email);
      billingTeamEmail = email;
    }
    Page page = browser.page();
    page.context().clearCookies();
    new LoginPage(page).open().logInAsPlatformAdmin(billingTeamEmail, PASSWORD);
    return page;
  }

  /** Polls every 25 ms; the instant the condition first held. */
  private static Instant waitUntil(BooleanSupplier condition, Duration within, String what) {
    Instant deadline = Instant.now().plus(within);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited " + within + " for " + what);
      }
      Eventually.sleep(25);
    }
    return Instant.now();
  }

  /** The platform admin issues itself a token in the admin area and creates a billing-team account with it. */
  private static void createBillingTeamMember(String email) {
    Page page = browser.page();
    page.context().clearCookies();
    new LoginPage(page).open().logInAsPlatformAdmin(Env.required("FLOWGATE_ADMIN_EMAIL"), Env.required("FLOWGATE_ADMIN_PASSWORD"));
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
}
