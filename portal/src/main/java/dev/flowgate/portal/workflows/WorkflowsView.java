package dev.flowgate.portal.workflows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
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
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Workflow definitions as JSON (the DSL the visual designer will edit): list, create, and save new
 * versions; validation errors name the step and keep the text as typed.
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
  final TextArea definition = new TextArea("Definition (JSON)");
  final Button save = new Button("Create workflow");
  final Paragraph status = new Paragraph();
  private final WorkflowManagement workflows;
  private final Actor actor;
  private @Nullable WorkflowView editing;

  public WorkflowsView(WorkflowManagement workflows, AuthenticationContext authentication) {
    this.workflows = workflows;
    PortalUser user = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow();
    this.actor = user.actor();
    boolean canEdit = Roles.canDevelop(user.role());
    addClassNames("flowgate-page");

    grid.setId("workflows-grid");
    grid.setAriaLabel("Workflows");
    grid.addColumn(WorkflowView::name).setHeader("Name").setFlexGrow(2);
    grid.addColumn(WorkflowView::currentVersion).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
    grid.setItems(q -> workflows.list(actor, PageRequest.of(q.getPage(), q.getPageSize())).stream());
    grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));

    definition.setId("workflow-definition");
    definition.setWidthFull();
    definition.setMinHeight("20rem");
    definition.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
    definition.setReadOnly(!canEdit);
    save.setId("workflow-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(e -> save());
    save.setVisible(canEdit);
    status.setId("workflow-status");
    status.getElement().setAttribute("aria-live", "polite");
    Button create = new Button("New workflow", VaadinIcon.PLUS.create(), e -> grid.asSingleSelect().clear());
    create.setId("workflow-new");
    create.setVisible(canEdit);

    add(new HorizontalLayout(new H2("Workflows"), create), MainLayout.listAndForm(grid, new Div(definition, save, status)));
    edit(null);
  }

  private void edit(@Nullable WorkflowView workflow) {
    editing = workflow;
    definition.setInvalid(false);
    definition.setValue(workflow == null ? TEMPLATE
        : EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(workflow.definition()));
    save.setText(workflow == null ? "Create workflow" : "Save as version " + (workflow.currentVersion() + 1));
    status.setText(workflow == null ? "" : "Version " + workflow.currentVersion() + "; every save adds a version.");
  }

  void save() {
    JsonNode parsed;
    try {
      parsed = EventCodec.mapper().readTree(definition.getValue());
    } catch (JacksonException e) {
      invalid("Not valid JSON: " + e.getOriginalMessage());
      return;
    }
    try {
      WorkflowView saved = editing == null ? workflows.create(actor, parsed) : workflows.update(actor, editing.id(), parsed);
      definition.setInvalid(false);
      grid.getDataProvider().refreshAll();
      editing = saved;
      save.setText("Save as version " + (saved.currentVersion() + 1));
      status.setText("Saved “" + saved.name() + "” as version " + saved.currentVersion() + ".");
    } catch (InvalidInputException e) {
      invalid(e.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("\n")));
    } catch (ConflictException | NotFoundException e) {
      invalid(String.valueOf(e.getMessage()));
    }
  }

  private void invalid(String message) {
    definition.setErrorMessage(message);
    definition.setInvalid(true);
    status.setText("Not saved: " + message.lines().findFirst().orElse(message));
  }
}
