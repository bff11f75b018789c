package dev.flowgate.worker.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.flowgate.worker.WorkerProperties;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class TemporalHealthIndicatorTest {

  @Test
  void an_unreachable_temporal_is_down_within_the_timeout() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + closedPort).build());
    WorkerFactory workers = mock(WorkerFactory.class);
    when(workers.isStarted()).thenReturn(true);
    var properties = new WorkerProperties("nats://127.0.0.1:4222", "t", Duration.ofSeconds(10), Duration.ofSeconds(1), false);
    try {
      long started = System.nanoTime();
      Health health = new TemporalHealthIndicator(stubs, workers, properties).health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("target", "127.0.0.1:" + closedPort).containsKey("error");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    } finally {
      stubs.shutdownNow();
    }
  }
}
