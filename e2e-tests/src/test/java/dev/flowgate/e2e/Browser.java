package dev.flowgate.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Debian Chromium per test class and a fresh context per test. Playwright must never download
 * its own browser here, so the download is switched off and the system binary is used.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private static final List<String> CHROMIUM_FLAGS = List.of(
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private final Stack stack = Stack.fromSystemProperties();
  private Playwright playwright;
  private com.microsoft.playwright.Browser browser;
  private BrowserContext context;
  private Page page;

  @Override
  public void beforeAll(ExtensionContext extension) {
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(stack.chromium())
        .setHeadless(true)
        .setArgs(CHROMIUM_FLAGS));
  }

  @Override
  public void beforeEach(ExtensionContext extension) {
    context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(1366, 900)
        .setBaseURL(stack.portalUrl()));
    context.setDefaultTimeout(30_000);
    page = context.newPage();
  }

  @Override
  public void afterEach(ExtensionContext extension) {
    if (extension.getExecutionException().isPresent() && page != null) {
      screenshot(extension.getRequiredTestMethod().getName() + "-failure");
    }
    if (context != null) {
      context.close();
    }
  }

  @Override
  public void afterAll(ExtensionContext extension) {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  public Page page() {
    return page;
  }

  public Stack stack() {
    return stack;
  }

  /** Keeps a full-page screenshot under target/screenshots as test output. */
  public Path screenshot(String name) {
    Path file = stack.screenshots().resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }
}
