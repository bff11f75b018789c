package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** One tenant for the platform admin: plan and limits, suspension, deletion with its grace period. */
public final class AdminTenantPage {

  private final Page page;
  private final Locator title;
  private final Locator message;
  private final Locator currentPlan;
  private final Locator planSelect;
  private final Locator changePlan;
  private final Locator scheduleDeletion;
  private final Locator cancelDeletion;
  private final Locator purgeDate;

  AdminTenantPage(Page page) {
    this.page = page;
    this.title = page.locator("#admin-tenant-title");
    this.message = page.locator("#admin-tenant-message");
    this.currentPlan = page.locator("#admin-tenant-plan-current");
    this.planSelect = page.locator("#admin-tenant-plan-select");
    // enabled once the server has the new choice: a click before that does nothing
    this.changePlan = page.locator("#admin-tenant-change-plan:not([disabled])");
    this.scheduleDeletion = page.locator("#admin-tenant-delete");
    this.cancelDeletion = page.locator("#admin-tenant-cancel-deletion");
    this.purgeDate = page.locator("#admin-tenant-purge-date");
  }

  AdminTenantPage waitUntilShown() {
    currentPlan.waitFor();
    return this;
  }

  public String title() {
    return title.textContent();
  }

  public String currentPlan() {
    return currentPlan.textContent();
  }

  /** Picks the plan, confirms, and waits for the page to say it changed. */
  public AdminTenantPage changePlan(String code) {
    planSelect.click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(code).setExact(true)).click();
    changePlan.click();
    confirm("#admin-tenant-change-plan-confirm");
    message.getByText("Plan changed to " + code).waitFor();
    return this;
  }

  /** Schedules the deletion and answers the purge date the page shows. */
  public String scheduleDeletion() {
    scheduleDeletion.click();
    confirm("#admin-tenant-delete-confirm");
    purgeDate.waitFor();
    return purgeDate.textContent();
  }

  public AdminTenantPage cancelDeletion() {
    cancelDeletion.click();
    message.getByText("Deletion cancelled").waitFor();
    return this;
  }

  public boolean deletionScheduled() {
    return purgeDate.isVisible();
  }

  /** The confirm dialog's own confirm button (slotted into the dialog, not named uniquely on the page). */
  private void confirm(String dialog) {
    page.locator(dialog + " vaadin-button[slot=confirm-button]").click();
  }
}
