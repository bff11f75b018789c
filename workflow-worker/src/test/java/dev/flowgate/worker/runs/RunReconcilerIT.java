package dev.flowgate.worker.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.worker.WorkerIntegrationTest;
import dev.flowgate.worker.dsl.DefinitionParser;
import dev.flowgate.worker.dsl.RunState;
import dev.flowgate.worker.dsl.StepState;
import dev.flowgate.worker.dsl.StepStatus;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Against the local Temporal dev server and PostgreSQL. */
@WorkerIntegrationTest
class RunReconcilerIT {

  @Autowired RunReconciler reconciler;
  @Autowired RunIndex index;
  @Autowired RunStarter starter;
  @Autowired JdbcClient jdbc;

  @Test
  void runs_temporal_no_longer_knows_are_marked_failed_and_live_runs_are_kept() {
    UUID tenant = UUID.randomUUID();
    String lost = "lost-" + UUID.randomUUID();
    index.register(lost, tenant, "wf", 1, "manual", null, null);
    index.record(new RunSnapshot(lost, tenant.toString(), "wf", 1, "manual", 1,
        new dev.flowgate.worker.dsl.RunStatus(RunState.RUNNING, "wait", 0, java.util.List.of(
            new StepStatus("wait", StepState.EXECUTING, 1, "2026-01-01T00:00:00Z", null, null, null)), null)));
    String live = starter.start(tenant, "wf", 1, DefinitionParser.parse("""
        {"name": "live", "steps": [{"id": "wait", "type": "wait_for_signal", "config": {"signal": "go"}}]}
        """), Map.of(), null, "manual");
    jdbc.sql("update workflows.workflow_runs set last_update = now() - interval '1 hour' where execution_id in (:a, :b)")
        .param("a", lost).param("b", live).update();

    reconciler.reconcile(Duration.ofMinutes(1));

    RunView gone = index.find(tenant, lost).orElseThrow();
    assertThat(gone.status()).isEqualTo(RunState.FAILED);
    assertThat(gone.error()).contains("no longer knows");
    assertThat(gone.steps().getFirst().status()).isEqualTo(StepState.FAILED);
    assertThat(jdbc.sql("select transitions from workflows.workflow_runs where execution_id = :id").param("id", lost)
        .query(Long.class).single()).as("PENDING, RUNNING, QUEUED, EXECUTING, then FAILED step and run").isEqualTo(6);
    assertThat(index.find(tenant, live).orElseThrow().status()).isNotEqualTo(RunState.FAILED);
    starter.cancel(tenant, live);
  }

  @Test
  void a_run_its_waiting_trigger_starts_while_the_reconciler_looks_is_not_marked_lost() throws Exception {
    UUID tenant = UUID.randomUUID();
    String late = "late-" + UUID.randomUUID();
    // registered while Temporal was away, long enough ago to be quiet; its trigger starts it once Temporal is back
    index.register(late, tenant, "wf", 1, "api_route", Map.of(), null);
    jdbc.sql("update workflows.workflow_runs set last_update = now() - interval '1 hour' where execution_id = :id")
        .param("id", late).update();

    CompletableFuture<Integer> pass = CompletableFuture.supplyAsync(() -> reconciler.reconcile(Duration.ofMinutes(1)));
    Thread.sleep(1_000);
    starter.start(tenant, "wf", 1, DefinitionParser.parse("""
        {"name": "late", "steps": [{"id": "wait", "type": "wait_for_signal", "config": {"signal": "go"}}]}
        """), Map.of(), late, "api_route");
    pass.get(30, TimeUnit.SECONDS);

    assertThat(index.find(tenant, late).orElseThrow().status()).isNotEqualTo(RunState.FAILED);
    starter.cancel(tenant, late);
  }
}
