package dev.flowgate.contracts.health;

import dev.flowgate.contracts.Versioned;
import java.time.Instant;

/**
 * Sent every 10 s on {@code health.heartbeats}; a runtime is considered down after 3 missed.
 *
 * @param runtime {@code gateway-runtime}, {@code workflow-worker}, {@code billing} or {@code portal}
 * @param status {@code UP}, {@code DEGRADED} or {@code DOWN}, as its own health check sees it
 */
public record RuntimeHeartbeat(String runtime, String instanceId, String version, String status, Instant sentAt)
    implements Versioned {

  public static final String TYPE = "runtime.heartbeat";
  public static final int VERSION = 1;

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public int schemaVersion() {
    return VERSION;
  }
}
