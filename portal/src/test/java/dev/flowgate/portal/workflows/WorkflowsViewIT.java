package dev.flowgate.portal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubWorker;
import dev.flowgate.portal.ViewSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The workflows screen with its designer, driven server-side as the browser would drive it. */
class WorkflowsViewIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  private static final String DEFINITION = """
      {"name": "onboarding", "steps": [
        {"id": "validate", "type": "http_request", "ui": {"x": 40, "y": 40},
         "config": {"url": "https://validation.example/verify", "method": "POST", "timeoutMs": 5000},
         "retry": {"maxAttempts": 3, "backoff": "exponential", "initialIntervalMs": 1000}},
        {"id": "approve", "type": "wait_for_signal", "dependsOn": ["validate"], "ui": {"x": 280, "y": 40},
         "config": {"signal": "approval", "timeoutSeconds": 86400}},
        {"id": "notify", "type": "webhook", "dependsOn": ["approve"], "ui": {"x": 520, "y": 40},
         "config": {"url": "https://hooks.example/done"}}]}""";

  @Autowired WorkflowManagement workflows;
  @Autowired WorkerClient worker;
  @Autowired WorkflowTemplates templates;
  @Autowired AuthenticationContext authentication;

  private WorkflowsView viewAs(Api.Tenant tenant, String role) {
    session.signIn(tenant, role);
    return new WorkflowsView(workflows, templates, worker, authentication);
  }

  /** What the browser does when the user edits: the element's `definition` property changes. */
  private static void edit(WorkflowsView view, String json) {
    view.designer.getElement().setPropertyJson("definition", (ObjectNode) EventCodec.mapper().readTree(json));
  }

  private static void fire(Component component, String event, ObjectNode data) {
    component.getElement().getNode().getFeature(ElementListenerMap.class)
        .fireEvent(new DomEvent(component.getElement(), event, data));
  }

  private static JsonNode state(WorkflowsView view, String key) {
    return EventCodec.mapper().readTree(view.designer.getElement().getPropertyRaw(key).toString());
  }

  @Test
  void a_definition_set_as_json_round_trips_through_the_designer_into_a_new_version_with_the_same_steps() {
    Api.Tenant tenant = signUp();
    WorkflowsView view = viewAs(tenant, "developer");
    JsonNode expected = EventCodec.mapper().readTree(DEFINITION);

    edit(view, DEFINITION);
    assertThat(view.designer.getDefinition()).isEqualTo(expected);
    assertThat(view.designer.getErrors().isEmpty()).isTrue();
    fire(view.designer, "designer-save", JsonNodeFactory.instance.objectNode());
    fire(view.designer, "designer-save", JsonNodeFactory.instance.objectNode());

    WorkflowView saved = view.editing();
    assertThat(saved).isNotNull();
    assertThat(saved.currentVersion()).isEqualTo(2);
    JsonNode stored = api.get("/api/v1/workflows/" + saved.id(), tenant.token()).json();
    assertThat(stored.path("definition").path("steps")).isEqualTo(expected.path("steps"));
    assertThat(state(view, "message").asString()).contains("version 2");

    view.grid.asSingleSelect().clear();
    view.grid.asSingleSelect().setValue(saved);
    assertThat(state(view, "definition")).isEqualTo(expected);
  }

  @Test
  void validation_errors_reach_the_nodes_of_their_steps_and_nothing_is_saved() {
    Api.Tenant tenant = signUp();
    WorkflowsView view = viewAs(tenant, "developer");

    edit(view, DEFINITION.replace("\"dependsOn\": [\"approve\"]", "\"dependsOn\": [\"ghost\"]").replace("\"onboarding\"", "\"\""));

    JsonNode errors = state(view, "errors");
    assertThat(errors.path("steps").path("notify").get(0).asString()).isEqualTo("dependsOn: depends on unknown step 'ghost'");
    assertThat(errors.path("steps").has("validate")).isFalse();
    assertThat(errors.path("general").get(0).asString()).startsWith("name:");
    fire(view.designer, "designer-save", JsonNodeFactory.instance.objectNode());
    assertThat(view.editing()).isNull();
    assertThat(state(view, "message").asString()).startsWith("Not saved");
    assertThat(api.get("/api/v1/workflows", tenant.token()).json().path("items")).isEmpty();

    edit(view, DEFINITION);
    assertThat(state(view, "errors").path("steps").isEmpty()).isTrue();
  }

  @Test
  void a_test_run_starts_the_saved_version_with_the_sample_input_and_shows_the_run_state() {
    Api.Tenant tenant = signUp();
    WorkflowsView view = viewAs(tenant, "developer");
    edit(view, DEFINITION);
    fire(view.designer, "designer-save", JsonNodeFactory.instance.objectNode());
    ObjectNode run = JsonNodeFactory.instance.objectNode().put("event.detail.input", "{\"order\": 42}");

    fire(view.designer, "designer-run", run);

    String executionId = view.testRuns.executionId();
    assertThat(StubWorker.runs.get(executionId).path("input").path("order").asInt()).isEqualTo(42);
    assertThat(StubWorker.runs.get(executionId).path("version").asInt()).isEqualTo(1);
    assertThat(session.ui().getPollInterval()).isEqualTo(WorkflowTestRuns.POLL_MS);
    view.testRuns.refresh();
    assertThat(state(view, "runStatus").asString()).isEqualTo("RUNNING");

    edit(view, DEFINITION.replace("approval", "sign-off"));
    fire(view.designer, "designer-run", run);
    assertThat(state(view, "message").asString()).startsWith("Save first");
  }

  @Test
  void a_test_run_waiting_for_approval_is_approved_from_the_page_as_the_signed_in_user() {
    Api.Tenant tenant = signUp();
    WorkflowsView view = viewAs(tenant, "developer");
    edit(view, DEFINITION);
    fire(view.designer, "designer-save", JsonNodeFactory.instance.objectNode());
    fire(view.designer, "designer-run", JsonNodeFactory.instance.objectNode().put("event.detail.input", "{}"));
    String executionId = view.testRuns.executionId();
    view.testRuns.refresh();
    assertThat(view.approvals.isVisible()).as("nothing waits yet").isFalse();

    StubWorker.statuses.put(executionId, """
        {"status":"RUNNING","currentStep":"approve","steps":[
          {"id":"validate","status":"SUCCESS"},{"id":"approve","status":"EXECUTING"}]}""");
    view.testRuns.refresh();
    assertThat(view.approvals.isVisible()).isTrue();
    view.approvals.approve.click();

    assertThat(StubWorker.signals).anyMatch(s -> s.startsWith(executionId + "/approval: ")
        && s.contains("\"approved\":true") && s.endsWith(" developer]"));
    assertThat(view.approvals.approve.isEnabled()).isFalse();
    StubWorker.statuses.put(executionId, "{\"status\":\"COMPLETED\",\"steps\":[]}");
    view.testRuns.refresh();
    assertThat(view.approvals.isVisible()).isFalse();
  }

  @Test
  void a_viewer_reads_definitions_without_saving() {
    WorkflowsView view = viewAs(signUp(), "viewer");
    assertThat(state(view, "readOnly").asBoolean()).isTrue();
  }
}
