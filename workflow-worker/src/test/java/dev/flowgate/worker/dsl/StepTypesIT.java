package dev.flowgate.worker.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.worker.WorkerIntegrationTest;
import dev.flowgate.worker.events.EventTap;
import dev.flowgate.worker.runs.RunIndex;
import dev.flowgate.worker.runs.RunStarter;
import dev.flowgate.worker.runs.RunView;
import dev.flowgate.worker.steps.TestSmtp;
import dev.flowgate.worker.steps.TestUpstream;
import dev.flowgate.worker.steps.WebhookSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every step type through the whole worker on the real services: runs started like the internal API
 * starts them, executed on the local Temporal dev server, the run index in PostgreSQL checked
 * (status, per-step status, attempts, output or error) and the {@code workflow.events} records read
 * back from Kafka.
 */
@WorkerIntegrationTest
class StepTypesIT {

  static final TestUpstream upstream = TestUpstreams.start();

  @Autowired RunStarter runs;
  @Autowired RunIndex index;
  @Autowired TestSmtp smtp;

  private final UUID tenant = UUID.randomUUID();

  @AfterAll
  static void stop() {
    upstream.close();
  }

  private RunView awaitRun(String executionId, RunState state) {
    await().atMost(Duration.ofSeconds(30)).until(() ->
        index.find(tenant, executionId).map(RunView::status).orElse(null) == state);
    return index.find(tenant, executionId).orElseThrow();
  }

  private static Map<String, StepStatus> steps(RunView run) {
    return run.steps().stream().collect(Collectors.toMap(StepStatus::id, Function.identity()));
  }

  @Test
  void products_example_runs_validate_then_approval_signal_then_a_signed_webhook() {
    String executionId = "example-it-" + UUID.randomUUID();
    upstream.answer("/verify", 503, "{\"busy\":true}").answer("/verify", 200, "{\"valid\":true}");
    try (EventTap tap = new EventTap()) {
      runs.start(tenant, "customer-onboarding", 1, DefinitionParser.parse("""
          {"name": "customer-onboarding", "steps": [
            {"id": "validate", "type": "http_request",
             "config": {"url": "%s", "method": "POST", "timeoutMs": 5000},
             "retry": {"maxAttempts": 3, "backoff": "exponential", "initialIntervalMs": 1000}},
            {"id": "approve", "type": "wait_for_signal", "dependsOn": ["validate"],
             "config": {"signal": "approval", "timeoutSeconds": 86400}},
            {"id": "notify", "type": "webhook", "dependsOn": ["approve"],
             "config": {"url": "%s"}}]}
          """.formatted(upstream.url("/verify"), upstream.url("/hooks/done"))), Map.of("customer", "Ada"), executionId, "manual");

      await().atMost(Duration.ofSeconds(20)).until(() ->
          index.find(tenant, executionId).map(RunView::currentStep).orElse("").equals("approve"));
      runs.signal(tenant, executionId, "approval", Map.of("decision", "approve"), null, null);
      RunView run = awaitRun(executionId, RunState.COMPLETED);
      List<EventTap.Event> events = tap.until(executionId, "run:COMPLETED");

      Map<String, StepStatus> steps = steps(run);
      assertThat(steps.get("validate").status()).isEqualTo(StepState.SUCCESS);
      assertThat(steps.get("validate").attempts()).as("one 503, then 200").isEqualTo(2);
      assertThat(steps.get("validate").output()).asString().contains("valid=true");
      assertThat(steps.get("approve").output()).isEqualTo(Map.of("decision", "approve"));
      assertThat(steps.get("notify").status()).isEqualTo(StepState.SUCCESS);
      assertThat(steps.get("notify").attempts()).isEqualTo(1);
      assertThat(run.progress()).isEqualTo(100);

      TestUpstream.Received hook = upstream.received("/hooks/done").getFirst();
      String signature = hook.header("Flowgate-Signature");
      assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
      long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
      assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
      assertThat(signature).isEqualTo(
          WebhookSigner.signature(WebhookSigner.tenantSecret("it-signing-secret", tenant.toString()), t, hook.body()));
      assertThat(hook.body()).contains("\"executionId\":\"" + executionId + "\"").contains("\"customer\":\"Ada\"");

      assertThat(events).extracting(EventTap.Event::key).containsOnly(tenant.toString());
      assertThat(EventTap.path(events, "run")).containsExactly("PENDING", "RUNNING", "COMPLETED");
      for (String step : List.of("validate", "approve", "notify")) {
        assertThat(EventTap.path(events, step)).containsExactly("QUEUED", "EXECUTING", "SUCCESS");
      }
      assertThat(events.stream().filter(e -> e.transition().equals("validate:SUCCESS")).findFirst().orElseThrow()
          .payload().path("attempts").asInt()).isEqualTo(2);
    }
  }

  @Test
  void every_other_step_type_runs_condition_branches_fan_out_and_in_delay_notify_and_a_sub_workflow() {
    String executionId = "types-it-" + UUID.randomUUID();
    upstream.answer("/fan/a", 200, "{\"from\":\"a\"}");
    try (EventTap tap = new EventTap()) {
      long mailsBefore = smtp.messages().size();
      runs.start(tenant, "types", 1, DefinitionParser.parse("""
          {"name": "types", "steps": [
            {"id": "start", "type": "transform", "config": {"mapping": {"n": "input.n", "who": "input.name"}}},
            {"id": "check", "type": "condition", "dependsOn": ["start"],
             "config": {"expression": "steps.start.output.n > 5", "onTrue": ["big"], "onFalse": ["small"]}},
            {"id": "big", "type": "transform", "dependsOn": ["check"], "config": {"expression": "'big'"}},
            {"id": "small", "type": "transform", "dependsOn": ["check"], "config": {"expression": "'small'"}},
            {"id": "fetch", "type": "http_request", "dependsOn": ["start"], "config": {"url": "%s"}},
            {"id": "pause", "type": "delay", "dependsOn": ["start"], "config": {"durationMs": 500}},
            {"id": "join", "type": "parallel", "dependsOn": ["fetch", "pause", "big"]},
            {"id": "mail", "type": "notify", "dependsOn": ["join"],
             "config": {"to": "ops@example.com", "subject": "run done", "bodyExpression": "'n was ' & steps.start.output.n"}},
            {"id": "child", "type": "sub_workflow", "dependsOn": ["join"],
             "config": {"input": "{'n': steps.start.output.n}", "definition": {"name": "double", "steps": [
               {"id": "double", "type": "transform", "config": {"expression": "input.n * 2"}}]}}}]}
          """.formatted(upstream.url("/fan/a"))), Map.of("n", 7, "name", "Ada"), executionId, "manual");

      RunView run = awaitRun(executionId, RunState.COMPLETED);
      List<EventTap.Event> events = tap.until(executionId, "run:COMPLETED");

      Map<String, StepStatus> steps = steps(run);
      assertThat(steps.get("check").output()).isEqualTo(Map.of("result", true));
      assertThat(steps.get("big").output()).isEqualTo("big");
      assertThat(steps.get("small").status()).isEqualTo(StepState.SKIPPED);
      assertThat(steps.get("pause").output()).isEqualTo(Map.of("delayedMs", 500));
      assertThat(Duration.between(Instant.parse(steps.get("pause").startedAt()), Instant.parse(steps.get("pause").endedAt())))
          .isGreaterThanOrEqualTo(Duration.ofMillis(500));
      assertThat(steps.get("join").output()).asString().contains("fetch=").contains("pause=").contains("big=big");
      assertThat(steps.get("join").startedAt()).isGreaterThanOrEqualTo(steps.get("pause").endedAt());
      // the run index masks PII in step outputs; the email itself went to the real address
      assertThat(steps.get("mail").output()).isEqualTo(Map.of("sentTo", List.of("o***@example.com"), "subject", "run done"));
      assertThat(smtp.messages()).hasSize((int) mailsBefore + 1);
      assertThat(smtp.messages().getLast()).contains("Subject: run done").contains("n was 7").contains("ops@example.com");
      assertThat(steps.get("child").output()).isEqualTo(Map.of("double", 14));
      assertThat(run.steps()).filteredOn(s -> !s.id().equals("small"))
          .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepState.SUCCESS));
      RunView child = index.find(tenant, executionId + ".child").orElseThrow();
      assertThat(child.status()).isEqualTo(RunState.COMPLETED);
      assertThat(child.triggerType()).isEqualTo("sub_workflow");

      assertThat(EventTap.path(events, "small")).containsExactly("QUEUED", "SKIPPED");
      assertThat(EventTap.path(events, "pause")).containsExactly("QUEUED", "EXECUTING", "SUCCESS");
      assertThat(EventTap.path(events, "run")).containsExactly("PENDING", "RUNNING", "COMPLETED");
      assertThat(events).extracting(e -> e.payload().path("sequence").asLong())
          .containsExactly(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toArray(Long[]::new));
    }
  }

  @Test
  void a_failing_step_fails_the_run_with_its_error_skips_the_rest_and_says_so_on_kafka() {
    String executionId = "fail-it-" + UUID.randomUUID();
    upstream.answer("/refuse", 422, "{\"error\":\"unknown customer\"}");
    try (EventTap tap = new EventTap()) {
      runs.start(tenant, "failing", 1, DefinitionParser.parse("""
          {"name": "failing", "steps": [
            {"id": "call", "type": "http_request", "config": {"url": "%s", "method": "POST"}},
            {"id": "after", "type": "webhook", "dependsOn": ["call"], "config": {"url": "%s"}}]}
          """.formatted(upstream.url("/refuse"), upstream.url("/never"))), Map.of(), executionId, "manual");

      RunView run = awaitRun(executionId, RunState.FAILED);
      List<EventTap.Event> events = tap.until(executionId, "run:FAILED");

      assertThat(run.error()).contains("step 'call' failed").contains("422");
      StepStatus call = steps(run).get("call");
      assertThat(call.status()).isEqualTo(StepState.FAILED);
      assertThat(call.attempts()).as("a 4xx is not retried").isEqualTo(1);
      assertThat(call.error()).contains("unknown customer");
      assertThat(steps(run).get("after").status()).isEqualTo(StepState.SKIPPED);
      assertThat(upstream.received("/never")).isEmpty();
      EventTap.Event failed = events.stream().filter(e -> e.transition().equals("run:FAILED")).findFirst().orElseThrow();
      assertThat(failed.payload().path("error").asString()).contains("422");
      assertThat(EventTap.path(events, "call")).containsExactly("QUEUED", "EXECUTING", "FAILED");
    }
  }

  /** Static start of a {@link TestUpstream} (its constructor throws). */
  static final class TestUpstreams {
    static TestUpstream start() {
      try {
        return new TestUpstream();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
