package dev.flowgate.contracts.calls;

import dev.flowgate.contracts.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One call through the gateway, published to {@code api.calls} once per call.
 *
 * <p>{@code requestId} identifies the call; billing meters on the envelope's event id, so a
 * replayed record never counts twice.
 */
public record ApiCallRecorded(
    String requestId,
    UUID tenantId,
    @Nullable UUID keyId,
    @Nullable UUID routeId,
    @Nullable UUID serviceId,
    String method,
    String path,
    int status,
    long latencyMs,
    long requestBytes,
    long responseBytes,
    @Nullable String clientIp,
    Instant timestamp)
    implements Versioned {

  public static final String TYPE = "api.call.recorded";
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
