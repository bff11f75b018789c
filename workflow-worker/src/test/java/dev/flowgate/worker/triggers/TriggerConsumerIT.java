package dev.flowgate.worker.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.workflow.WorkflowSignalled;
import dev.flowgate.contracts.workflow.WorkflowTriggered;
import dev.flowgate.worker.WorkerIntegrationTest;
import dev.flowgate.worker.dsl.RunState;
import dev.flowgate.worker.nats.NatsConnector;
import dev.flowgate.worker.runs.RunIndex;
import dev.flowgate.worker.runs.RunView;
import dev.flowgate.worker.steps.TestUpstream;
import io.nats.client.Connection;
import io.nats.client.PublishOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Triggers and signals over the real NATS JetStream, with the portal played by a local server. */
@WorkerIntegrationTest
class TriggerConsumerIT {

  static final TestUpstream portal = start();

  @Autowired NatsConnector nats;
  @Autowired RunIndex index;
  @Autowired TriggersProperties triggers;

  private static TestUpstream start() {
    try {
      return new TestUpstream();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void portalUrl(DynamicPropertyRegistry registry) {
    registry.add("flowgate.worker.portal-url", () -> portal.url(""));
  }

  @AfterAll
  static void stop() {
    portal.close();
  }

  private void publish(String subject, Object payload, UUID tenant) throws Exception {
    Connection connection = nats.connection().orElseThrow();
    Envelope<?> envelope = Envelope.of((dev.flowgate.contracts.Versioned) payload, tenant, null, "trigger-it", Instant.now());
    connection.jetStream().publish(subject, EventCodec.toBytes(envelope),
        PublishOptions.builder().messageId(UUID.randomUUID().toString()).build());
  }

  @Test
  void a_trigger_delivered_twice_starts_one_run_and_a_signal_over_nats_completes_it() throws Exception {
    String durablePrefix = triggers.durablePrefix();
    Connection connection = await().atMost(Duration.ofSeconds(10)).until(() -> nats.connection().orElse(null), c -> c != null);
    await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() ->
        connection.jetStreamManagement().getConsumerInfo(Subjects.WORKFLOW_STREAM, durablePrefix + "-triggers") != null
            && connection.jetStreamManagement().getConsumerInfo(Subjects.WORKFLOW_STREAM, durablePrefix + "-signals") != null);
    UUID tenant = UUID.randomUUID();
    UUID workflow = UUID.randomUUID();
    portal.answer("/internal/v1/tenants/" + tenant + "/workflows/" + workflow + "/versions/2", 200, """
        {"workflowId": "%s", "version": 2, "definition": {"name": "nats", "steps": [
          {"id": "greet", "type": "transform", "config": {"expression": "'hello ' & input.name"}},
          {"id": "approve", "type": "wait_for_signal", "dependsOn": ["greet"], "config": {"signal": "approval"}}]}}
        """.formatted(workflow));
    String executionId = "trigger-it-" + UUID.randomUUID();
    WorkflowTriggered trigger = new WorkflowTriggered(executionId, tenant, workflow, 2, null, "api_route",
        EventCodec.mapper().valueToTree(Map.of("name", "Ada")), "req-1");

    publish(Subjects.workflowTriggers(tenant), trigger, tenant);
    publish(Subjects.workflowTriggers(tenant), trigger, tenant);

    await().atMost(Duration.ofSeconds(20)).until(() ->
        index.find(tenant, executionId).map(RunView::currentStep).orElse("").equals("approve"));
    RunView waiting = index.find(tenant, executionId).orElseThrow();
    assertThat(waiting.triggerType()).isEqualTo("api_route");
    assertThat(waiting.steps().getFirst().output()).isEqualTo("hello Ada");

    publish(Subjects.workflowSignals(tenant),
        new WorkflowSignalled(executionId, tenant, "approval", EventCodec.mapper().valueToTree(Map.of("decision", "approve")), null),
        tenant);

    await().atMost(Duration.ofSeconds(20)).until(() ->
        index.find(tenant, executionId).map(RunView::status).orElse(null) == RunState.COMPLETED);
    assertThat(index.list(tenant, workflow.toString(), dev.flowgate.worker.runs.RunFilter.ANY, 0, 10).total()).isEqualTo(1);
    assertThat(portal.received("/internal/v1/tenants/" + tenant + "/workflows/" + workflow + "/versions/2"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer test-internal-token"));
  }

  @Test
  void a_trigger_naming_no_version_as_the_gateway_sends_it_runs_the_current_version() throws Exception {
    String durablePrefix = triggers.durablePrefix();
    Connection connection = await().atMost(Duration.ofSeconds(10)).until(() -> nats.connection().orElse(null), c -> c != null);
    await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() ->
        connection.jetStreamManagement().getConsumerInfo(Subjects.WORKFLOW_STREAM, durablePrefix + "-triggers") != null);
    UUID tenant = UUID.randomUUID();
    UUID workflow = UUID.randomUUID();
    portal.answer("/internal/v1/tenants/" + tenant + "/workflows/" + workflow + "/versions/current", 200, """
        {"workflowId": "%s", "version": 7, "definition": {"name": "current", "steps": [
          {"id": "echo", "type": "transform", "config": {"expression": "input.path"}}]}}
        """.formatted(workflow));
    String executionId = "trigger-it-current-" + UUID.randomUUID();

    publish(Subjects.workflowTriggers(tenant), new WorkflowTriggered(executionId, tenant, workflow, null, null, "api_route",
        EventCodec.mapper().valueToTree(Map.of("path", "/orders")), "req-2"), tenant);

    await().atMost(Duration.ofSeconds(20)).until(() ->
        index.find(tenant, executionId).map(RunView::status).orElse(null) == RunState.COMPLETED);
    RunView run = index.find(tenant, executionId).orElseThrow();
    assertThat(run.version()).isEqualTo(7);
    assertThat(run.steps().getFirst().output()).isEqualTo("/orders");
  }

  @Test
  void a_signal_over_nats_carries_its_role_in_the_payload_and_a_role_not_allowed_is_refused() throws Exception {
    Connection connection = await().atMost(Duration.ofSeconds(10)).until(() -> nats.connection().orElse(null), c -> c != null);
    await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() ->
        connection.jetStreamManagement().getConsumerInfo(Subjects.WORKFLOW_STREAM, triggers.durablePrefix() + "-signals") != null);
    UUID tenant = UUID.randomUUID();
    UUID workflow = UUID.randomUUID();
    portal.answer("/internal/v1/tenants/" + tenant + "/workflows/" + workflow + "/versions/1", 200, """
        {"workflowId": "%s", "version": 1, "definition": {"name": "owners", "steps": [
          {"id": "approve", "type": "wait_for_signal", "config": {"signal": "approval", "approverRoles": ["owner"]}}]}}
        """.formatted(workflow));
    String executionId = "trigger-it-roles-" + UUID.randomUUID();
    publish(Subjects.workflowTriggers(tenant), new WorkflowTriggered(executionId, tenant, workflow, 1, null, "manual",
        EventCodec.mapper().valueToTree(Map.of()), null), tenant);
    await().atMost(Duration.ofSeconds(20)).until(() ->
        index.find(tenant, executionId).map(RunView::currentStep).orElse("").equals("approve"));
    UUID developer = UUID.randomUUID();
    UUID owner = UUID.randomUUID();

    publish(Subjects.workflowSignals(tenant), new WorkflowSignalled(executionId, tenant, "approval",
        EventCodec.mapper().valueToTree(Map.of("decision", "approve", "actor", Map.of("role", "developer"))), developer), tenant);
    await().atMost(Duration.ofSeconds(20)).until(() ->
        index.find(tenant, executionId).map(r -> r.refusedSignals().size()).orElse(0) == 1);
    assertThat(index.find(tenant, executionId).orElseThrow().refusedSignals().getFirst())
        .satisfies(r -> {
          assertThat(r.actorId()).isEqualTo(developer.toString());
          assertThat(r.role()).isEqualTo("developer");
        });
    assertThat(index.find(tenant, executionId).orElseThrow().status()).isEqualTo(RunState.RUNNING);

    publish(Subjects.workflowSignals(tenant), new WorkflowSignalled(executionId, tenant, "approval",
        EventCodec.mapper().valueToTree(Map.of("decision", "approve", "actor", Map.of("role", "owner"))), owner), tenant);
    await().atMost(Duration.ofSeconds(20)).until(() ->
        index.find(tenant, executionId).map(RunView::status).orElse(null) == RunState.COMPLETED);
  }
}
