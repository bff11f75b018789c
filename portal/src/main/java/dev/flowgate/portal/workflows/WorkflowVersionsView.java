package dev.flowgate.portal.workflows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.security.Roles;
import dev.flowgate.portal.base.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * A workflow's versions, newest first: compare any two, and (developer and up) roll back, which
 * saves the chosen version again as the new current one.
 */
@Route(value = "workflows/:workflowId/versions", layout = MainLayout.class)
@PageTitle("Workflow versions · Flowgate")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "VIEWER"})
public class WorkflowVersionsView extends Main implements BeforeEnterObserver {

  final H2 title = new H2("Workflow versions");
  final Grid<WorkflowVersionView> grid = new Grid<>();
  final Select<Integer> from = new Select<>();
  final Select<Integer> to = new Select<>();
  final UnorderedList diff = new UnorderedList();
  final Paragraph message = new Paragraph();
  final Anchor runs = new Anchor();
  private final WorkflowManagement workflows;
  private final WorkflowHistory history;
  private final Actor actor;
  private final boolean canEdit;
  private @Nullable WorkflowView workflow;

  public WorkflowVersionsView(WorkflowManagement workflows, WorkflowHistory history, AuthenticationContext authentication) {
    this.workflows = workflows;
    this.history = history;
    PortalUser user = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow();
    this.actor = user.actor();
    this.canEdit = Roles.canDevelop(user.role());
    addClassNames("flowgate-page");
    message.setId("versions-message");
    message.getElement().setAttribute("role", "status");
    runs.setId("versions-runs");
    grid.setId("versions-grid");
    grid.setAriaLabel("Versions, newest first");
    grid.addColumn(WorkflowVersionView::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(v -> RunText.time(v.createdAt())).setHeader("Saved (UTC)").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(v -> v.definition().path("steps").size() + " steps").setHeader("Steps").setFlexGrow(1);
    grid.addComponentColumn(this::rollBackButton).setHeader("Rollback").setAutoWidth(true).setFlexGrow(0);
    grid.setAllRowsVisible(true);
    from.setId("versions-from");
    from.setLabel("From version");
    to.setId("versions-to");
    to.setLabel("To version");
    Button compare = new Button("Compare", VaadinIcon.SPLIT.create(), e -> compare());
    compare.setId("versions-compare");
    diff.setId("versions-diff");
    HorizontalLayout comparing = new HorizontalLayout(from, to, compare);
    comparing.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    add(title, new HorizontalLayout(WorkflowLinks.anchor("Designer", "workflows"), runs), message, grid,
        new H3("Compare two versions"), comparing, diff);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    open(event.getRouteParameters().get("workflowId").orElse(""));
  }

  void open(String id) {
    try {
      workflow = workflows.get(actor, UUID.fromString(id));
      WorkflowLinks.point(runs, "Runs", WorkflowLinks.runs(workflow.id()));
      load();
    } catch (IllegalArgumentException | NotFoundException e) {
      workflow = null;
      message.setText("No workflow " + id + " in this organization.");
    }
  }

  private void load() {
    WorkflowView shown = workflow;
    if (shown == null) {
      return;
    }
    title.setText("Versions of “" + shown.name() + "” (current: " + shown.currentVersion() + ")");
    List<WorkflowVersionView> versions = workflows.versions(actor, shown.id(), PageRequest.of(0, 100)).getContent();
    grid.setItems(versions);
    List<Integer> numbers = IntStream.rangeClosed(1, shown.currentVersion()).boxed().toList();
    from.setItems(numbers);
    to.setItems(numbers);
    from.setValue(Math.max(1, shown.currentVersion() - 1));
    to.setValue(shown.currentVersion());
  }

  void compare() {
    diff.removeAll();
    if (workflow == null || from.getValue() == null || to.getValue() == null) {
      return;
    }
    List<String> lines = WorkflowHistory.describe(history.diff(actor, workflow.id(), from.getValue(), to.getValue()));
    if (lines.isEmpty()) {
      diff.add(new ListItem("No difference between version " + from.getValue() + " and version " + to.getValue() + "."));
    }
    lines.forEach(line -> diff.add(new ListItem(line)));
  }

  void rollBack(int version) {
    if (workflow == null) {
      return;
    }
    try {
      workflow = history.rollBack(actor, workflow.id(), version);
      message.setText("Rolled back: version " + workflow.currentVersion() + " is a copy of version " + version + ".");
      load();
    } catch (InvalidInputException | ConflictException | NotFoundException e) {
      message.setText("Not rolled back: " + e.getMessage());
    }
  }

  private Button rollBackButton(WorkflowVersionView version) {
    Button button = new Button("Make current", VaadinIcon.ARROW_BACKWARD.create(), e -> rollBack(version.version()));
    button.setId("versions-rollback-" + version.version());
    button.getElement().setAttribute("aria-label", "Make version " + version.version() + " current");
    button.setVisible(canEdit && workflow != null && version.version() != workflow.currentVersion());
    return button;
  }
}
