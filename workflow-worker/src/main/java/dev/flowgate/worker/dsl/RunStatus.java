package dev.flowgate.worker.dsl;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A run as the status API shows it (PRODUCT.md): {@code {status, currentStep, progress, steps}}.
 *
 * @param progress the percentage of steps that have ended (succeeded, failed or been skipped)
 * @param error why the run failed, or null
 */
public record RunStatus(
    RunState status, @Nullable String currentStep, int progress, List<StepStatus> steps, @Nullable String error) {}
