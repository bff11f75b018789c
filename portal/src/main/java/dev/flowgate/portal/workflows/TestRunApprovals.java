package dev.flowgate.portal.workflows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Approve and Reject for a test run that waits on a {@code wait_for_signal} step: they send the
 * step's signal with {@code {"approved": true|false}} as the signed-in user, whose role the step
 * may restrict. Shown only while such a step is executing.
 */
class TestRunApprovals extends HorizontalLayout {

  final Button approve = new Button("Approve", VaadinIcon.CHECK.create());
  final Button reject = new Button("Reject", VaadinIcon.CLOSE.create());
  private final Span waiting = new Span();
  private final WorkerClient worker;
  private final UUID tenantId;
  private final SignalSender sender;
  private @Nullable String executionId;
  private @Nullable String signal;

  TestRunApprovals(WorkerClient worker, UUID tenantId, SignalSender sender) {
    this.worker = worker;
    this.tenantId = tenantId;
    this.sender = sender;
    setId("test-run-approvals");
    approve.setId("test-run-approve");
    approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
    approve.addClickListener(e -> send(true));
    reject.setId("test-run-reject");
    reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
    reject.addClickListener(e -> send(false));
    waiting.setId("test-run-waiting");
    setAlignItems(Alignment.BASELINE);
    add(waiting, approve, reject);
    setVisible(false);
  }

  /** Shows the buttons when a step of {@code definition} that waits for a signal is executing. */
  void show(String executionId, JsonNode definition, Map<String, String> states) {
    this.executionId = executionId;
    this.signal = null;
    for (JsonNode step : definition.path("steps")) {
      String id = step.path("id").asString("");
      if ("wait_for_signal".equals(step.path("type").asString()) && "EXECUTING".equals(states.get(id))) {
        signal = step.path("config").path("signal").asString("approval");
        waiting.setText("Step “" + id + "” waits for “" + signal + "”:");
      }
    }
    setVisible(signal != null);
  }

  void hide() {
    setVisible(false);
  }

  private void send(boolean approved) {
    if (executionId == null || signal == null) {
      return;
    }
    try {
      worker.signal(tenantId, executionId, signal, JsonNodeFactory.instance.objectNode().put("approved", approved), sender);
      waiting.setText((approved ? "Approved" : "Rejected") + "; waiting for the run to go on…");
      approve.setEnabled(false);
      reject.setEnabled(false);
    } catch (NotFoundException | UnavailableException e) {
      waiting.setText("The signal was not sent: " + e.getMessage());
    }
  }

  @Override
  public void setVisible(boolean visible) {
    super.setVisible(visible);
    approve.setEnabled(visible);
    reject.setEnabled(visible);
  }
}
