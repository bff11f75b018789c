package dev.flowgate.portal.workflows;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One trigger of a workflow ({@code schedule}, {@code manual} or {@code api_route}); {@code mode}
 * is an api_route trigger's ({@code async} or {@code passthrough}), {@code version} a pinned
 * workflow version (null: the current one when a run starts).
 */
public record WorkflowTriggerView(UUID id, UUID workflowId, String type, @Nullable String cron, @Nullable String zone,
    @Nullable String missedRunPolicy, @Nullable UUID routeId, @Nullable String mode, @Nullable Integer version,
    @Nullable JsonNode inputTemplate, Instant createdAt) {}
