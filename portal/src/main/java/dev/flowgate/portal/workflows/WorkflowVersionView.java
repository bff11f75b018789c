package dev.flowgate.portal.workflows;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One immutable version of a workflow definition. */
public record WorkflowVersionView(UUID workflowId, int version, JsonNode definition, @Nullable UUID createdBy, Instant createdAt) {}
