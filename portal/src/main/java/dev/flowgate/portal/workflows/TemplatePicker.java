package dev.flowgate.portal.workflows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.workflows.WorkflowTemplates.FromTemplate;
import dev.flowgate.portal.workflows.WorkflowTemplates.WorkflowTemplate;

/**
 * Creates a workflow from one of the ready-made templates (approval chain, webhook fan-out,
 * scheduled report), under the template's name or one typed here; the new workflow goes to
 * {@code created}.
 */
class TemplatePicker extends HorizontalLayout {

  final Select<WorkflowTemplate> template = new Select<>();
  final TextField name = new TextField("Name");
  final Button create = new Button("Create from template", VaadinIcon.FILE_ADD.create());
  final Span message = new Span();

  TemplatePicker(WorkflowTemplates templates, Actor actor, SerializableConsumer<WorkflowView> created) {
    setId("workflow-templates");
    setAlignItems(Alignment.BASELINE);
    setWrap(true);
    template.setId("workflow-template");
    template.setLabel("Template");
    template.setItems(templates.list());
    template.setItemLabelGenerator(WorkflowTemplate::title);
    template.addValueChangeListener(e -> {
      name.setPlaceholder(e.getValue() == null ? "" : e.getValue().definition().path("name").asString());
      template.setHelperText(e.getValue() == null ? null : e.getValue().description());
    });
    name.setId("workflow-template-name");
    create.setId("workflow-template-create");
    message.setId("workflow-template-message");
    message.getElement().setAttribute("role", "status");
    create.addClickListener(e -> {
      if (template.getValue() == null) {
        message.setText("Choose a template first.");
        return;
      }
      try {
        WorkflowView view = templates.create(actor, new FromTemplate(template.getValue().id(), name.getValue()));
        message.setText("Created “" + view.name() + "” from “" + template.getValue().title() + "”.");
        name.clear();
        created.accept(view);
      } catch (ConflictException e2) {
        message.setText(e2.getMessage() + "; type another name.");
      } catch (InvalidInputException e2) {
        message.setText("Not created: " + e2.getMessage());
      }
    });
    add(template, name, create, message);
  }
}
