package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The tenant's first screen: today's usage, the sample API and the keys. */
public final class DashboardPage {

  private final Page page;
  private final Locator createSampleApi;
  private final Locator createKey;
  private final Locator usageCalls;
  private final Locator refreshUsage;

  public DashboardPage(Page page) {
    this.page = page;
    this.createSampleApi = page.locator("#create-sample-api");
    this.createKey = page.locator("#create-key");
    this.usageCalls = page.locator("#usage-calls");
    this.refreshUsage = page.locator("#refresh-usage");
  }

  public DashboardPage waitUntilShown() {
    createKey.waitFor();
    return this;
  }

  public DashboardPage createSampleApi() {
    createSampleApi.click();
    page.locator("#sample-api-status").getByText("/sample/hello").waitFor();
    return this;
  }

  public NewKeyDialog openCreateKey() {
    createKey.click();
    return new NewKeyDialog(page).waitUntilShown();
  }

  public Locator keysGrid() {
    return page.locator("#keys-grid");
  }

  /** Today's call count as shown; refreshes first so the latest metering is visible. */
  public long callsToday() {
    refreshUsage.click();
    page.waitForTimeout(300);
    String text = usageCalls.innerText().replaceAll("[^0-9]", "");
    return text.isEmpty() ? 0 : Long.parseLong(text);
  }
}
