package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Creates a key; the secret is shown once, with a curl to try it. */
public final class NewKeyDialog {

  private final Page page;
  private final Locator name;
  private final Locator create;
  private final Locator secret;
  private final Locator curl;

  NewKeyDialog(Page page) {
    this.page = page;
    this.name = page.locator("#key-name input");
    this.create = page.locator("#key-create-submit");
    this.secret = page.locator("#key-secret input");
    this.curl = page.locator("#curl-example textarea");
  }

  NewKeyDialog waitUntilShown() {
    name.waitFor();
    return this;
  }

  public NewKeyDialog create(String keyName) {
    name.fill(keyName);
    create.click();
    secret.waitFor();
    return this;
  }

  public String secret() {
    return secret.inputValue();
  }

  public String curlExample() {
    return curl.inputValue();
  }

  public void close() {
    page.locator("#key-dialog-close").click();
  }
}
