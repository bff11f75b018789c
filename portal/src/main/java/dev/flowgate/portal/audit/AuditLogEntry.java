package dev.flowgate.portal.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One audit record as {@code GET /api/v1/audit-logs} answers it. */
public record AuditLogEntry(
    UUID id,
    @Nullable UUID actorId,
    String actorType,
    String action,
    String resourceType,
    @Nullable String resourceId,
    @Nullable JsonNode before,
    @Nullable JsonNode after,
    @Nullable String requestId,
    Instant occurredAt) {}
