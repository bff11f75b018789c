package dev.flowgate.portal.workflows.designer;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.react.ReactAdapterComponent;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The visual workflow designer: a palette of step types, a canvas where edges are
 * {@code dependsOn}, a side form for the selected step and a JSON tab, all editing one workflow
 * DSL definition (PRODUCT.md "Workflow DSL"). Layout positions ride along as a {@code ui} object
 * per step, which the portal's validator and the worker ignore; steps without one are laid out
 * by dependency depth.
 *
 * <p>The browser sends the definition back when an edit ends (a drag stops, a field loses focus),
 * and the designer validates it at once with the {@link #setValidator validator} and shows the
 * errors on the steps. Save and Test run are only events: the owning view saves through its
 * service and reports with {@link #setMessage}, {@link #showErrors}, {@link #setStepStates}.
 *
 * <p>Stable {@code data-testid}s for browser tests: {@code palette-<type>}, {@code node-<stepId>}
 * (with {@code data-state} and {@code data-invalid}), {@code handle-<stepId>-in|out},
 * {@code field-id}, {@code field-type}, {@code field-config-<key>}, {@code field-dependsOn-<id>},
 * {@code field-retry-<key>}, {@code designer-name}, {@code designer-json}, {@code tab-canvas|json},
 * {@code designer-save}, {@code designer-run}, {@code designer-run-input}, {@code designer-message}.
 */
@Tag("flowgate-workflow-designer")
@JsModule("./designer/workflow-designer.tsx")
@NpmPackage(value = "@xyflow/react", version = "12.12.1")
public class WorkflowDesigner extends ReactAdapterComponent implements HasSize {

  private JsonNode definition = JsonNodeFactory.instance.objectNode();
  private Function<JsonNode, List<FieldError>> validator = d -> List.of();
  private DesignerErrors errors = DesignerErrors.NONE;

  public WorkflowDesigner() {
    setWidthFull();
    addStateChangeListener("definition", JsonNode.class, changed -> {
      definition = changed == null ? JsonNodeFactory.instance.objectNode() : changed;
      validate();
    });
    setState("errors", errors);
    setState("stepStates", Map.of());
    setState("runStatus", "");
    setState("message", "");
    setState("readOnly", false);
  }

  /** Shows this definition (replacing any edit) and validates it. */
  public void setDefinition(JsonNode definition) {
    this.definition = definition.deepCopy();
    setState("definition", this.definition);
    validate();
  }

  /** The definition as last edited, {@code ui} positions included. */
  public JsonNode getDefinition() {
    return definition;
  }

  /** Checks every edit; field names like {@code steps[2].dependsOn} put the message on that step. */
  public void setValidator(Function<JsonNode, List<FieldError>> validator) {
    this.validator = validator;
    validate();
  }

  /** Shows errors found elsewhere (e.g. refused by the service on save) until the next edit. */
  public void showErrors(List<FieldError> fieldErrors) {
    errors = DesignerErrors.of(definition, fieldErrors);
    setState("errors", errors);
  }

  /** The errors the steps and the banner show now. */
  public DesignerErrors getErrors() {
    return errors;
  }

  /** A test run's step states by step id (QUEUED, EXECUTING, SUCCESS, FAILED, SKIPPED), and its status. */
  public void setStepStates(Map<String, String> states, String runStatus) {
    setState("stepStates", states);
    setState("runStatus", runStatus);
  }

  /** A line for the status area (announced politely to screen readers). */
  public void setMessage(String message) {
    setState("message", message);
  }

  public void setReadOnly(boolean readOnly) {
    setState("readOnly", readOnly);
  }

  /** Save was pressed; the listener gets the definition as edited. */
  public Registration addSaveListener(SerializableConsumer<JsonNode> listener) {
    return getElement().addEventListener("designer-save", e -> listener.accept(definition));
  }

  /** Test run was pressed; the listener gets the sample input as typed (JSON text, unchecked). */
  public Registration addRunListener(SerializableConsumer<String> listener) {
    return getElement().addEventListener("designer-run", e -> listener.accept(e.getEventData().path("event.detail.input").asString("")))
        .addEventData("event.detail.input");
  }

  private void validate() {
    errors = DesignerErrors.of(definition, validator.apply(definition));
    setState("errors", errors);
  }
}
