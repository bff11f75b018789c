package dev.flowgate.worker.dsl;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a run needs: whose it is, the pinned definition and the trigger input. The execution id is
 * the Temporal workflow id; {@code triggerType} ({@code api_route}, {@code schedule}, {@code manual},
 * {@code sub_workflow}) is recorded in the run index.
 */
public record RunRequest(
    String tenantId,
    @Nullable String workflowId,
    @Nullable Integer version,
    WorkflowDefinition definition,
    @Nullable Map<String, Object> input,
    @Nullable String triggerType) {}
