package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The runs of one workflow: a grid newest first, filtered by status and start time. */
public final class WorkflowRunsPage {

  private final Page page;
  private final Locator grid;

  public WorkflowRunsPage(Page page) {
    this.page = page;
    this.grid = page.locator("#runs-grid");
  }

  public WorkflowRunsPage waitUntilShown() {
    grid.waitFor();
    return this;
  }

  /** Waits until the grid lists this run, then opens it. */
  public WorkflowRunPage open(String executionId) {
    Locator link = grid.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(executionId));
    link.waitFor();
    link.click();
    return new WorkflowRunPage(page).waitUntilShown();
  }

  /** Chooses a status in the filter ("Any status" for all). */
  public WorkflowRunsPage filterStatus(String status) {
    page.locator("#runs-status-filter").click();
    page.locator("vaadin-select-item").getByText(status, new Locator.GetByTextOptions().setExact(true)).click();
    page.waitForTimeout(300);
    return this;
  }

  /** The execution ids the grid shows now. */
  public java.util.List<String> executionIds() {
    return grid.getByRole(AriaRole.LINK).allInnerTexts();
  }
}
