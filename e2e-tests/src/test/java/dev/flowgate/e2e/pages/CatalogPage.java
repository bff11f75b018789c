package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The API catalog: routes by service, the OpenAPI link and the try-it console. */
public final class CatalogPage {

  private final Page page;
  private final Locator path;
  private final Locator key;
  private final Locator send;
  private final Locator status;
  private final Locator headers;
  private final Locator body;

  public CatalogPage(Page page) {
    this.page = page;
    this.path = page.locator("#try-path input");
    this.key = page.locator("#try-key input");
    this.send = page.locator("#try-send");
    this.status = page.locator("#try-status");
    this.headers = page.locator("#try-response-headers");
    this.body = page.locator("#try-response-body");
  }

  public CatalogPage open() {
    page.navigate("/catalog");
    page.locator("#catalog-openapi").waitFor();
    return this;
  }

  public Locator service(String name) {
    return page.locator("#catalog-service-" + name);
  }

  /** Chooses the route with its "Try" button, then sends the path with the key; returns the status line. */
  public String tryRoute(String route, String requestPath, String apiKey) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try route " + route)).click();
    // the console sets the route's path and focuses it after a round trip; typing before that lands
    // would be overwritten, or (the focus moving mid-fill) end up in the path field (failed once in CI)
    page.waitForFunction("() => document.activeElement !== null && document.activeElement.closest('#try-path') !== null");
    path.fill(requestPath);
    key.fill(apiKey);
    return send();
  }

  /** Sends what the form holds; returns the status line once the answer is shown. */
  public String send() {
    String before = status.textContent();
    send.click();
    page.waitForFunction("before => { const s = document.getElementById('try-status');"
        + " return s !== null && s.textContent.includes('→') && s.textContent !== before; }", before,
        new Page.WaitForFunctionOptions().setTimeout(20_000));
    return status.innerText();
  }

  public String responseHeaders() {
    return headers.innerText();
  }

  public String responseBody() {
    return body.innerText();
  }
}
