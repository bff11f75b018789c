package dev.flowgate.worker.runs;

import dev.flowgate.worker.dsl.RunStatus;
import org.jspecify.annotations.Nullable;

/**
 * A run's state at one moment, as the interpreting workflow reports it to the run index.
 *
 * @param revision grows with every snapshot of a run; an older snapshot never overwrites a newer one
 */
public record RunSnapshot(
    String executionId,
    String tenantId,
    @Nullable String workflowId,
    @Nullable Integer version,
    @Nullable String triggerType,
    long revision,
    RunStatus status) {}
