package dev.flowgate.portal.workflows;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A workflow with its current definition. */
public record WorkflowView(UUID id, String name, int currentVersion, JsonNode definition, Instant createdAt, Instant updatedAt) {}
