package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The platform-wide audit trail: filters, the paged grid, a row's before/after. */
public final class AdminAuditPage {

  private final Page page;
  private final Locator actor;
  private final Locator tenant;
  private final Locator resourceType;
  private final Locator grid;
  private final Locator total;

  public AdminAuditPage(Page page) {
    this.page = page;
    this.actor = page.locator("#admin-audit-actor input");
    this.tenant = page.locator("#admin-audit-tenant input");
    this.resourceType = page.locator("#admin-audit-resource-type input");
    this.grid = page.locator("#admin-audit-grid");
    this.total = page.locator("#admin-audit-total");
  }

  public AdminAuditPage open() {
    page.navigate("/admin/audit");
    actor.waitFor();
    return this;
  }

  /** Narrows the trail to one actor (email), one tenant (slug) and one resource type; waits for the count. */
  public AdminAuditPage filter(String actorEmail, String tenantSlug, String resource) {
    actor.fill(actorEmail);
    tenant.fill(tenantSlug);
    resourceType.fill(resource);
    resourceType.press("Enter");
    resourceType.press("Tab");
    return this;
  }

  /** Waits until the count reads {@code expected} (e.g. "1 record"): every filter has reached the grid. */
  public AdminAuditPage waitForTotal(String expected) {
    page.locator("#admin-audit-total:text-is('" + expected + "')").waitFor();
    return this;
  }

  /** Waits for a row of the action, opens it and answers the text of its before/after details. */
  public String openEntry(String action) {
    Locator cell = grid.locator("vaadin-grid-cell-content").getByText(action, new Locator.GetByTextOptions().setExact(true));
    cell.first().waitFor();
    cell.first().click();
    Locator details = grid.locator(".admin-audit-details");
    details.first().waitFor();
    return details.first().textContent();
  }

  public String total() {
    return total.textContent();
  }
}
