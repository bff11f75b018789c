package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Vaadin's login form; its "Show password" button makes label look-ups ambiguous. */
public final class LoginPage {

  private final Page page;
  private final Locator username;
  private final Locator password;
  private final Locator submit;

  public LoginPage(Page page) {
    this.page = page;
    this.username = page.locator("input[name=username]");
    this.password = page.locator("input[name=password]");
    this.submit = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"));
  }

  public LoginPage open() {
    page.navigate("/login");
    username.waitFor();
    return this;
  }

  public boolean isShown() {
    return username.isVisible();
  }

  public DashboardPage logIn(String email, String secret) {
    submitCredentials(email, secret);
    return new DashboardPage(page).waitUntilShown();
  }

  /** Platform users land on the admin area instead of a tenant dashboard. */
  public AdminTenantsPage logInAsPlatformAdmin(String email, String secret) {
    submitCredentials(email, secret);
    return new AdminTenantsPage(page).waitUntilShown();
  }

  private void submitCredentials(String email, String secret) {
    username.fill(email);
    password.fill(secret);
    submit.click();
  }
}
