package dev.flowgate.portal.workflows;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One trigger of a workflow ({@code schedule}, {@code manual} or {@code api_route}). */
public record WorkflowTriggerView(UUID id, UUID workflowId, String type, @Nullable String cron, @Nullable String zone,
    @Nullable String missedRunPolicy, @Nullable UUID routeId, @Nullable JsonNode inputTemplate, Instant createdAt) {}
