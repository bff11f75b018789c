package dev.flowgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import dev.flowgate.e2e.pages.LoginPage;
import dev.flowgate.e2e.pages.WorkflowRunPage;
import dev.flowgate.e2e.pages.WorkflowRunsPage;
import dev.flowgate.e2e.pages.WorkflowsPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A tenant developer runs a workflow whose HTTP call is refused, follows the run into the runs
 * screen, reads its step timeline and step states, and retries it on the same version with the
 * same input; the screens are checked with axe-core in light and dark.
 */
class WorkflowRunsJourneyIT {

  @RegisterExtension
  static final Browser browser = new Browser();

  private final Axe axe = Axe.fromSystemProperties();

  @Test
  void runsAFailingWorkflowSeesItsTimelineAndStepStatesAndRetriesIt() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String email = "runs-" + suffix + "@example.com";
    ManagementApi api = ManagementApi.signUp(browser.stack().portalUrl(), "Runs " + suffix, email, "a long enough passphrase");
    String name = "refused-" + suffix;
    api.post("/api/v1/workflows", Map.of("name", name, "steps", List.of(
        Map.of("id", "remember", "type", "transform", "config", Map.of("mapping", Map.of("order", "input.order"))),
        Map.of("id", "call", "type", "http_request", "dependsOn", List.of("remember"), "retry", Map.of("maxAttempts", 1),
            "config", Map.of("url", "http://127.0.0.1:9/refused", "method", "POST")))));
    Page page = browser.page();
    new LoginPage(page).open().logIn(email, "a long enough passphrase");

    WorkflowsPage workflows = new WorkflowsPage(page).open();
    page.locator("#workflows-grid").getByText(name).click();
    workflows.save();
    workflows.run("{\"order\": 42}");
    String ended = Eventually.poll(workflows::runStatus, s -> s.contains("FAILED"), Duration.ofSeconds(45));
    assertThat(ended).contains("FAILED");

    page.locator("#workflow-runs-link").click();
    WorkflowRunsPage runs = new WorkflowRunsPage(page).waitUntilShown();
    String failedId = Eventually.poll(runs::executionIds, ids -> ids.size() == 1, Duration.ofSeconds(10)).getFirst();
    browser.screenshot("workflow-runs-01-list-light");
    List<String> violations = new ArrayList<>(check("workflow-runs-list-light"));

    WorkflowRunPage run = runs.open(failedId);
    assertThat(run.status()).isEqualTo("FAILED");
    String version = run.summary().replaceAll(".*?(version \\d+).*", "$1");
    assertThat(run.stepState("remember")).isEqualTo("SUCCESS");
    assertThat(run.stepState("call")).isEqualTo("FAILED");
    JsonNode timeline = run.timeline();
    assertThat(timeline.path("yAxis").path("data").toString()).isEqualTo("[\"remember\",\"call\"]");
    assertThat(series(timeline, "FAILED").path(1).asDouble()).as("the failed call has a bar").isGreaterThan(0);
    browser.screenshot("workflow-runs-02-failed-run-light");
    violations.addAll(check("workflow-run-light"));

    WorkflowRunPage retried = run.retry();
    String retryId = retried.executionId();
    assertThat(retryId).isNotEqualTo(failedId);
    assertThat(retried.summary()).contains("retry of " + failedId).contains(version);
    String retryStatus = Eventually.poll(retried::status, "FAILED"::equals, Duration.ofSeconds(45));
    assertThat(retryStatus).as("the same refused call fails again").isEqualTo("FAILED");
    assertThat(retried.stepsText()).as("the same input").contains("42");
    browser.screenshot("workflow-runs-03-retry-light");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch between light and dark")).click();
    page.waitForFunction("() => document.documentElement.getAttribute('theme')?.includes('dark')"
        + " || getComputedStyle(document.documentElement).colorScheme.includes('dark')");
    page.waitForTimeout(500);
    browser.screenshot("workflow-runs-04-retry-dark");
    violations.addAll(check("workflow-run-dark"));
    page.navigate("/workflows/" + workflowId(page, retried) + "/runs");
    runs = new WorkflowRunsPage(page).waitUntilShown();
    assertThat(Eventually.poll(runs::executionIds, ids -> ids.size() == 2, Duration.ofSeconds(10)))
        .as("newest first").containsExactly(retryId, failedId);
    browser.screenshot("workflow-runs-05-list-dark");
    violations.addAll(check("workflow-runs-list-dark"));

    assertThat(violations).as("axe-core WCAG 2.1 A/AA violations (reports in target/axe)").isEmpty();
  }

  private List<String> check(String name) {
    browser.page().waitForLoadState(LoadState.NETWORKIDLE);
    return axe.check(browser.page(), name).stream().map(v -> name + ": " + v).toList();
  }

  private static String workflowId(Page page, WorkflowRunPage run) {
    String href = page.locator("#run-back").getAttribute("href");
    return href.replaceAll(".*workflows/([^/]+)/runs.*", "$1");
  }

  private static JsonNode series(JsonNode option, String name) {
    for (JsonNode series : option.path("series")) {
      if (series.path("name").asString().equals(name)) {
        return series.path("data");
      }
    }
    return option.path("no such series");
  }
}
