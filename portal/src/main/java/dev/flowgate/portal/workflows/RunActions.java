package dev.flowgate.portal.workflows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.function.SerializableConsumer;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a developer (or owner, admin) can do to the run shown: cancel it while it runs, approve or
 * reject the step it waits on, retry it once it FAILED. Each button shows only when it applies;
 * a viewer sees none. Results and refusals go to {@code report}.
 */
class RunActions extends HorizontalLayout {

  final Button cancel = new Button("Cancel run", VaadinIcon.STOP.create());
  final Button approve = new Button("Approve", VaadinIcon.CHECK.create());
  final Button reject = new Button("Reject", VaadinIcon.CLOSE.create());
  final Button retry = new Button("Retry", VaadinIcon.REFRESH.create());
  final Span waiting = new Span();
  private final WorkflowRuns runs;
  private final Actor actor;
  private final SignalSender sender;
  private final boolean canAct;
  private final SerializableConsumer<String> report;
  private final SerializableConsumer<String> retried;
  private @Nullable WorkflowRun run;
  private WorkflowRuns.@Nullable WaitingStep step;

  /**
   * @param report shows a line about what happened
   * @param retried gets the retry's execution id
   */
  RunActions(WorkflowRuns runs, Actor actor, SignalSender sender, boolean canAct, SerializableConsumer<String> report,
      SerializableConsumer<String> retried) {
    this.runs = runs;
    this.actor = actor;
    this.sender = sender;
    this.canAct = canAct;
    this.report = report;
    this.retried = retried;
    setId("run-actions");
    setAlignItems(Alignment.BASELINE);
    cancel.setId("run-cancel");
    cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
    cancel.addClickListener(e -> act("Cancellation requested.", () -> runs.cancel(actor, current().executionId())));
    approve.setId("run-approve");
    approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
    approve.addClickListener(e -> decide(true));
    reject.setId("run-reject");
    reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
    reject.addClickListener(e -> decide(false));
    retry.setId("run-retry");
    retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    retry.addClickListener(e -> {
      String[] started = new String[1];
      if (act("Retry started.", () -> started[0] = runs.retry(actor, current().executionId()))) {
        retried.accept(started[0]);
      }
    });
    waiting.setId("run-waiting");
    add(waiting, approve, reject, cancel, retry);
    show(null, Optional.empty());
  }

  /** Shows the buttons that apply to {@code run} (which waits on {@code step}, if present). */
  void show(@Nullable WorkflowRun run, Optional<WorkflowRuns.WaitingStep> step) {
    this.run = run;
    this.step = step.orElse(null);
    boolean running = run != null && !run.ended();
    cancel.setVisible(canAct && running);
    retry.setVisible(canAct && run != null && "FAILED".equals(run.status()));
    boolean deciding = canAct && running && this.step != null;
    approve.setVisible(deciding);
    reject.setVisible(deciding);
    waiting.setVisible(running && this.step != null);
    waiting.setText(this.step == null ? "" : "Step “" + this.step.stepId() + "” waits for “" + this.step.signal() + "”.");
  }

  private void decide(boolean approved) {
    WorkflowRuns.WaitingStep waitingOn = step;
    if (waitingOn != null) {
      act(approved ? "Approved; the run goes on." : "Rejected.",
          () -> runs.decide(actor, current().executionId(), waitingOn, approved, sender));
      approve.setVisible(false);
      reject.setVisible(false);
    }
  }

  /** Runs the action; on a refusal (run gone, ended, worker down) reports it and answers false. */
  private boolean act(String done, Runnable action) {
    try {
      action.run();
      report.accept(done);
      return true;
    } catch (ConflictException | NotFoundException | UnavailableException e) {
      report.accept("Not done: " + e.getMessage());
      return false;
    }
  }

  private WorkflowRun current() {
    if (run == null) {
      throw new NotFoundException("workflow run", "");
    }
    return run;
  }
}
