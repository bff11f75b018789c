package dev.flowgate.portal.workflows;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.workflows.designer.WorkflowDesigner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The designer's test run: starts the saved current version with the sample input, then polls
 * the run's status every second (UI polling: the portal has no server push) and shows each step's
 * state on its node until the run ends.
 */
class WorkflowTestRuns {

  static final int POLL_MS = 1000;
  private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED");

  private final WorkflowManagement workflows;
  private final WorkerClient worker;
  private final Actor actor;
  private final WorkflowDesigner designer;
  private final TestRunApprovals approvals;
  private @Nullable Registration polling;
  private @Nullable String executionId;

  WorkflowTestRuns(WorkflowManagement workflows, WorkerClient worker, Actor actor, WorkflowDesigner designer,
      TestRunApprovals approvals) {
    this.workflows = workflows;
    this.worker = worker;
    this.actor = actor;
    this.designer = designer;
    this.approvals = approvals;
  }

  /** Starts a run of the saved workflow; unsaved edits are refused, since the run would not include them. */
  void start(@Nullable WorkflowView saved, String inputText) {
    if (saved == null) {
      designer.setMessage("Save the workflow before a test run.");
      return;
    }
    WorkflowView current = workflows.get(actor, saved.id());
    if (!current.definition().equals(designer.getDefinition())) {
      designer.setMessage("Save first: a test run runs the saved version " + current.currentVersion() + ".");
      return;
    }
    JsonNode input;
    try {
      input = EventCodec.mapper().readTree(inputText.isBlank() ? "{}" : inputText);
    } catch (JacksonException e) {
      designer.setMessage("The sample input is not valid JSON: " + e.getOriginalMessage());
      return;
    }
    if (!input.isObject()) {
      designer.setMessage("The sample input must be a JSON object.");
      return;
    }
    stop();
    try {
      WorkflowVersionView version = workflows.version(actor.tenantId(), current.id(), current.currentVersion());
      executionId = worker.start(actor.tenantId(), version, input, UUID.randomUUID().toString());
    } catch (InvalidInputException | UnavailableException e) {
      designer.setMessage("The test run did not start: " + e.getMessage());
      return;
    }
    designer.setStepStates(Map.of(), "PENDING");
    designer.setMessage("Test run " + executionId + " started on version " + current.currentVersion() + ".");
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.setPollInterval(POLL_MS);
      polling = ui.addPollListener(e -> refresh());
    }
  }

  /** Asks the worker for the run's state once and shows it; stops polling when the run has ended. */
  void refresh() {
    if (executionId == null) {
      return;
    }
    try {
      JsonNode run = worker.run(actor.tenantId(), executionId);
      Map<String, String> states = new LinkedHashMap<>();
      run.path("steps").forEach(s -> states.put(s.path("id").asString(""), s.path("status").asString("")));
      String status = run.path("status").asString("");
      designer.setStepStates(states, status);
      approvals.show(executionId, designer.getDefinition(), states);
      if (ENDED.contains(status)) {
        approvals.hide();
        designer.setMessage("Test run " + executionId + " ended: " + status
            + (run.hasNonNull("error") ? " (" + run.path("error").asString() + ")" : "") + ".");
        stop();
      }
    } catch (NotFoundException | UnavailableException e) {
      designer.setMessage("The test run's state is unavailable: " + e.getMessage());
      stop();
    }
  }

  void stop() {
    if (polling != null) {
      polling.remove();
      polling = null;
      UI ui = UI.getCurrent();
      if (ui != null) {
        ui.setPollInterval(-1);
      }
    }
  }

  @Nullable String executionId() {
    return executionId;
  }
}
