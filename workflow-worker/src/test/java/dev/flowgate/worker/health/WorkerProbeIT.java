package dev.flowgate.worker.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.worker.TaskQueues;
import dev.flowgate.worker.WorkerIntegrationTest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Runs against the local Temporal dev server (127.0.0.1:7233). */
@WorkerIntegrationTest
class WorkerProbeIT {

  @LocalServerPort int port;
  @Autowired WorkflowClient client;
  @Autowired WorkerFactory workers;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void the_probe_workflow_runs_to_completion_through_the_task_queue() {
    String nonce = UUID.randomUUID().toString();
    WorkerProbeWorkflow probe =
        client.newWorkflowStub(
            WorkerProbeWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .setWorkflowId("worker-probe-it-" + nonce)
                .setWorkflowExecutionTimeout(Duration.ofSeconds(30))
                .build());

    ProbeResult result = probe.probe(nonce);

    assertThat(result.nonce()).isEqualTo(nonce);
    assertThat(result.workflowId()).isEqualTo("worker-probe-it-" + nonce);
    assertThat(result.activityWorker()).startsWith("workflow-worker/");
  }

  @Test
  void readiness_is_up_with_temporal_reachable() throws Exception {
    HttpResponse<String> readiness = get("/actuator/health/readiness");

    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    JsonNode json = EventCodec.mapper().readTree(readiness.body());
    assertThat(json.get("status").asString()).isEqualTo("UP");
    assertThat(json.at("/components/temporal/status").asString()).isEqualTo("UP");
    assertThat(json.at("/components/temporal/details/taskQueue").asString()).isEqualTo(TaskQueues.WORKFLOWS);
  }

  @Test
  void liveness_and_metrics_are_served() throws Exception {
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void the_worker_runs_without_sticky_execution_by_default() {
    // zero: the SDK sends no sticky attributes, so a restarted worker can take over runs (see StickyExecution)
    assertThat(workers.getWorker(TaskQueues.WORKFLOWS).getWorkerOptions().getStickyQueueScheduleToStartTimeout())
        .isEqualTo(Duration.ZERO);
  }
}
