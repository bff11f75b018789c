package dev.flowgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.flowgate.e2e.pages.CatalogPage;
import dev.flowgate.e2e.pages.DashboardPage;
import dev.flowgate.e2e.pages.KeysPage;
import dev.flowgate.e2e.pages.SignupPage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A developer manages keys and tries the API from the catalog, in real Chromium against the running
 * stack: creates keys, rotates one with a grace period, revokes another, and calls the sample route
 * through the gateway from the try-it console. Both screens are checked with axe-core, light and dark.
 */
class KeysAndCatalogJourneyIT {

  @RegisterExtension
  static final Browser browser = new Browser();

  private final Axe axe = Axe.fromSystemProperties();
  private final List<String> violations = new ArrayList<>();

  @Test
  void aDeveloperCreatesRotatesAndRevokesKeysThenTriesTheSampleRouteFromTheCatalog() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Page page = browser.page();
    DashboardPage dashboard = new SignupPage(page).open()
        .signUp("Keys " + suffix, "keys-" + suffix + "@example.com", "correct horse battery staple");
    dashboard.createSampleApi();
    page.locator("#dashboard-manage-keys").click();
    KeysPage keys = new KeysPage(page).waitUntilShown();

    String legacy = keys.create("legacy", 600);
    String first = keys.createAndKeepOpen("journey");
    browser.screenshot("keys-01-secret-shown-once-light");
    keys.closeDialog();
    assertThat(first).matches("fg_live_[0-9A-Za-z]{32}");

    KeysPage.Shown rotated = keys.select("journey").rotate("1 hour");
    browser.screenshot("keys-02-rotated-new-secret-once-light");
    assertThat(rotated.secret()).matches("fg_live_[0-9A-Za-z]{32}").isNotEqualTo(first);
    assertThat(rotated.oldSecretEnds()).contains("keeps working until");
    keys.closeDialog();

    String revoked = keys.select("legacy").revoke();
    assertThat(revoked).contains("Revoked");
    keys.row("revoked").first().waitFor();
    assertThat(keys.row("revoked").count()).isEqualTo(1);
    check("keys-light");

    GatewayClient gateway = new GatewayClient(browser.stack().gatewayUrl());
    assertThat(poll(gateway, rotated.secret(), 200).statusCode()).as("the new secret works").isEqualTo(200);
    assertThat(poll(gateway, first, 200).statusCode()).as("the old secret works during its grace").isEqualTo(200);
    assertThat(poll(gateway, legacy, 401).statusCode()).as("the revoked key is refused").isEqualTo(401);

    toggleTheme();
    keys.select("journey");
    check("keys-dark");

    page.locator("#nav-catalog").click();
    CatalogPage catalog = new CatalogPage(page);
    catalog.service("sample").waitFor();
    String status = catalog.tryRoute("sample", "/sample/hello", rotated.secret());
    assertThat(status).contains("/sample/hello").contains("→ 200");
    assertThat(catalog.responseHeaders()).contains("x-request-id: ").contains("ratelimit-limit: ");
    check("catalog-dark");

    toggleTheme();
    catalog.open();
    catalog.tryRoute("sample", "/sample/hello", legacy);
    assertThat(page.locator("#try-status").innerText()).contains("→ 401");
    check("catalog-light");

    assertThat(violations).as("axe-core WCAG 2.1 A/AA violations (reports in target/axe)").isEmpty();
  }

  private static HttpResponse<String> poll(GatewayClient gateway, String key, int expected) {
    return Eventually.poll(() -> gateway.get("/sample/hello", key), r -> r.statusCode() == expected, Duration.ofSeconds(15));
  }

  private void check(String name) {
    browser.page().waitForTimeout(300);
    browser.screenshot(name);
    axe.check(browser.page(), name).forEach(v -> violations.add(name + ": " + v));
  }

  private static void toggleTheme() {
    Page page = browser.page();
    boolean dark = isDark(page);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch between light and dark")).click();
    page.waitForFunction("wasDark => ((document.documentElement.getAttribute('theme') || '').includes('dark')"
        + " || getComputedStyle(document.documentElement).colorScheme.includes('dark')) !== wasDark", dark);
  }

  private static boolean isDark(Page page) {
    return Boolean.TRUE.equals(page.evaluate("() => (document.documentElement.getAttribute('theme') || '').includes('dark')"
        + " || getComputedStyle(document.documentElement).colorScheme.includes('dark')"));
  }
}
