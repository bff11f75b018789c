package dev.flowgate.worker.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowgate.worker.dsl.RunState;
import dev.flowgate.worker.dsl.SignalRefusal;
import dev.flowgate.worker.dsl.StepStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A run as the status API answers it: PRODUCT.md's shape plus its identity, {@code lastUpdate} and
 * the signals its steps refused ({@code refusedSignals}, empty when none) and, for a retry, the run
 * it retries ({@code retryOf}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(
    String executionId,
    @Nullable String workflowId,
    @Nullable Integer version,
    String triggerType,
    RunState status,
    @Nullable String currentStep,
    int progress,
    List<StepStatus> steps,
    @Nullable String error,
    List<SignalRefusal> refusedSignals,
    @Nullable String createdAt,
    @Nullable String lastUpdate,
    @Nullable String retryOf) {}
