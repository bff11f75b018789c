package dev.flowgate.contracts.audit;

import dev.flowgate.contracts.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Who changed what, published to {@code audit.logs} for every change made through the portal.
 *
 * @param actorType {@code user}, {@code token} or {@code system}
 * @param before the resource before the change; null on create
 * @param after the resource after the change; null on delete
 */
public record AuditRecorded(
    UUID auditId,
    UUID tenantId,
    @Nullable UUID actorId,
    String actorType,
    String action,
    String resourceType,
    @Nullable String resourceId,
    @Nullable JsonNode before,
    @Nullable JsonNode after,
    @Nullable String requestId,
    Instant occurredAt)
    implements Versioned {

  public AuditRecorded {
    // JSON null reads back as a NullNode; keep "absent" one thing
    before = before == null || before.isNull() ? null : before;
    after = after == null || after.isNull() ? null : after;
  }

  public static final String TYPE = "audit.recorded";
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
