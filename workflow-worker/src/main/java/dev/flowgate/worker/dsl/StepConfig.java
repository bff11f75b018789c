package dev.flowgate.worker.dsl;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A step's {@code config}, typed per {@link StepType}; read by {@link StepConfigReader}. */
public sealed interface StepConfig {

  /** {@code http_request}: {@code body} is a JSONata expression over the run context. */
  record HttpRequest(
      String url, String method, Map<String, String> headers, @Nullable String body, long timeoutMs)
      implements StepConfig {}

  /** {@code webhook}: a signed POST; {@code body} is a JSONata expression (default: the whole context). */
  record Webhook(String url, @Nullable String body, long timeoutMs) implements StepConfig {}

  /** {@code transform}: one {@code expression}, or a {@code mapping} of output field to expression. */
  record Transform(@Nullable String expression, Map<String, String> mapping) implements StepConfig {}

  /**
   * {@code condition}: when {@code expression} is false, dependents in {@code onTrue} (and every
   * dependent not in {@code onFalse}) are skipped; when true, those in {@code onFalse} are.
   */
  record Condition(String expression, List<String> onTrue, List<String> onFalse) implements StepConfig {}

  /** {@code parallel}: a fan-in point; its output is its dependencies' outputs. */
  record Parallel() implements StepConfig {}

  /** {@code delay}: a durable timer. */
  record Delay(long millis) implements StepConfig {}

  /**
   * {@code wait_for_signal}: waits for the signal named {@code signal}; a payload with
   * {@code decision: "reject"} (or {@code approved: false}) fails the step unless
   * {@code continueOnReject}. With {@code approverRoles}, only a signal whose sender has one of
   * those roles counts ({@link SignalActor}); any other is refused, recorded, and the step waits on.
   */
  record WaitForSignal(String signal, long timeoutSeconds, boolean continueOnReject, List<String> approverRoles)
      implements StepConfig {}

  /** {@code notify}: an email; {@code bodyExpression} (JSONata) wins over the literal {@code body}. */
  record Notify(List<String> to, String subject, @Nullable String body, @Nullable String bodyExpression)
      implements StepConfig {}

  /** {@code sub_workflow}: a child run of {@code definition}, its input from the {@code input} expression. */
  record SubWorkflow(WorkflowDefinition definition, @Nullable String input) implements StepConfig {}
}
