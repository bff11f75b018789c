package dev.flowgate.worker.dsl;

import dev.flowgate.worker.steps.ExpressionActivities;
import dev.flowgate.worker.steps.HttpRequestActivities;
import dev.flowgate.worker.steps.NotifyActivities;
import dev.flowgate.worker.steps.StepCall;
import dev.flowgate.worker.steps.StepResult;
import dev.flowgate.worker.steps.WebhookActivities;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Runs one step of a run inside the interpreting workflow: workflow code, deterministic. */
final class StepRunner {

  private static final long NOTIFY_TIMEOUT_MS = 30_000;
  /** Over the HTTP timeout: connecting (2 s) and reading the body fit inside one attempt. */
  private static final long ATTEMPT_MARGIN_MS = 3_000;

  private final ExpressionActivities expressions = Workflow.newLocalActivityStub(
      ExpressionActivities.class,
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build());
  private final RunRequest request;
  private final String executionId;
  private final SignalInbox inbox;
  private final Consumer<SignalRefusal> refusals;

  StepRunner(RunRequest request, String executionId, SignalInbox inbox, Consumer<SignalRefusal> refusals) {
    this.request = request;
    this.executionId = executionId;
    this.inbox = inbox;
    this.refusals = refusals;
  }

  StepOutcome run(StepDefinition step, Map<String, Object> context) {
    StepCall call = new StepCall(request.tenantId(), executionId, step.id(), context);
    try {
      return switch (StepConfigReader.readValid(step)) {
        case StepConfig.HttpRequest c -> done(activity(HttpRequestActivities.class, step, c.timeoutMs()).request(call, c));
        case StepConfig.Webhook c -> done(activity(WebhookActivities.class, step, c.timeoutMs()).deliver(call, c));
        case StepConfig.Notify c -> done(activity(NotifyActivities.class, step, NOTIFY_TIMEOUT_MS).send(call, c));
        case StepConfig.Transform c -> StepOutcome.success(expressions.transform(c, context), 1);
        case StepConfig.Condition c -> {
          boolean result = expressions.test(c.expression(), context);
          yield new StepOutcome(true, Map.of("result", result), null, 1, result, false);
        }
        case StepConfig.Parallel p -> StepOutcome.success(dependencyOutputs(step, context), 1);
        case StepConfig.Delay d -> {
          Workflow.sleep(Duration.ofMillis(d.millis()));
          yield StepOutcome.success(Map.of("delayedMs", d.millis()), 1);
        }
        case StepConfig.WaitForSignal w -> waitForSignal(step.id(), w);
        case StepConfig.SubWorkflow s -> subWorkflow(step, s, context);
      };
    } catch (CanceledFailure e) {
      return StepOutcome.canceled();
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof CanceledFailure) {
        return StepOutcome.canceled();
      }
      return StepOutcome.failure(reason(e.getCause()), attempts(e, step));
    } catch (ChildWorkflowFailure e) {
      return e.getCause() instanceof CanceledFailure ? StepOutcome.canceled() : StepOutcome.failure(reason(e.getCause()), 1);
    }
  }

  private <T> T activity(Class<T> type, StepDefinition step, long timeoutMs) {
    RetrySpec retry = step.effectiveRetry();
    long initial = retry.initialIntervalMs();
    return Workflow.newActivityStub(type, ActivityOptions.newBuilder()
        // a cancelled step stops waiting at once and sends no cancel request: a request for an
        // activity that finished in the meantime is refused by the server and stalls the run
        .setCancellationType(ActivityCancellationType.ABANDON)
        .setStartToCloseTimeout(Duration.ofMillis(timeoutMs + ATTEMPT_MARGIN_MS))
        .setRetryOptions(RetryOptions.newBuilder()
            .setMaximumAttempts(retry.maxAttempts())
            .setInitialInterval(Duration.ofMillis(initial))
            .setBackoffCoefficient(retry.backoffCoefficient())
            .setMaximumInterval(Duration.ofMillis(retry.maxIntervalMs() != null ? retry.maxIntervalMs() : initial * 100))
            .build())
        .build());
  }

  private static StepOutcome done(StepResult result) {
    return StepOutcome.success(result.output(), result.attempt());
  }

  private StepOutcome waitForSignal(String stepId, StepConfig.WaitForSignal config) {
    String name = config.signal();
    long deadline = Workflow.currentTimeMillis() + config.timeoutSeconds() * 1000;
    Map<String, Object> payload;
    while (true) {
      long left = deadline - Workflow.currentTimeMillis();
      if (left <= 0 || !Workflow.await(Duration.ofMillis(left), () -> inbox.has(name))) {
        return StepOutcome.failure("timed out: no '" + name + "' signal within " + config.timeoutSeconds() + " s", 1);
      }
      payload = inbox.take(name);
      String role = SignalActor.role(payload);
      if (config.approverRoles().isEmpty() || config.approverRoles().contains(role)) {
        break;
      }
      refusals.accept(new SignalRefusal(stepId, name, SignalActor.id(payload), role,
          Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(),
          (role == null ? "the sender has no role" : "role '" + role + "' may not approve")
              + "; allowed: " + String.join(", ", config.approverRoles())));
    }
    if (rejected(payload) && !config.continueOnReject()) {
      Object reason = payload.get("reason");
      return new StepOutcome(false, payload, null, 1, null, false)
          .withError("rejected by signal '" + name + "'" + (reason == null ? "" : ": " + reason));
    }
    return StepOutcome.success(payload, 1);
  }

  private static boolean rejected(Map<String, Object> payload) {
    Object decision = payload.get("decision");
    return Boolean.FALSE.equals(payload.get("approved"))
        || (decision instanceof String d && (d.equalsIgnoreCase("reject") || d.equalsIgnoreCase("rejected")));
  }

  @SuppressWarnings("unchecked")
  private StepOutcome subWorkflow(StepDefinition step, StepConfig.SubWorkflow config, Map<String, Object> context) {
    Object input = config.input() == null ? Map.of() : expressions.evaluate(config.input(), context);
    Map<String, Object> childInput = input instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("value", input);
    DslWorkflow child = Workflow.newChildWorkflowStub(DslWorkflow.class,
        ChildWorkflowOptions.newBuilder().setWorkflowId(executionId + "." + step.id()).build());
    RunResult result = child.run(
        new RunRequest(request.tenantId(), request.workflowId(), request.version(), config.definition(), childInput, "sub_workflow"));
    return StepOutcome.success(result.outputs(), 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> dependencyOutputs(StepDefinition step, Map<String, Object> context) {
    Map<String, Object> steps = (Map<String, Object>) context.get("steps");
    Map<String, Object> outputs = new LinkedHashMap<>();
    for (String dependency : step.dependsOn()) {
      if (steps.get(dependency) instanceof Map<?, ?> done) {
        outputs.put(dependency, done.get("output"));
      }
    }
    return outputs;
  }

  private static String reason(Throwable cause) {
    return switch (cause) {
      case ApplicationFailure a -> a.getOriginalMessage();
      case TimeoutFailure t -> "timed out (" + t.getTimeoutType().name().replace("TIMEOUT_TYPE_", "").toLowerCase() + ")";
      case ChildWorkflowFailure c -> reason(c.getCause());
      case TemporalFailure f -> f.getOriginalMessage();
      case null -> "failed";
      default -> String.valueOf(cause.getMessage());
    };
  }

  private static int attempts(ActivityFailure failure, StepDefinition step) {
    if (failure.getCause() instanceof ApplicationFailure a && a.getDetails().getSize() > 0) {
      Integer attempt = a.getDetails().get(0, Integer.class, Integer.class);
      if (attempt != null) {
        return attempt;
      }
    }
    return failure.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED
        ? step.effectiveRetry().maxAttempts() : 1;
  }
}
