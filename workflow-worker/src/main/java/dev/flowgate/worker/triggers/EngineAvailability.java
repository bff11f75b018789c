package dev.flowgate.worker.triggers;

import dev.flowgate.worker.health.TemporalHealthIndicator;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.springframework.stereotype.Component;

/**
 * Whether the workflow engine (Temporal) can start runs now. A trigger whose start failed because
 * the engine is away waits for it instead of using up its deliveries; once one has, every trigger
 * first asks the engine's health (a short RPC) until it answers again, so none blocks for the
 * client's whole retry window.
 */
@Component
class EngineAvailability {

  private final TemporalHealthIndicator health;
  private volatile boolean away;

  EngineAvailability(TemporalHealthIndicator health) {
    this.health = health;
  }

  /** True unless the engine was found away and still does not answer. */
  boolean available() {
    if (!away) {
      return true;
    }
    away = !org.springframework.boot.health.contributor.Status.UP.equals(health.health().getStatus());
    return !away;
  }

  /**
   * Whether {@code failure} says the engine could not be reached (gRPC UNAVAILABLE or
   * DEADLINE_EXCEEDED anywhere in its causes); if so, remembers the engine as away.
   */
  boolean awayAfter(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException grpc && unreachable(grpc.getStatus().getCode())) {
        away = true;
        return true;
      }
    }
    return false;
  }

  static boolean unreachable(Status.Code code) {
    return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
  }
}
