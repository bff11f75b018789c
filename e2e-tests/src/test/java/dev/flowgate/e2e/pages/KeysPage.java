package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The API keys screen: list, create with a limit, rotate with a grace period, revoke after confirming. */
public final class KeysPage {

  /** A secret shown once, and for a rotation, the line saying when the old secret stops. */
  public record Shown(String secret, String oldSecretEnds) {}

  private final Page page;
  private final Locator list;
  private final Locator create;
  private final Locator rotate;
  private final Locator revoke;
  private final Locator status;
  private final Locator secret;

  public KeysPage(Page page) {
    this.page = page;
    this.list = page.locator("#keys-list");
    this.create = page.locator("#keys-create");
    this.rotate = page.locator("#key-rotate");
    this.revoke = page.locator("#key-revoke");
    this.status = page.locator("#key-status");
    this.secret = page.locator("#key-secret input");
  }

  public KeysPage open() {
    page.navigate("/keys");
    return waitUntilShown();
  }

  public KeysPage waitUntilShown() {
    list.waitFor();
    return this;
  }

  /** Creates a key for every route with a rate limit; returns its secret (the dialog is closed). */
  public String create(String name, int limitPerMinute) {
    create.click();
    page.locator("#key-name input").fill(name);
    page.locator("#new-key-limit input").fill(String.valueOf(limitPerMinute));
    page.locator("#key-create-submit").click();
    secret.waitFor();
    String value = secret.inputValue();
    closeDialog();
    return value;
  }

  /** Creates a key and leaves the dialog with the secret open (for a screenshot); close with {@link #closeDialog}. */
  public String createAndKeepOpen(String name) {
    create.click();
    page.locator("#key-name input").fill(name);
    page.locator("#key-create-submit").click();
    secret.waitFor();
    return secret.inputValue();
  }

  public void closeDialog() {
    page.locator("#key-dialog-close").click();
    secret.waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
  }

  /** Selects the key's row unless it is selected already (a click on a selected row clears the selection). */
  public KeysPage select(String name) {
    if (page.locator("#key-selected-name").innerText().equals("Key " + name)) {
      return this;
    }
    list.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name)).first().click();
    page.locator("#key-selected-name").filter(new Locator.FilterOptions().setHasText(name)).waitFor();
    return this;
  }

  /** Rotates the selected key with the grace period as the select labels it ("1 hour", "24 hours", ...). */
  public Shown rotate(String grace) {
    rotate.click();
    page.locator("#rotate-grace").click();
    page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(grace)).first().click();
    page.locator("#rotate-submit").click();
    secret.waitFor();
    return new Shown(secret.inputValue(), page.locator("#rotate-old-secret-ends").innerText());
  }

  /** Revokes the selected key through the confirmation dialog; returns the status line. */
  public String revoke() {
    revoke.click();
    page.locator("vaadin-button[slot='confirm-button']").click();
    status.filter(new Locator.FilterOptions().setHasText("Revoked")).waitFor();
    return status.innerText();
  }

  public Locator row(String text) {
    return list.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text));
  }
}
