package dev.flowgate.portal.workflows;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.security.Roles;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.base.ui.charts.EChart;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * One workflow run: its state, the steps as a timeline and as a table (status, attempts, times,
 * output or error, PII already masked by the worker), and the actions that apply to it. While the
 * run is not over the page asks again every second (UI polling, as the designer's test run does).
 */
@Route(value = "workflow-runs/:executionId", layout = MainLayout.class)
@PageTitle("Workflow run · Flowgate")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "VIEWER"})
public class WorkflowRunView extends Main implements BeforeEnterObserver {

  static final int POLL_MS = 1000;

  final H2 title = new H2("Workflow run");
  final Paragraph summary = new Paragraph();
  final Paragraph status = new Paragraph();
  final Paragraph error = new Paragraph();
  final Anchor back = new Anchor();
  final EChart timeline = new EChart("Timeline of the run's steps (seconds since the run started); the table below lists the same steps");
  final Grid<WorkflowRun.Step> steps = new Grid<>();
  final RunActions actions;
  private final WorkflowRuns runs;
  private final Actor actor;
  private final Clock clock;
  private @Nullable String executionId;
  private @Nullable WorkflowRun run;
  private @Nullable Registration polling;

  public WorkflowRunView(WorkflowRuns runs, AuthenticationContext authentication, Clock clock) {
    this.runs = runs;
    this.clock = clock;
    PortalUser user = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow();
    this.actor = user.actor();
    this.actions = new RunActions(runs, actor, SignalSender.of(user), Roles.canDevelop(user.role()),
        this::report, id -> getUI().ifPresent(ui -> ui.navigate(WorkflowLinks.run(id))));
    addClassNames("flowgate-page");
    summary.setId("run-summary");
    status.setId("run-status");
    status.getElement().setAttribute("role", "status");
    error.setId("run-error");
    back.setId("run-back");
    timeline.setId("run-timeline");
    timeline.setHeight("14rem");
    steps.setId("run-steps");
    steps.setAriaLabel("Steps of the run");
    steps.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    steps.addColumn(WorkflowRun.Step::id).setHeader("Step").setFlexGrow(1);
    steps.addComponentColumn(s -> badge(s.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
    steps.addColumn(WorkflowRun.Step::attempts).setHeader("Attempts").setAutoWidth(true).setFlexGrow(0);
    steps.addColumn(s -> RunText.time(s.startedAt())).setHeader("Started (UTC)").setAutoWidth(true).setFlexGrow(0);
    steps.addColumn(s -> RunText.time(s.endedAt())).setHeader("Ended (UTC)").setAutoWidth(true).setFlexGrow(0);
    steps.addColumn(s -> RunText.duration(s.duration(clock.instant()))).setHeader("Took").setAutoWidth(true).setFlexGrow(0);
    steps.addComponentColumn(WorkflowRunView::outcome).setHeader("Output or error").setFlexGrow(3);
    steps.setAllRowsVisible(true);
    add(new HorizontalLayout(title), back, summary, error, status, actions, new H3("Timeline"), timeline, new H3("Steps"), steps);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    open(event.getRouteParameters().get("executionId").orElse(""));
  }

  void open(String id) {
    executionId = id;
    refresh();
  }

  /** Asks the worker for the run once and shows it; polling stops when the run is over. */
  void refresh() {
    if (executionId == null) {
      return;
    }
    try {
      run = runs.get(actor, executionId);
    } catch (NotFoundException e) {
      show(null);
      status.setText("No workflow run " + executionId + " in this organization.");
      return;
    } catch (UnavailableException e) {
      status.setText("The run's state is unavailable right now: " + e.getMessage());
      return;
    }
    show(run);
  }

  private void show(@Nullable WorkflowRun shown) {
    title.setText(shown == null ? "Workflow run" : "Run " + shown.executionId());
    error.setText(shown == null || shown.error() == null ? "" : "Error: " + shown.error());
    if (shown == null) {
      summary.setText("");
      actions.show(null, java.util.Optional.empty());
      stopPolling();
      return;
    }
    summary.setText(shown.status() + " · version " + (shown.version() == null ? "–" : shown.version()) + " · trigger "
        + shown.triggerType() + " · started " + RunText.time(shown.createdAt()) + " UTC · progress " + shown.progress() + "%"
        + (shown.retryOf() == null ? "" : " · retry of " + shown.retryOf()));
    summary.getElement().setAttribute("data-status", shown.status());
    if (shown.workflowId() != null) {
      WorkflowLinks.point(back, "All runs of this workflow", WorkflowLinks.runs(shown.workflowId()));
    }
    actions.show(shown, runs.waiting(actor, shown));
    timeline.setOption(RunTimeline.option(shown, clock.instant()));
    steps.setItems(shown.steps());
    if (shown.ended()) {
      stopPolling();
    } else {
      startPolling();
    }
  }

  private void report(String line) {
    status.setText(line);
    refresh();
  }

  private void startPolling() {
    if (polling == null) {
      getUI().ifPresent(ui -> {
        ui.setPollInterval(POLL_MS);
        polling = ui.addPollListener(e -> refresh());
      });
    }
  }

  private void stopPolling() {
    if (polling != null) {
      polling.remove();
      polling = null;
      getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    if (run != null && !run.ended()) {
      startPolling();
    }
  }

  @Override
  protected void onDetach(DetachEvent event) {
    stopPolling();
  }

  static Span badge(String state) {
    // plain text in the body colour: the state's word carries the meaning, so contrast holds in both themes
    Span badge = new Span(state);
    badge.getStyle().set("font-weight", "600");
    badge.getElement().setAttribute("data-state", state);
    return badge;
  }

  private static Pre outcome(WorkflowRun.Step step) {
    String text = step.error() != null ? step.error()
        : step.output() == null ? "" : EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(step.output());
    Pre pre = new Pre(text);
    // wrapped, not a scroll box: a scrollable region would have to be focusable to be read by keyboard
    pre.getStyle().set("margin", "0").set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
    return pre;
  }
}
