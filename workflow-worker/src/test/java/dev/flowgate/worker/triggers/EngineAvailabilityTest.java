package dev.flowgate.worker.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class EngineAvailabilityTest {

  private final EngineAvailability engine = new EngineAvailability(null);

  @Test
  void an_unreachable_engine_under_any_wrapper_makes_triggers_wait() {
    assertThat(engine.awayAfter(new RuntimeException("start failed", new StatusRuntimeException(Status.UNAVAILABLE)))).isTrue();
    assertThat(engine.awayAfter(new StatusRuntimeException(Status.DEADLINE_EXCEEDED))).isTrue();
  }

  @Test
  void other_failures_are_not_waited_for() {
    assertThat(engine.awayAfter(new StatusRuntimeException(Status.INVALID_ARGUMENT))).isFalse();
    assertThat(engine.awayAfter(new IllegalStateException("bad definition"))).isFalse();
    assertThat(engine.available()).as("nothing said the engine was away").isTrue();
  }
}
