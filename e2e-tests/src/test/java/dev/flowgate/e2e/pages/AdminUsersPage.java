package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Users of every tenant: search by email, select one, change the role, disable or enable the account. */
public final class AdminUsersPage {

  private final Page page;
  private final Locator search;
  private final Locator grid;
  private final Locator role;
  private final Locator changeRole;
  private final Locator toggleDisabled;
  private final Locator message;

  public AdminUsersPage(Page page) {
    this.page = page;
    this.search = page.locator("#admin-user-search input");
    this.grid = page.locator("#admin-users-grid");
    this.role = page.locator("#admin-user-role");
    // enabled once the server has the new choice: a click before that does nothing
    this.changeRole = page.locator("#admin-user-change-role:not([disabled])");
    this.toggleDisabled = page.locator("#admin-user-toggle-disabled");
    this.message = page.locator("#admin-user-message");
  }

  public AdminUsersPage open() {
    page.navigate("/admin/users");
    search.waitFor();
    return this;
  }

  /** Searches the email and selects its row; answers the row's text (email, tenant, role, account). */
  public String select(String email) {
    search.fill(email);
    // the search reaches the server after a pause: the row is clicked once the grid shows only it
    page.waitForFunction("() => document.querySelector('#admin-users-grid')?.size === 1");
    Locator cell = grid.locator("vaadin-grid-cell-content").getByText(email, new Locator.GetByTextOptions().setExact(true));
    cell.waitFor();
    cell.click();
    page.locator("#admin-user-form").getByText(email).waitFor();
    return rowText(email);
  }

  /** The texts of the row's cells, joined by " | ". */
  public String rowText(String email) {
    Object text = page.evaluate("""
        email => {
          const grid = document.querySelector('#admin-users-grid');
          const cells = [...grid.querySelectorAll('vaadin-grid-cell-content')].map(c => c.textContent.trim());
          const at = cells.indexOf(email);
          return at < 0 ? '' : cells.slice(at, at + 5).join(' | ');
        }""", email);
    return String.valueOf(text);
  }

  public AdminUsersPage changeRole(String newRole) {
    role.click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(newRole).setExact(true)).click();
    changeRole.click();
    message.getByText("is now " + newRole).waitFor();
    return this;
  }

  public AdminUsersPage disable() {
    toggleDisabled.getByText("Disable account").click();
    message.getByText("is disabled").waitFor();
    return this;
  }

  public AdminUsersPage enable() {
    toggleDisabled.getByText("Enable account").click();
    message.getByText("can sign in again").waitFor();
    return this;
  }
}
