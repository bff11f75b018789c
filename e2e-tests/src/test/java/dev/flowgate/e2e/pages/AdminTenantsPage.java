package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The platform admin's tenant list: search, select a row, suspend or reinstate with a reason, open a tenant. */
public final class AdminTenantsPage {

  private final Page page;
  private final Locator search;
  private final Locator grid;
  private final Locator suspend;
  private final Locator reinstate;
  private final Locator reason;
  private final Locator confirm;
  private final Locator open;

  AdminTenantsPage(Page page) {
    this.page = page;
    this.search = page.locator("#admin-tenant-search input");
    this.grid = page.locator("#admin-tenants-grid");
    this.suspend = page.locator("#admin-suspend");
    this.reinstate = page.locator("#admin-reinstate");
    this.reason = page.locator("#admin-reason textarea");
    this.confirm = page.locator("#admin-reason-confirm");
    this.open = page.locator("#admin-open-tenant");
  }

  AdminTenantsPage waitUntilShown() {
    search.waitFor();
    return this;
  }

  /** Filters by slug and selects the tenant's row. */
  public AdminTenantsPage select(String slug) {
    search.fill(slug);
    Locator cell = grid.locator("vaadin-grid-cell-content").getByText(slug, new Locator.GetByTextOptions().setExact(true));
    cell.waitFor();
    cell.click();
    return this;
  }

  public AdminTenantsPage suspend(String slug, String why) {
    select(slug);
    suspend.click();
    reason.fill(why);
    confirm.click();
    grid.locator("vaadin-grid-cell-content").getByText(why).waitFor();
    return this;
  }

  /** Opens the tenant's own page (plan, limits, deletion). */
  public AdminTenantPage open(String slug) {
    select(slug);
    open.click();
    return new AdminTenantPage(page).waitUntilShown();
  }

  /** Reinstating asks only for confirmation. */
  public AdminTenantsPage reinstate(String slug) {
    select(slug);
    reinstate.click();
    confirm.click();
    page.locator("#admin-status").getByText("Reinstated").waitFor();
    return this;
  }
}
