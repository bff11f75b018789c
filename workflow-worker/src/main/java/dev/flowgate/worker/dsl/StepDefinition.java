package dev.flowgate.worker.dsl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One step of a definition.
 *
 * @param id unique within the definition; other steps name it in {@code dependsOn}
 * @param type the wire name of a {@link StepType}
 * @param dependsOn the steps that must end before this one starts (fan-in when several)
 * @param config the type's settings, read by {@link StepConfigReader}
 * @param retry how an activity-backed step is retried; {@link RetrySpec#DEFAULT} when absent
 * @param timeoutMs bounds one attempt of an activity-backed step, when its config sets none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepDefinition(
    String id,
    String type,
    List<String> dependsOn,
    Map<String, Object> config,
    @Nullable RetrySpec retry,
    @Nullable Long timeoutMs) {

  public StepDefinition {
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    config = config == null ? Map.of() : config;
  }

  /** The retry to apply: the step's own, completed with the defaults. */
  public RetrySpec effectiveRetry() {
    return retry == null ? RetrySpec.DEFAULT : retry.withDefaults();
  }
}
