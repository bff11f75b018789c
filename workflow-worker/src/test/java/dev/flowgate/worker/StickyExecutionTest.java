package dev.flowgate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StickyExecutionTest {

  private static WorkerProperties properties(boolean sticky) {
    return new WorkerProperties("nats://127.0.0.1:4222", "t", Duration.ofSeconds(10), Duration.ofSeconds(1), sticky);
  }

  private static Duration stickyTimeout(boolean sticky) {
    return new StickyExecution(properties(sticky)).customize(WorkerOptions.newBuilder(), "w", "q")
        .validateAndBuildWithDefaults().getStickyQueueScheduleToStartTimeout();
  }

  @Test
  void off_sets_a_zero_sticky_timeout_so_no_sticky_attributes_are_sent() {
    assertThat(stickyTimeout(false)).isEqualTo(Duration.ZERO);
  }

  @Test
  void on_leaves_the_sdk_default() {
    assertThat(stickyTimeout(true))
        .isEqualTo(WorkerOptions.newBuilder().validateAndBuildWithDefaults().getStickyQueueScheduleToStartTimeout())
        .isPositive();
  }
}
