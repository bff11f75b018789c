package dev.flowgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import dev.flowgate.e2e.pages.LoginPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every portal page a tenant developer reaches, checked with axe-core for WCAG 2.1 A/AA violations
 * in the light and the dark theme; screenshots and axe reports are kept as test output.
 */
class AccessibilityIT {

  @RegisterExtension
  static final Browser browser = new Browser();

  private static final List<String> TENANT_PAGES = List.of(
      "", "usage", "billing", "services", "routes", "workflows", "audit-logs", "team", "tokens");

  private final Axe axe = Axe.fromSystemProperties();

  @Test
  void theSignedOutPagesHaveNoAccessibilityViolations() {
    Map<String, List<Axe.Violation>> found = new LinkedHashMap<>();
    for (String path : List.of("login", "signup", "forgot-password", "reset-password/not-a-real-link")) {
      open(path);
      found.put(path, checked("a11y-" + path.replace('/', '-')));
    }

    assertNoViolations(found);
  }

  @Test
  void aForgottenPasswordIsAskedForFromTheLoginForm() {
    open("login");
    browser.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Forgot password")).click();

    browser.page().waitForURL("**/forgot-password");
    browser.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reset your password")).waitFor();
    browser.screenshot("forgot-password-from-login");
  }

  @Test
  void everyTenantPageHasNoAccessibilityViolationsInLightAndDark() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String email = "a11y-" + suffix + "@example.com";
    String password = "a long enough passphrase";
    ManagementApi.signUp(browser.stack().portalUrl(), "Accessible " + suffix, email, password);
    new LoginPage(browser.page()).open().logIn(email, password);

    Map<String, List<Axe.Violation>> found = new LinkedHashMap<>();
    for (String scheme : List.of("light", "dark")) {
      if (scheme.equals("dark")) {
        browser.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch between light and dark")).click();
        browser.page().waitForFunction("() => document.documentElement.getAttribute('theme')?.includes('dark')"
            + " || getComputedStyle(document.documentElement).colorScheme.includes('dark')");
      }
      for (String path : TENANT_PAGES) {
        open(path);
        String name = "a11y-" + scheme + "-" + (path.isEmpty() ? "dashboard" : path);
        found.put(scheme + " /" + path, checked(name));
      }
    }

    assertNoViolations(found);
  }

  private void open(String path) {
    Page page = browser.page();
    page.navigate("/" + path);
    page.waitForLoadState(LoadState.NETWORKIDLE);
    page.locator("main, vaadin-login-overlay, vaadin-login-form, form").first().waitFor();
    page.waitForTimeout(300);
  }

  private List<Axe.Violation> checked(String name) {
    browser.screenshot(name);
    return axe.check(browser.page(), name);
  }

  private static void assertNoViolations(Map<String, List<Axe.Violation>> found) {
    List<String> lines = new ArrayList<>();
    found.forEach((page, violations) -> violations.forEach(v -> lines.add(page + ": " + v)));
    assertThat(lines).as("axe-core WCAG 2.1 A/AA violations (reports in target/axe)").isEmpty();
  }
}
