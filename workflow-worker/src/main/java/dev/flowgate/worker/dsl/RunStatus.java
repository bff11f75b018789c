package dev.flowgate.worker.dsl;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A run as the status API shows it (PRODUCT.md): {@code {status, currentStep, progress, steps}}.
 *
 * @param progress the percentage of steps that have ended (succeeded, failed or been skipped)
 * @param error why the run failed, or null
 * @param refusedSignals signals a step refused (sender's role not allowed to approve), oldest first
 */
public record RunStatus(
    RunState status, @Nullable String currentStep, int progress, List<StepStatus> steps, @Nullable String error,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SignalRefusal> refusedSignals) {

  public RunStatus {
    refusedSignals = refusedSignals == null ? List.of() : List.copyOf(refusedSignals);
  }

  public RunStatus(RunState status, @Nullable String currentStep, int progress, List<StepStatus> steps, @Nullable String error) {
    this(status, currentStep, progress, steps, error, List.of());
  }
}
