package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/** The workflows page: the visual designer (React Flow canvas), its JSON tab and the test run. */
public final class WorkflowsPage {

  private final Page page;
  private final Locator designer;
  private final Locator canvas;
  private final Locator message;

  public WorkflowsPage(Page page) {
    this.page = page;
    this.designer = page.getByTestId("workflow-designer");
    this.canvas = page.getByTestId("designer-canvas");
    this.message = page.getByTestId("designer-message");
  }

  public WorkflowsPage open() {
    page.navigate("/workflows");
    canvas.waitFor();
    return this;
  }

  /** Starts a new workflow with this name and no steps, through the JSON tab. */
  public WorkflowsPage startEmpty(String name) {
    page.locator("#workflow-new").click();
    page.getByTestId("tab-json").click();
    Locator json = page.getByTestId("designer-json");
    json.fill("{\"name\": \"" + name + "\", \"steps\": []}");
    json.blur();
    page.getByTestId("tab-canvas").click();
    canvas.waitFor();
    return this;
  }

  /** Drags a step type from the palette onto the canvas at (x, y) and returns the new node. */
  public Locator dragStep(String type, int x, int y, String expectedId) {
    page.getByTestId("palette-" + type).dragTo(canvas, new Locator.DragToOptions().setTargetPosition(x, y));
    Locator node = node(expectedId);
    node.waitFor();
    // a new step refits the view (a 200 ms animation after the server's answer): let it end
    waitUntilStill(node);
    return node;
  }

  /** Connects two steps with the mouse: from the source's output handle to the target's input handle. */
  public void connect(String from, String to) {
    BoundingBox source = waitUntilStill(page.getByTestId("handle-" + from + "-out"));
    BoundingBox target = waitUntilStill(page.getByTestId("handle-" + to + "-in"));
    page.mouse().move(source.x + source.width / 2, source.y + source.height / 2);
    page.mouse().down();
    page.mouse().move(target.x + target.width / 2, target.y + target.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
    page.mouse().up();
    // the edge is drawn once the designer took the connection
    page.locator("[aria-label=\"" + to + " depends on " + from + "\"]").waitFor();
  }

  /**
   * Where the element is once it stopped moving: the same box in two looks 100 ms apart. A drag
   * aimed at a box measured mid-animation lands beside it.
   */
  private BoundingBox waitUntilStill(Locator element) {
    BoundingBox last = element.boundingBox();
    for (int look = 0; look < 50; look++) {
      page.waitForTimeout(100);
      BoundingBox now = element.boundingBox();
      if (last != null && now != null && Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5
          && Math.abs(now.width - last.width) < 0.5) {
        return now;
      }
      last = now;
    }
    throw new AssertionError("the canvas kept moving for 5 s");
  }

  public void save() {
    page.getByTestId("designer-save").click();
    message.getByText("Saved").waitFor();
  }

  public void run(String inputJson) {
    page.getByTestId("designer-run-input").fill(inputJson);
    page.getByTestId("designer-run").click();
    message.getByText("started on version").waitFor();
  }

  public Locator node(String stepId) {
    return page.getByTestId("node-" + stepId);
  }

  public String stateOf(String stepId) {
    return node(stepId).getAttribute("data-state");
  }

  public String runStatus() {
    Locator status = page.getByTestId("designer-run-status");
    return status.count() == 0 ? "" : status.innerText();
  }

  public void approve() {
    page.locator("#test-run-approve").click();
  }

  public String message() {
    return message.innerText();
  }

  public Locator designer() {
    return designer;
  }
}
