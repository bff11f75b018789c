package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The public sign-up form. */
public final class SignupPage {

  private final Page page;
  private final Locator organization;
  private final Locator email;
  private final Locator password;
  private final Locator submit;

  public SignupPage(Page page) {
    this.page = page;
    this.organization = page.locator("#signup-organization input");
    this.email = page.locator("#signup-email input");
    this.password = page.locator("#signup-password input");
    this.submit = page.locator("#signup-submit");
  }

  public SignupPage open() {
    page.navigate("/signup");
    organization.waitFor();
    return this;
  }

  public DashboardPage signUp(String organizationName, String emailAddress, String secret) {
    organization.fill(organizationName);
    email.fill(emailAddress);
    password.fill(secret);
    submit.click();
    return new DashboardPage(page).waitUntilShown();
  }
}
