package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One workflow run: summary, timeline chart, the steps table and the actions. */
public final class WorkflowRunPage {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Page page;
  private final Locator summary;
  private final Locator steps;

  public WorkflowRunPage(Page page) {
    this.page = page;
    this.summary = page.locator("#run-summary");
    this.steps = page.locator("#run-steps");
  }

  public WorkflowRunPage waitUntilShown() {
    page.locator("#run-timeline canvas").waitFor();
    return this;
  }

  /** The run's status as the page shows it (PENDING, RUNNING, COMPLETED, FAILED, CANCELLED). */
  public String status() {
    String status = summary.getAttribute("data-status");
    return status == null ? "" : status;
  }

  public String summary() {
    return summary.innerText();
  }

  /** The state a step shows in the steps table. */
  public String stepState(String stepId) {
    Locator cell = steps.locator("vaadin-grid-cell-content").getByText(stepId, new Locator.GetByTextOptions().setExact(true));
    if (cell.count() == 0) {
      return "";
    }
    return (String) page.evaluate("""
        id => {
          const cells = [...document.querySelectorAll('#run-steps vaadin-grid-cell-content')];
          const at = cells.findIndex(c => c.textContent.trim() === id);
          const state = cells.slice(at).find(c => c.querySelector('[data-state]'));
          return state ? state.querySelector('[data-state]').getAttribute('data-state') : '';
        }""", stepId);
  }

  /** The text of the steps table (outputs and errors included). */
  public String stepsText() {
    return steps.locator("vaadin-grid-cell-content").allInnerTexts().toString();
  }

  /** The ECharts option the timeline draws, as the browser holds it. */
  public JsonNode timeline() {
    return JSON.readTree((String) page.evaluate("() => document.getElementById('run-timeline').option"));
  }

  /** Retries the failed run and waits for the page of the new run. */
  public WorkflowRunPage retry() {
    String before = page.url();
    page.locator("#run-retry").click();
    page.waitForURL(url -> !url.equals(before));
    return new WorkflowRunPage(page).waitUntilShown();
  }

  public Locator retryButton() {
    return page.locator("#run-retry");
  }

  public String executionId() {
    String url = page.url();
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
