package dev.flowgate.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.worker.steps.TestUpstream;
import dev.flowgate.worker.steps.WebhookSigner;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A run survives a worker process killed with SIGKILL in the middle of a step (issue 6): the worker
 * is a separate JVM, a new one takes the run over from its history on the local Temporal dev server
 * (FLOWGATE_TEMPORAL_TARGET, default 127.0.0.1:7233; own namespace), the step in flight is retried,
 * and the signed webhook that ran before the kill is not sent again.
 */
class WorkerKillIT {

  private static final String TARGET = System.getenv().getOrDefault("FLOWGATE_TEMPORAL_TARGET", "127.0.0.1:7233");

  @Test
  void a_run_completes_on_a_new_worker_process_after_kill_9_and_its_webhook_ran_exactly_once() throws Exception {
    String namespace = "kill-it-" + UUID.randomUUID();
    UUID tenant = UUID.randomUUID();
    String executionId = "kill-it-" + UUID.randomUUID();
    try (TestUpstream upstream = new TestUpstream()) {
      // the first call of /slow is held until long after the kill; the retry is answered at once
      upstream.answerAfter("/slow", 30_000, 200, "{\"slow\":1}").answer("/slow", 200, "{\"slow\":2}");
      String definition = """
          {"name": "kill", "steps": [
            {"id": "charge", "type": "webhook", "config": {"url": "%s", "body": "{'amount': input.amount}"}},
            {"id": "slow", "type": "http_request", "dependsOn": ["charge"],
             "config": {"url": "%s", "timeoutMs": 2000}, "retry": {"maxAttempts": 3, "initialIntervalMs": 200}},
            {"id": "done", "type": "webhook", "dependsOn": ["slow"], "config": {"url": "%s", "body": "steps.slow.output.body"}}]}
          """.formatted(upstream.url("/charge"), upstream.url("/slow"), upstream.url("/done"));

      try (WorkerProcess first = WorkerProcess.start("kill-first", TARGET, namespace, Map.of())) {
        first.awaitReady(Duration.ofSeconds(90));
        assertThat(first.call("POST", "/internal/v1/workflow-runs", """
            {"tenantId": "%s", "workflowId": "wf-kill", "version": 1, "definition": %s, "input": {"amount": 42},
             "executionId": "%s", "triggerType": "manual"}""".formatted(tenant, definition, executionId)).statusCode())
            .isEqualTo(202);
        // the charge webhook went out and the slow step is in flight on this worker
        await().atMost(Duration.ofSeconds(20)).until(() -> upstream.received("/slow").size() == 1);
        first.kill();
      }
      assertThat(upstream.received("/charge")).hasSize(1);

      try (WorkerProcess second = WorkerProcess.start("kill-second", TARGET, namespace, Map.of())) {
        second.awaitReady(Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
            .until(() -> second.run(tenant, executionId).path("status").asString().equals("COMPLETED"));
        JsonNode run = second.run(tenant, executionId);

        assertThat(upstream.received("/charge")).as("the charge webhook ran once, before the kill").hasSize(1);
        assertThat(upstream.received("/done")).as("the last webhook ran once, on the new worker").hasSize(1);
        assertThat(upstream.received("/slow")).as("the step in flight was retried").hasSize(2);
        assertThat(upstream.received("/done").getFirst().body()).isEqualTo("{\"slow\":2}");
        TestUpstream.Received charge = upstream.received("/charge").getFirst();
        String signature = charge.header("Flowgate-Signature");
        long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
        assertThat(signature).isEqualTo(WebhookSigner.signature(
            WebhookSigner.tenantSecret(WorkerProcess.SIGNING_SECRET, tenant.toString()), t, "{\"amount\":42}"));
        assertThat(run.path("steps")).extracting(s -> s.path("id").asString() + ":" + s.path("status").asString()
            + ":" + s.path("attempts").asInt())
            .containsExactly("charge:SUCCESS:1", "slow:SUCCESS:2", "done:SUCCESS:1");
      }
    }
  }
}
