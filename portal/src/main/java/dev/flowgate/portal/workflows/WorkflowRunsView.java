package dev.flowgate.portal.workflows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The runs of one workflow, newest first, paged lazily from the worker's run index and filtered
 * by status and start time (UTC). A row opens that run.
 */
@Route(value = "workflows/:workflowId/runs", layout = MainLayout.class)
@PageTitle("Workflow runs · Flowgate")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "VIEWER"})
public class WorkflowRunsView extends Main implements BeforeEnterObserver {

  static final String ANY = "Any status";

  final H2 title = new H2("Workflow runs");
  final Select<String> status = new Select<>();
  final DateTimePicker from = new DateTimePicker("Started from (UTC)");
  final DateTimePicker to = new DateTimePicker("Started before (UTC)");
  final Paragraph message = new Paragraph();
  final Grid<WorkflowRun> grid = new Grid<>();
  final Anchor versions = new Anchor();
  private final WorkflowRuns runs;
  private final WorkflowManagement workflows;
  private final Actor actor;
  private @Nullable UUID workflowId;

  public WorkflowRunsView(WorkflowRuns runs, WorkflowManagement workflows, AuthenticationContext authentication) {
    this.runs = runs;
    this.workflows = workflows;
    this.actor = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow().actor();
    addClassNames("flowgate-page");
    status.setId("runs-status-filter");
    status.setLabel("Status");
    status.setItems(Stream.concat(Stream.of(ANY), RunFilter.STATUSES.stream().sorted()).toList());
    status.setValue(ANY);
    from.setId("runs-from");
    to.setId("runs-to");
    List.of(from, to).forEach(p -> p.addValueChangeListener(e -> refresh()));
    status.addValueChangeListener(e -> refresh());
    Button clear = new Button("Clear filters", VaadinIcon.CLOSE_SMALL.create(), e -> clearFilters());
    clear.setId("runs-clear");
    message.setId("runs-message");
    message.getElement().setAttribute("role", "status");
    versions.setId("runs-versions");

    grid.setId("runs-grid");
    grid.setAriaLabel("Workflow runs, newest first");
    grid.addColumn(r -> RunText.time(r.createdAt())).setHeader("Started (UTC)").setAutoWidth(true).setFlexGrow(0);
    grid.addComponentColumn(r -> WorkflowRunView.badge(r.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(r -> r.version() == null ? "–" : r.version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(WorkflowRun::triggerType).setHeader("Trigger").setAutoWidth(true).setFlexGrow(0);
    grid.addComponentColumn(r -> WorkflowLinks.anchor(r.executionId(), WorkflowLinks.run(r.executionId())))
        .setHeader("Run").setFlexGrow(2);
    grid.addColumn(r -> r.error() == null ? "" : r.error()).setHeader("Error").setFlexGrow(2);
    grid.setItems(q -> page(q.getPage(), q.getPageSize()).items().stream(), q -> (int) page(0, 1).total());
    grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(WorkflowLinks.run(e.getItem().executionId()))));

    Anchor designer = WorkflowLinks.anchor("Designer", "workflows");
    HorizontalLayout filters = new HorizontalLayout(status, from, to, clear);
    filters.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    filters.setWrap(true);
    add(title, new HorizontalLayout(designer, versions), filters, message, grid);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    open(event.getRouteParameters().get("workflowId").orElse(""));
  }

  void open(String id) {
    try {
      WorkflowView workflow = workflows.get(actor, UUID.fromString(id));
      workflowId = workflow.id();
      title.setText("Runs of “" + workflow.name() + "”");
      WorkflowLinks.point(versions, "Versions", WorkflowLinks.versions(workflow.id()));
      refresh();
    } catch (IllegalArgumentException | NotFoundException e) {
      workflowId = null;
      title.setText("Workflow runs");
      refresh();
      message.setText("No workflow " + id + " in this organization.");
    }
  }

  /** The current filter; a 'to' not after 'from' is refused with a message. */
  RunFilter filter() {
    Instant start = utc(from.getValue());
    Instant end = utc(to.getValue());
    if (start != null && end != null && !start.isBefore(end)) {
      throw new InvalidInputException("to", "must be after 'from'");
    }
    return new RunFilter(ANY.equals(status.getValue()) ? null : status.getValue(), start, end);
  }

  void refresh() {
    message.setText("");
    grid.getDataProvider().refreshAll();
  }

  private WorkflowRuns.RunPage page(int page, int size) {
    if (workflowId == null) {
      return new WorkflowRuns.RunPage(List.of(), 0);
    }
    try {
      return runs.list(actor, workflowId, filter(), page, Math.min(size, 100));
    } catch (InvalidInputException e) {
      message.setText("Filter: " + e.errors().getFirst().field() + " " + e.errors().getFirst().message());
    } catch (UnavailableException e) {
      message.setText(e.getMessage());
    }
    return new WorkflowRuns.RunPage(List.of(), 0);
  }

  private void clearFilters() {
    status.setValue(ANY);
    from.clear();
    to.clear();
  }

  private static @Nullable Instant utc(@Nullable LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }
}
