package dev.flowgate.portal.workflows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.security.Roles;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.workflows.designer.WorkflowDesigner;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's workflows: the list, and the visual designer (canvas, side form and JSON tab) for
 * the chosen one, a new one or one made from a template. Every save adds a version; a test run
 * starts the saved version and lights up its steps as they run. The chosen workflow's runs and
 * versions are a link away.
 */
@Route(value = "workflows", layout = MainLayout.class)
@PageTitle("Workflows · Flowgate")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "VIEWER"})
public class WorkflowsView extends Main {

  static final String TEMPLATE = """
      {
        "name": "my-workflow",
        "steps": [
          {"id": "call", "type": "http_request", "config": {"url": "https://example.com/hook", "method": "POST"}},
          {"id": "approve", "type": "wait_for_signal", "dependsOn": ["call"], "config": {"signal": "approval"}}
        ]
      }""";

  final Grid<WorkflowView> grid = new Grid<>(WorkflowView.class, false);
  final WorkflowDesigner designer = new WorkflowDesigner();
  final WorkflowTestRuns testRuns;
  final TestRunApprovals approvals;
  final Anchor runs = new Anchor();
  final Anchor versions = new Anchor();
  private final WorkflowManagement workflows;
  private final Actor actor;
  private @Nullable WorkflowView editing;

  public WorkflowsView(WorkflowManagement workflows, WorkflowTemplates templates, WorkerClient worker,
      AuthenticationContext authentication) {
    this.workflows = workflows;
    PortalUser user = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow();
    this.actor = user.actor();
    this.approvals = new TestRunApprovals(worker, actor.tenantId(), SignalSender.of(user));
    this.testRuns = new WorkflowTestRuns(workflows, worker, actor, designer, approvals);
    boolean canEdit = Roles.canDevelop(user.role());
    addClassNames("flowgate-page");

    grid.setId("workflows-grid");
    grid.setAriaLabel("Workflows");
    grid.addColumn(WorkflowView::name).setHeader("Name").setFlexGrow(2);
    grid.addColumn(WorkflowView::currentVersion).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
    grid.setItems(q -> workflows.list(actor, PageRequest.of(q.getPage(), q.getPageSize())).stream());
    grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
    grid.setAllRowsVisible(true);

    designer.setId("workflow-designer");
    designer.setValidator(WorkflowDefinitions::validate);
    designer.setReadOnly(!canEdit);
    designer.addSaveListener(this::save);
    designer.addRunListener(input -> testRuns.start(editing, input));
    Button create = new Button("New workflow", VaadinIcon.PLUS.create(), e -> grid.asSingleSelect().clear());
    create.setId("workflow-new");
    create.setVisible(canEdit);

    addDetachListener(e -> testRuns.stop());
    Div list = new Div(grid);
    list.getStyle().set("max-width", "40rem");
    TemplatePicker fromTemplate = new TemplatePicker(templates, actor, this::created);
    fromTemplate.setVisible(canEdit);
    runs.setId("workflow-runs-link");
    versions.setId("workflow-versions-link");
    add(new HorizontalLayout(new H2("Workflows"), create), list, fromTemplate, new HorizontalLayout(runs, versions),
        designer, approvals);
    edit(null);
  }

  private void edit(@Nullable WorkflowView workflow) {
    editing = workflow;
    links(workflow);
    testRuns.stop();
    approvals.hide();
    designer.setDefinition(workflow == null ? EventCodec.mapper().readTree(TEMPLATE) : workflow.definition());
    designer.setStepStates(java.util.Map.of(), "");
    designer.setMessage(workflow == null ? "A new workflow: Save creates it as version 1."
        : "“" + workflow.name() + "”, version " + workflow.currentVersion() + "; every save adds a version.");
  }

  /** Saves the designer's definition: a new workflow, or the next version of the one being edited. */
  void save(JsonNode definition) {
    try {
      WorkflowView saved = editing == null ? workflows.create(actor, definition) : workflows.update(actor, editing.id(), definition);
      grid.getDataProvider().refreshAll();
      editing = saved;
      links(saved);
      designer.setMessage("Saved “" + saved.name() + "” as version " + saved.currentVersion() + ".");
    } catch (InvalidInputException e) {
      designer.showErrors(e.errors());
      designer.setMessage("Not saved: " + e.errors().size() + " problem(s), shown on the steps.");
    } catch (ConflictException | NotFoundException e) {
      designer.showErrors(List.of(new InvalidInputException.FieldError("name", String.valueOf(e.getMessage()))));
      designer.setMessage("Not saved: " + e.getMessage());
    }
  }

  private void created(WorkflowView workflow) {
    grid.getDataProvider().refreshAll();
    grid.asSingleSelect().setValue(workflow);
  }

  /** Runs and versions of the workflow being edited; hidden for a new one. */
  private void links(@Nullable WorkflowView workflow) {
    runs.setVisible(workflow != null);
    versions.setVisible(workflow != null);
    if (workflow != null) {
      WorkflowLinks.point(runs, "Runs of “" + workflow.name() + "”", WorkflowLinks.runs(workflow.id()));
      WorkflowLinks.point(versions, "Versions (" + workflow.currentVersion() + ")", WorkflowLinks.versions(workflow.id()));
    }
  }

  /** The workflow being edited, or null for a new one. */
  @Nullable WorkflowView editing() {
    return editing;
  }
}
