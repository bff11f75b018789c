package dev.flowgate.worker.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flowgate.worker.runs.RecordingRunIndex;
import dev.flowgate.worker.runs.RunSnapshot;
import dev.flowgate.worker.steps.ExpressionActivitiesImpl;
import dev.flowgate.worker.steps.HttpRequestActivitiesImpl;
import dev.flowgate.worker.steps.NotifyActivitiesImpl;
import dev.flowgate.worker.steps.StepHttpClient;
import dev.flowgate.worker.steps.StepsProperties;
import dev.flowgate.worker.steps.TestUpstream;
import dev.flowgate.worker.steps.UpstreamGuard;
import dev.flowgate.worker.steps.WebhookActivitiesImpl;
import dev.flowgate.worker.steps.WebhookSigner;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

@Timeout(60)
class DslWorkflowTest {

  static final String TENANT = "7f1c7c52-0000-4000-8000-000000000001";
  static final StepsProperties PROPERTIES =
      new StepsProperties("127.0.0.0/8", "test-signing-secret", "flowgate@test.example", Duration.ofSeconds(2), 1 << 20);
  static final TestUpstream upstream = startUpstream();
  static final RecordingRunIndex index = new RecordingRunIndex();
  static final StepHttpClient http = new StepHttpClient(UpstreamGuard.of(PROPERTIES.upstreamAllow()), PROPERTIES);

  @RegisterExtension
  static final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(DslWorkflowImpl.class)
      .setActivityImplementations(
          new HttpRequestActivitiesImpl(http),
          new WebhookActivitiesImpl(http, PROPERTIES, Clock.systemUTC()),
          new NotifyActivitiesImpl(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), PROPERTIES),
          new ExpressionActivitiesImpl(),
          index)
      .build();

  private static TestUpstream startUpstream() {
    try {
      return new TestUpstream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    http.close();
    upstream.close();
  }

  private static DslWorkflow start(WorkflowClient client, Worker worker, String json, Map<String, Object> input) {
    DslWorkflow run = client.newWorkflowStub(DslWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(worker.getTaskQueue()).setWorkflowId("run-" + UUID.randomUUID()).build());
    WorkflowClient.start(run::run, new RunRequest(TENANT, "wf-1", 1, DefinitionParser.parse(json), input, "manual"));
    return run;
  }

  private static RunResult result(DslWorkflow run) {
    return WorkflowStub.fromTyped(run).getResult(RunResult.class);
  }

  private static Map<String, StepStatus> steps(DslWorkflow run) {
    return run.status().steps().stream().collect(Collectors.toMap(StepStatus::id, s -> s));
  }

  private static void awaitStep(DslWorkflow run, String id, StepState state) {
    await().atMost(Duration.ofSeconds(20)).until(() -> steps(run).get(id).status() == state);
  }

  private static String path() {
    return "/" + UUID.randomUUID();
  }

  @Test
  void the_product_example_validates_waits_for_approval_and_sends_a_signed_webhook(WorkflowClient client, Worker worker) {
    String validate = path();
    String hook = path();
    DslWorkflow run = start(client, worker, """
        {"name": "customer-onboarding", "steps": [
          {"id": "validate", "type": "http_request",
           "config": {"url": "%s", "method": "POST", "timeoutMs": 5000, "body": "input"},
           "retry": {"maxAttempts": 3, "backoff": "exponential", "initialIntervalMs": 1000}},
          {"id": "approve", "type": "wait_for_signal", "dependsOn": ["validate"],
           "config": {"signal": "approval", "timeoutSeconds": 86400}},
          {"id": "notify", "type": "webhook", "dependsOn": ["approve"], "config": {"url": "%s"}}]}
        """.formatted(upstream.url(validate), upstream.url(hook)), Map.of("email", "ada@example.com"));

    awaitStep(run, "approve", StepState.EXECUTING);
    RunStatus waiting = run.status();
    assertThat(waiting.status()).isEqualTo(RunState.RUNNING);
    assertThat(waiting.currentStep()).isEqualTo("approve");
    assertThat(waiting.progress()).isEqualTo(33);
    assertThat(steps(run).get("validate").attempts()).isEqualTo(1);
    assertThat(upstream.received(validate)).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.body()).isEqualTo("{\"email\":\"ada@example.com\"}");
    });
    assertThat(upstream.received(hook)).isEmpty();

    run.signal("approval", Map.of("decision", "approve", "by", "ada"));
    RunResult result = result(run);

    assertThat(result.status()).isEqualTo(RunState.COMPLETED);
    assertThat(result.outputs().get("approve")).isEqualTo(Map.of("decision", "approve", "by", "ada"));
    TestUpstream.Received delivery = upstream.received(hook).getFirst();
    String signature = delivery.header("Flowgate-Signature");
    long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
    String secret = WebhookSigner.tenantSecret("test-signing-secret", TENANT);
    assertThat(signature).isEqualTo(WebhookSigner.signature(secret, t, delivery.body()));
    assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
    assertThat(delivery.header("Idempotency-Key")).endsWith(":notify");
    assertThat(delivery.body()).contains("\"email\":\"ada@example.com\"").contains("\"approve\"");
    RunStatus done = run.status();
    assertThat(done.status()).isEqualTo(RunState.COMPLETED);
    assertThat(done.progress()).isEqualTo(100);
    assertThat(done.steps()).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(StepState.SUCCESS);
      assertThat(s.startedAt()).isNotNull();
      assertThat(s.endedAt()).isNotNull();
    });
  }

  @Test
  void the_run_index_gets_every_transition_and_the_final_state_last(WorkflowClient client, Worker worker) {
    DslWorkflow run = start(client, worker, """
        {"name": "two", "steps": [
          {"id": "a", "type": "transform", "config": {"expression": "'x'"}},
          {"id": "b", "type": "transform", "dependsOn": ["a"], "config": {"expression": "'y'"}}]}
        """, Map.of());

    result(run);

    String id = WorkflowStub.fromTyped(run).getExecution().getWorkflowId();
    java.util.List<RunSnapshot> snapshots = index.of(id);
    RunSnapshot last = snapshots.stream().max(java.util.Comparator.comparingLong(RunSnapshot::revision)).orElseThrow();
    assertThat(last.status().status()).isEqualTo(RunState.COMPLETED);
    assertThat(last.tenantId()).isEqualTo(TENANT);
    assertThat(last.triggerType()).isEqualTo("manual");
    assertThat(snapshots).extracting(s -> s.status().status()).contains(RunState.RUNNING);
    assertThat(snapshots).anySatisfy(s -> assertThat(s.status().currentStep()).isEqualTo("b"));
    assertThat(snapshots).extracting(RunSnapshot::revision).doesNotHaveDuplicates();
  }

  @Test
  void independent_steps_run_in_parallel_and_a_fan_in_waits_for_all(WorkflowClient client, Worker worker) {
    DslWorkflow run = start(client, worker, """
        {"name": "fan", "steps": [
          {"id": "start", "type": "transform", "config": {"expression": "input.n"}},
          {"id": "b", "type": "delay", "dependsOn": ["start"], "config": {"seconds": 30}},
          {"id": "c", "type": "delay", "dependsOn": ["start"], "config": {"seconds": 30}},
          {"id": "d", "type": "transform", "dependsOn": ["start"], "config": {"expression": "steps.start.output * 2"}},
          {"id": "join", "type": "parallel", "dependsOn": ["b", "c", "d"]}]}
        """, Map.of("n", 21));

    RunResult result = result(run);

    Map<String, StepStatus> steps = steps(run);
    assertThat(Instant.parse(steps.get("b").startedAt())).isEqualTo(Instant.parse(steps.get("c").startedAt()));
    Duration total = Duration.between(Instant.parse(steps.get("start").startedAt()), Instant.parse(steps.get("join").endedAt()));
    assertThat(total).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(59));
    assertThat(result.outputs().get("join")).isEqualTo(Map.of(
        "b", Map.of("delayedMs", 30000), "c", Map.of("delayedMs", 30000), "d", 42));
  }

  @Test
  void runs_with_parallel_branches_a_failure_and_cancelled_siblings_replay_deterministically(
      WorkflowClient client, Worker worker) throws Exception {
    String down = path();
    upstream.answer(down, 500, "{}");
    DslWorkflow run = start(client, worker, """
        {"name": "replay", "steps": [
          {"id": "a", "type": "transform", "config": {"expression": "1"}},
          {"id": "slow1", "type": "delay", "dependsOn": ["a"], "config": {"seconds": 60}},
          {"id": "slow2", "type": "wait_for_signal", "dependsOn": ["a"], "config": {"signal": "go"}},
          {"id": "check", "type": "condition", "dependsOn": ["a"], "config": {"expression": "steps.a.output = 1"}},
          {"id": "fails", "type": "http_request", "dependsOn": ["check"], "config": {"url": "%s"},
           "retry": {"maxAttempts": 2, "initialIntervalMs": 10}},
          {"id": "never", "type": "transform", "dependsOn": ["slow1", "fails"], "config": {"expression": "2"}}]}
        """.formatted(upstream.url(down)), Map.of());

    assertThatThrownBy(() -> result(run)).isInstanceOf(WorkflowFailedException.class);
    Map<String, StepStatus> steps = steps(run);
    assertThat(steps.get("slow1").error()).isEqualTo("cancelled: the run failed");
    assertThat(steps.get("slow2").error()).isEqualTo("cancelled: the run failed");
    assertThat(steps.get("never").status()).isEqualTo(StepState.SKIPPED);

    String id = WorkflowStub.fromTyped(run).getExecution().getWorkflowId();
    io.temporal.testing.WorkflowReplayer.replayWorkflowExecution(client.fetchHistory(id), DslWorkflowImpl.class);
  }

  @Test
  void no_more_than_ten_steps_run_at_once(WorkflowClient client, Worker worker) {
    String stepsJson = IntStream.range(0, 12)
        .mapToObj(i -> "{\"id\": \"s" + i + "\", \"type\": \"delay\", \"config\": {\"seconds\": 10}}")
        .collect(Collectors.joining(","));
    DslWorkflow run = start(client, worker, "{\"name\": \"wide\", \"steps\": [" + stepsJson + "]}", Map.of());

    result(run);

    Map<String, StepStatus> steps = steps(run);
    Instant first = Instant.parse(steps.get("s0").startedAt());
    assertThat(Instant.parse(steps.get("s9").startedAt())).isEqualTo(first);
    assertThat(Instant.parse(steps.get("s10").startedAt())).isAfterOrEqualTo(first.plusSeconds(10));
  }

  @Test
  void a_false_condition_skips_its_branch_and_everything_after_it(WorkflowClient client, Worker worker) {
    DslWorkflow run = start(client, worker, """
        {"name": "branch", "steps": [
          {"id": "total", "type": "transform", "config": {"expression": "$sum(input.items.price)"}},
          {"id": "isBig", "type": "condition", "dependsOn": ["total"],
           "config": {"expression": "steps.total.output > 100", "onFalse": ["small"]}},
          {"id": "big", "type": "transform", "dependsOn": ["isBig"], "config": {"expression": "'big'"}},
          {"id": "afterBig", "type": "transform", "dependsOn": ["big"], "config": {"expression": "'after'"}},
          {"id": "small", "type": "transform", "dependsOn": ["isBig"], "config": {"mapping": {"size": "'small'", "total": "steps.total.output"}}},
          {"id": "join", "type": "parallel", "dependsOn": ["afterBig", "small"]}]}
        """, Map.of("items", java.util.List.of(Map.of("price", 2), Map.of("price", 3))));

    RunResult result = result(run);

    Map<String, StepStatus> steps = steps(run);
    assertThat(steps.get("isBig").output()).isEqualTo(Map.of("result", false));
    assertThat(steps.get("big").status()).isEqualTo(StepState.SKIPPED);
    assertThat(steps.get("afterBig").status()).isEqualTo(StepState.SKIPPED);
    assertThat(steps.get("small").status()).isEqualTo(StepState.SUCCESS);
    assertThat(result.outputs()).containsEntry("small", Map.of("size", "small", "total", 5)).doesNotContainKey("big");
    assertThat(result.outputs().get("join")).isEqualTo(Map.of("small", Map.of("size", "small", "total", 5)));
  }

  @Test
  void a_failing_call_is_retried_with_the_steps_retry_and_then_succeeds(WorkflowClient client, Worker worker) {
    String flaky = path();
    upstream.answer(flaky, 503, "{\"busy\":true}").answer(flaky, 503, "{\"busy\":true}").answer(flaky, 200, "{\"id\":7}");
    DslWorkflow run = start(client, worker, """
        {"name": "retry", "steps": [{"id": "call", "type": "http_request",
          "config": {"url": "%s"}, "retry": {"maxAttempts": 3, "initialIntervalMs": 10}}]}
        """.formatted(upstream.url(flaky)), Map.of());

    RunResult result = result(run);

    assertThat(upstream.received(flaky)).hasSize(3);
    StepStatus call = steps(run).get("call");
    assertThat(call.attempts()).isEqualTo(3);
    assertThat(call.status()).isEqualTo(StepState.SUCCESS);
    assertThat(result.outputs().get("call")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("status", 200).containsEntry("body", Map.of("id", 7));
  }

  @Test
  void when_retries_run_out_the_step_and_the_run_fail_and_later_steps_are_skipped(WorkflowClient client, Worker worker) {
    String down = path();
    upstream.answer(down, 503, "{\"busy\":true}");
    DslWorkflow run = start(client, worker, """
        {"name": "retry", "steps": [
          {"id": "call", "type": "http_request", "config": {"url": "%s"}, "retry": {"maxAttempts": 2, "initialIntervalMs": 10}},
          {"id": "next", "type": "transform", "dependsOn": ["call"], "config": {"expression": "1"}}]}
        """.formatted(upstream.url(down)), Map.of());

    assertThatThrownBy(() -> result(run)).isInstanceOfSatisfying(WorkflowFailedException.class, e ->
        assertThat(((ApplicationFailure) e.getCause()).getType()).isEqualTo(DslWorkflowImpl.STEP_FAILED));

    RunStatus status = run.status();
    assertThat(status.status()).isEqualTo(RunState.FAILED);
    assertThat(status.error()).contains("step 'call' failed").contains("answered 503");
    assertThat(steps(run).get("call").attempts()).isEqualTo(2);
    assertThat(steps(run).get("next").status()).isEqualTo(StepState.SKIPPED);
    assertThat(upstream.received(down)).hasSize(2);
  }

  @Test
  void a_client_error_is_not_retried(WorkflowClient client, Worker worker) {
    String missing = path();
    upstream.answer(missing, 404, "{\"error\":\"nope\"}");
    DslWorkflow run = start(client, worker, """
        {"name": "no-retry", "steps": [{"id": "missing", "type": "http_request", "config": {"url": "%s"}}]}
        """.formatted(upstream.url(missing)), Map.of());

    assertThatThrownBy(() -> result(run)).isInstanceOf(WorkflowFailedException.class);

    StepStatus step = steps(run).get("missing");
    assertThat(step.attempts()).isEqualTo(1);
    assertThat(step.error()).contains("answered 404").contains("nope");
    assertThat(upstream.received(missing)).hasSize(1);
  }

  @Test
  void cloud_metadata_is_refused_by_the_ssrf_guard_without_retries(WorkflowClient client, Worker worker) {
    DslWorkflow run = start(client, worker, """
        {"name": "ssrf", "steps": [{"id": "metadata", "type": "http_request",
          "config": {"url": "http://169.254.169.254/latest/meta-data"}, "retry": {"maxAttempts": 5, "initialIntervalMs": 10}}]}
        """, Map.of());

    assertThatThrownBy(() -> result(run)).isInstanceOf(WorkflowFailedException.class);

    StepStatus step = steps(run).get("metadata");
    assertThat(step.attempts()).isEqualTo(1);
    assertThat(step.error()).contains("169.254.169.254").contains("never allowed");
  }

  /** Regression: cancelling a sibling whose activity had just failed too stalled the run for good. */
  @org.junit.jupiter.api.RepeatedTest(5)
  void two_parallel_steps_failing_at_once_end_the_run(WorkflowClient client, Worker worker) {
    String missing = path();
    upstream.answer(missing, 404, "{}");
    DslWorkflow run = start(client, worker, """
        {"name": "both-fail", "steps": [
          {"id": "missing", "type": "http_request", "config": {"url": "%s"}},
          {"id": "metadata", "type": "http_request", "config": {"url": "http://169.254.169.254/latest/meta-data"}}]}
        """.formatted(upstream.url(missing)), Map.of());

    assertThatThrownBy(() -> result(run)).isInstanceOf(WorkflowFailedException.class);
    assertThat(run.status().status()).isEqualTo(RunState.FAILED);
  }

  @Test
  void a_wait_for_signal_that_times_out_fails_the_run_with_the_reason(WorkflowClient client, Worker worker) {
    DslWorkflow run = start(client, worker, """
        {"name": "approval", "steps": [
          {"id": "approve", "type": "wait_for_signal", "config": {"signal": "approval", "timeoutSeconds": 3600}}]}
        """, Map.of());

    assertThatThrownBy(() -> result(run)).isInstanceOf(WorkflowFailedException.class);

    StepStatus approve = steps(run).get("approve");
    assertThat(approve.status()).isEqualTo(StepState.FAILED);
    assertThat(approve.error()).isEqualTo("timed out: no 'approval' signal within 3600 s");
    assertThat(run.status().status()).isEqualTo(RunState.FAILED);
  }

  @Test
  void a_rejection_fails_the_approval_step_even_when_sent_before_the_step_starts(WorkflowClient client, Worker worker) {
    DslWorkflow run = start(client, worker, """
        {"name": "approval", "steps": [
          {"id": "wait", "type": "delay", "config": {"seconds": 5}},
          {"id": "approve", "type": "wait_for_signal", "dependsOn": ["wait"], "config": {"signal": "approval"}},
          {"id": "ship", "type": "transform", "dependsOn": ["approve"], "config": {"expression": "'shipped'"}}]}
        """, Map.of());
    run.signal("approval", Map.of("decision", "reject", "reason", "too risky"));

    assertThatThrownBy(() -> result(run)).isInstanceOf(WorkflowFailedException.class);

    Map<String, StepStatus> steps = steps(run);
    assertThat(steps.get("approve").error()).isEqualTo("rejected by signal 'approval': too risky");
    assertThat(steps.get("ship").status()).isEqualTo(StepState.SKIPPED);
  }

  @Test
  void cancelling_a_run_marks_it_cancelled(WorkflowClient client, Worker worker) {
    DslWorkflow run = start(client, worker, """
        {"name": "approval", "steps": [
          {"id": "approve", "type": "wait_for_signal", "config": {"signal": "approval"}},
          {"id": "after", "type": "transform", "dependsOn": ["approve"], "config": {"expression": "1"}}]}
        """, Map.of());
    awaitStep(run, "approve", StepState.EXECUTING);

    WorkflowStub.fromTyped(run).cancel();

    assertThatThrownBy(() -> result(run)).isInstanceOfSatisfying(WorkflowFailedException.class,
        e -> assertThat(e.getCause()).isInstanceOf(CanceledFailure.class));
    RunStatus status = run.status();
    assertThat(status.status()).isEqualTo(RunState.CANCELLED);
    assertThat(steps(run).get("approve").error()).isEqualTo("cancelled with the run");
    assertThat(steps(run).get("after").status()).isEqualTo(StepState.SKIPPED);
  }

  @Test
  void a_sub_workflow_runs_as_a_child_and_its_outputs_feed_the_parent(WorkflowClient client, Worker worker) {
    DslWorkflow run = start(client, worker, """
        {"name": "parent", "steps": [
          {"id": "child", "type": "sub_workflow", "config": {"input": "{'n': input.n}",
            "definition": {"name": "double", "steps": [{"id": "twice", "type": "transform", "config": {"expression": "input.n * 2"}}]}}},
          {"id": "use", "type": "transform", "dependsOn": ["child"], "config": {"expression": "steps.child.output.twice + 1"}}]}
        """, Map.of("n", 20));

    RunResult result = result(run);

    assertThat(result.outputs().get("child")).isEqualTo(Map.of("twice", 40));
    assertThat(result.outputs().get("use")).isEqualTo(41);
  }

  @Test
  void notify_without_a_mail_server_fails_with_a_clear_reason(WorkflowClient client, Worker worker) {
    DslWorkflow run = start(client, worker, """
        {"name": "mail", "steps": [{"id": "tell", "type": "notify", "config": {"to": "ops@example.com", "subject": "hi"}}]}
        """, Map.of());

    assertThatThrownBy(() -> result(run)).isInstanceOf(WorkflowFailedException.class);

    StepStatus tell = steps(run).get("tell");
    assertThat(tell.error()).contains("not configured");
    assertThat(tell.attempts()).isEqualTo(1);
  }

  @Test
  void an_invalid_definition_fails_the_run_before_any_step(WorkflowClient client, Worker worker) {
    DslWorkflow run = start(client, worker, """
        {"name": "bad", "steps": [{"id": "a", "type": "teleport"}]}
        """, Map.of());

    assertThatThrownBy(() -> result(run)).isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
      ApplicationFailure cause = (ApplicationFailure) e.getCause();
      assertThat(cause.getType()).isEqualTo(DslWorkflowImpl.INVALID_DEFINITION);
      assertThat(cause.getOriginalMessage()).contains("a.type: unknown step type 'teleport'");
    });
  }
}
