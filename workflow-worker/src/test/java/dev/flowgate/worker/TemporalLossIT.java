package dev.flowgate.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PRODUCT.md: the local Temporal dev server keeps runs in memory; after it restarts, the worker
 * reconciles the run index at start-up, marks runs Temporal no longer knows FAILED with the reason,
 * and starts those of an idempotent definition again. The dev server here is one of the test's own
 * (the same Java test server the local stack runs, on a port of its own), so it can be restarted.
 */
class TemporalLossIT {

  private static final String WAITING = """
      {"name": "%s", %s "steps": [
        {"id": "greet", "type": "transform", "config": {"expression": "'hello ' & input.name"}},
        {"id": "approve", "type": "wait_for_signal", "dependsOn": ["greet"], "config": {"signal": "approval"}},
        {"id": "done", "type": "transform", "dependsOn": ["approve"], "config": {"expression": "steps.greet.output"}}]}
      """;

  @Test
  void after_a_dev_server_restart_the_worker_fails_lost_runs_with_the_reason_and_restarts_idempotent_ones()
      throws Exception {
    UUID tenant = UUID.randomUUID();
    String lost = "loss-it-plain-" + UUID.randomUUID();
    String restarted = "loss-it-idem-" + UUID.randomUUID();
    Map<String, String> reconcileAtStart = Map.of(
        "flowgate.worker.reconcile-initial-delay", "0s", "flowgate.worker.reconcile-quiet", "0s");
    DevServer temporal = DevServer.start(0);
    int port = temporal.port();
    try (WorkerProcess first = WorkerProcess.start("loss-first", "127.0.0.1:" + port, "default", Map.of())) {
      first.awaitReady(Duration.ofSeconds(90));
      start(first, tenant, lost, WAITING.formatted("plain", ""));
      start(first, tenant, restarted, WAITING.formatted("idempotent", "\"idempotent\": true,"));
      await().atMost(Duration.ofSeconds(20)).until(() ->
          first.run(tenant, lost).path("currentStep").asString().equals("approve")
              && first.run(tenant, restarted).path("currentStep").asString().equals("approve"));
      first.kill();
    } finally {
      temporal.close();
    }

    temporal = DevServer.start(port);
    try (WorkerProcess second = WorkerProcess.start("loss-second", "127.0.0.1:" + port, "default", reconcileAtStart)) {
      second.awaitReady(Duration.ofSeconds(90));
      await().atMost(Duration.ofSeconds(20)).until(() -> second.run(tenant, lost).path("status").asString().equals("FAILED"));
      JsonNode failed = second.run(tenant, lost);
      assertThat(failed.path("error").asString()).contains("no longer knows this run");
      assertThat(failed.path("steps")).extracting(s -> s.path("id").asString() + ":" + s.path("status").asString())
          .containsExactly("greet:SUCCESS", "approve:FAILED", "done:SKIPPED");

      await().atMost(Duration.ofSeconds(20)).until(() ->
          second.run(tenant, restarted).path("currentStep").asString().equals("approve"));
      assertThat(second.call("POST", "/internal/v1/tenants/" + tenant + "/workflow-runs/" + restarted + "/signals/approval",
          "{\"decision\": \"approve\"}").statusCode()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(20)).until(() ->
          second.run(tenant, restarted).path("status").asString().equals("COMPLETED"));
      JsonNode done = second.run(tenant, restarted);
      assertThat(done.path("steps").get(2).path("output").asString()).isEqualTo("hello Ada");
      assertThat(second.call("POST", "/internal/v1/tenants/" + tenant + "/workflow-runs/" + lost + "/signals/approval",
          "{}").statusCode()).as("the lost run takes no signal").isEqualTo(409);
    } finally {
      temporal.close();
    }
  }

  private static void start(WorkerProcess worker, UUID tenant, String executionId, String definition) throws Exception {
    assertThat(worker.call("POST", "/internal/v1/workflow-runs", """
        {"tenantId": "%s", "workflowId": "wf-loss", "version": 1, "definition": %s, "input": {"name": "Ada"},
         "executionId": "%s", "triggerType": "api_route"}""".formatted(tenant, definition, executionId)).statusCode())
        .isEqualTo(202);
  }

  /** The Java Temporal test server on 127.0.0.1, as deploy/local's TemporalDevServer runs it: in memory. */
  private record DevServer(TestServicesStarter services, Server server) {

    static DevServer start(int port) throws IOException {
      TestServicesStarter services = new TestServicesStarter(true, 0);
      NettyServerBuilder builder = NettyServerBuilder.forAddress(
          new InetSocketAddress("127.0.0.1", port), InsecureServerCredentials.create());
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      return new DevServer(services, builder.build().start());
    }

    int port() {
      return ((InetSocketAddress) server.getListenSockets().getFirst()).getPort();
    }

    void close() throws InterruptedException {
      server.shutdownNow();
      server.awaitTermination(5, TimeUnit.SECONDS);
      services.close();
    }
  }
}
