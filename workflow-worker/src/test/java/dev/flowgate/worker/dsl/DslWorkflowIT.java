package dev.flowgate.worker.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.worker.TaskQueues;
import dev.flowgate.worker.WorkerIntegrationTest;
import dev.flowgate.worker.steps.TestUpstream;
import dev.flowgate.worker.steps.WebhookSigner;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The interpreter through the real worker on the local Temporal dev server (127.0.0.1:7233). */
@WorkerIntegrationTest
class DslWorkflowIT {

  static TestUpstream upstream;

  @Autowired WorkflowClient client;

  @BeforeAll
  static void startUpstream() throws Exception {
    upstream = new TestUpstream();
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  @Test
  void a_three_step_workflow_runs_to_completion_through_the_real_worker() {
    String tenant = UUID.randomUUID().toString();
    String executionId = "dsl-it-" + UUID.randomUUID();
    upstream.answer("/customers/42", 200, "{\"id\":42,\"name\":\"Ada\",\"plan\":\"pro\"}");
    WorkflowDefinition definition = DefinitionParser.parse("""
        {"name": "three-steps", "steps": [
          {"id": "fetch", "type": "http_request", "config": {"url": "%s"}},
          {"id": "shape", "type": "transform", "dependsOn": ["fetch"],
           "config": {"mapping": {"customer": "steps.fetch.output.body.name", "upgrade": "steps.fetch.output.body.plan = 'pro'"}}},
          {"id": "tell", "type": "webhook", "dependsOn": ["shape"], "config": {"url": "%s", "body": "steps.shape.output"}}]}
        """.formatted(upstream.url("/customers/42"), upstream.url("/hooks/done")));
    DslWorkflow run = client.newWorkflowStub(DslWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.WORKFLOWS)
        .setWorkflowId(executionId)
        .setWorkflowExecutionTimeout(Duration.ofSeconds(60))
        .build());

    RunResult result = run.run(new RunRequest(tenant, UUID.randomUUID().toString(), 1, definition, Map.of(), "manual"));

    assertThat(result.status()).isEqualTo(RunState.COMPLETED);
    assertThat(result.outputs().get("shape")).isEqualTo(Map.of("customer", "Ada", "upgrade", true));
    TestUpstream.Received hook = upstream.received("/hooks/done").getFirst();
    assertThat(hook.body()).isEqualTo("{\"customer\":\"Ada\",\"upgrade\":true}");
    String signature = hook.header("Flowgate-Signature");
    long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
    assertThat(signature).isEqualTo(
        WebhookSigner.signature(WebhookSigner.tenantSecret("it-signing-secret", tenant), t, hook.body()));
    RunStatus status = run.status();
    assertThat(status.status()).isEqualTo(RunState.COMPLETED);
    assertThat(status.steps()).extracting(StepStatus::status).containsOnly(StepState.SUCCESS);
  }
}
