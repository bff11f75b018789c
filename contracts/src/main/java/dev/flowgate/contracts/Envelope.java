package dev.flowgate.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The versioned wrapper around every Kafka and NATS message.
 *
 * @param eventId unique per event; consumers de-duplicate on it
 * @param eventType the payload's type, for example {@code api.call.recorded}
 * @param schemaVersion the payload's schema version for that type
 * @param occurredAt when the event happened at its source
 * @param tenantId the tenant the event belongs to, also the Kafka key; null for platform events
 * @param correlationId ties related events together (a request id, a workflow execution id)
 * @param source the emitting runtime, for example {@code gateway-runtime/host-1}
 * @param payload the event itself
 */
public record Envelope<T>(
    UUID eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    @Nullable UUID tenantId,
    @Nullable String correlationId,
    String source,
    T payload) {

  public Envelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(payload, "payload");
  }

  /** Wraps a payload that declares its own type and version. */
  public static <T extends Versioned> Envelope<T> of(
      T payload, @Nullable UUID tenantId, @Nullable String correlationId, String source, Instant now) {
    return new Envelope<>(
        UUID.randomUUID(), payload.eventType(), payload.schemaVersion(), now, tenantId, correlationId, source, payload);
  }
}
