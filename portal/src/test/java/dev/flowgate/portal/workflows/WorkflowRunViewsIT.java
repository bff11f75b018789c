package dev.flowgate.portal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubWorker;
import dev.flowgate.portal.ViewSession;
import dev.flowgate.portal.base.security.PortalUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The runs list, one run, the versions screen and templates, driven server-side as the browser would. */
class WorkflowRunViewsIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  private static final Map<String, Object> DEFINITION = Map.of("name", "approval", "steps", List.of(
      Map.of("id", "approve", "type", "wait_for_signal", "config", Map.of("signal", "approval"))));

  @Autowired WorkflowRuns runs;
  @Autowired WorkflowManagement workflows;
  @Autowired WorkflowHistory history;
  @Autowired WorkflowTemplates templates;
  @Autowired WorkerClient worker;
  @Autowired AuthenticationContext authentication;
  @Autowired Clock clock;

  private String startRun(Api.Tenant tenant, String workflowId) {
    return api.post("/api/v1/workflows/" + workflowId + "/runs", tenant.token(), Map.of()).json().path("executionId").asString();
  }

  @Test
  void a_failed_run_shows_its_steps_on_the_timeline_and_a_developer_retries_it() {
    Api.Tenant tenant = signUp();
    String id = api.post("/api/v1/workflows", tenant.token(), DEFINITION).json().path("id").asString();
    String executionId = startRun(tenant, id);
    StubWorker.statuses.put(executionId, """
        {"executionId": "%s", "workflowId": "%s", "version": 1, "triggerType": "manual", "status": "FAILED",
         "progress": 0, "error": "step 'approve' failed", "createdAt": "2026-11-24T10:00:00Z",
         "steps": [{"id": "approve", "status": "FAILED", "attempts": 3, "startedAt": "2026-11-24T10:00:01Z",
                    "endedAt": "2026-11-24T10:00:04Z", "error": "connection refused"}]}""".formatted(executionId, id));
    session.signIn(tenant, "developer");
    WorkflowRunView view = new WorkflowRunView(runs, authentication, clock);

    view.open(executionId);

    assertThat(view.summary.getText()).startsWith("FAILED · version 1");
    assertThat(view.error.getText()).contains("step 'approve' failed");
    assertThat(view.timeline.getOption().path("yAxis").path("data").get(0).asString()).isEqualTo("approve");
    assertThat(view.steps.getGenericDataView().getItems().toList()).singleElement()
        .satisfies(s -> assertThat(s.attempts()).isEqualTo(3));
    assertThat(view.actions.cancel.isVisible()).isFalse();
    assertThat(view.actions.retry.isVisible()).isTrue();
    assertThat(session.ui().getPollInterval()).as("an ended run is not polled").isNotEqualTo(WorkflowRunView.POLL_MS);

    view.actions.retry.click();

    assertThat(StubWorker.retries.values()).anyMatch(r -> r.path("retryOf").asString().equals(executionId));
    assertThat(view.status.getText()).isEqualTo("Retry started.");
  }

  @Test
  void a_viewer_reads_a_waiting_run_but_gets_no_buttons_while_a_developer_can_approve_it() {
    Api.Tenant tenant = signUp();
    String id = api.post("/api/v1/workflows", tenant.token(), DEFINITION).json().path("id").asString();
    String executionId = startRun(tenant, id);
    StubWorker.statuses.put(executionId, """
        {"executionId": "%s", "workflowId": "%s", "version": 1, "status": "RUNNING", "currentStep": "approve",
         "steps": [{"id": "approve", "status": "EXECUTING", "attempts": 1, "startedAt": "2026-11-24T10:00:01Z"}]}"""
        .formatted(executionId, id));

    session.signIn(tenant, "viewer");
    WorkflowRunView read = new WorkflowRunView(runs, authentication, clock);
    read.open(executionId);
    assertThat(read.actions.waiting.getText()).contains("approve");
    assertThat(List.of(read.actions.approve, read.actions.reject, read.actions.cancel, read.actions.retry))
        .noneMatch(b -> b.isVisible());

    session.signIn(tenant, "developer");
    WorkflowRunView act = new WorkflowRunView(runs, authentication, clock);
    act.open(executionId);
    assertThat(act.actions.cancel.isVisible()).isTrue();
    act.actions.approve.click();
    assertThat(StubWorker.signals).anyMatch(s -> s.startsWith(executionId + "/approval: ") && s.contains("\"approved\":true"));
  }

  @Test
  void the_runs_list_shows_the_workflows_runs_and_filters_by_status() {
    Api.Tenant tenant = signUp();
    String id = api.post("/api/v1/workflows", tenant.token(), DEFINITION).json().path("id").asString();
    String executionId = startRun(tenant, id);
    session.signIn(tenant, "viewer");
    WorkflowRunsView view = new WorkflowRunsView(runs, workflows, authentication);

    view.open(id);

    assertThat(view.title.getText()).isEqualTo("Runs of “approval”");
    assertThat(view.grid.getDataProvider().fetch(new Query<>()).map(WorkflowRun::executionId).toList()).containsExactly(executionId);
    view.status.setValue("FAILED");
    view.grid.getDataProvider().fetch(new Query<>()).toList();
    assertThat(StubWorker.lastRunsQuery).contains("status=FAILED");
    view.open(UUID.randomUUID().toString());
    assertThat(view.message.getText()).startsWith("No workflow");
  }

  @Test
  void two_versions_are_compared_and_an_old_one_is_made_current_again() {
    Api.Tenant tenant = signUp();
    String id = api.post("/api/v1/workflows", tenant.token(), DEFINITION).json().path("id").asString();
    api.send("PUT", "/api/v1/workflows/" + id, tenant.token(), Map.of("name", "approval", "steps", List.of(
        Map.of("id", "approve", "type", "wait_for_signal", "config", Map.of("signal", "sign-off")))));
    session.signIn(tenant, "developer");
    WorkflowVersionsView view = new WorkflowVersionsView(workflows, history, authentication);
    view.open(id);

    view.compare();
    assertThat(view.diff.getChildren().map(c -> ((ListItem) c).getText()).toList())
        .containsExactly("~ step 'approve' config.signal: \"approval\" → \"sign-off\"");

    view.rollBack(1);

    assertThat(api.get("/api/v1/workflows/" + id, tenant.token()).json().toString()).contains("\"currentVersion\":3").contains("\"signal\":\"approval\"");
    assertThat(view.message.getText()).startsWith("Rolled back: version 3");
  }

  @Test
  void a_developer_creates_a_workflow_from_a_template() {
    Api.Tenant tenant = signUp();
    session.signIn(tenant, "developer");
    TemplatePicker picker = new TemplatePicker(templates, new PortalUser(UUID.randomUUID(), tenant.id(), "d@example.com", "x",
        "developer").actor(), created -> {});
    picker.template.setValue(templates.get("approval-chain"));
    picker.name.setValue("expenses");

    picker.create.click();

    assertThat(picker.message.getText()).startsWith("Created “expenses”");
    assertThat(api.get("/api/v1/workflows", tenant.token()).json().path("items").get(0).path("name").asString()).isEqualTo("expenses");
    picker.name.setValue("expenses");
    picker.create.click();
    assertThat(picker.message.getText()).contains("type another name");
  }
}
