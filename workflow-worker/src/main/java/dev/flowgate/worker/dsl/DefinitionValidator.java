package dev.flowgate.worker.dsl;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

/**
 * Refuses definitions that cannot run: unknown step types, duplicate or dangling ids, cycles,
 * unreachable steps, bad config per type and expressions that do not compile. Every error names
 * the step and the field.
 */
public final class DefinitionValidator {

  static final int MAX_STEPS = 200;
  static final int MAX_ATTEMPTS = 20;
  static final int MAX_NESTING = 3;
  private static final Pattern STEP_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  /** Every error of {@code definition}; empty when it may be saved and run. */
  public List<ValidationError> validate(WorkflowDefinition definition) {
    return validate(definition, 0);
  }

  /** Errors of a schedule trigger: a 6-field cron (with seconds) and a time zone. */
  public List<ValidationError> validateSchedule(@Nullable String cron, @Nullable String timeZone) {
    List<ValidationError> errors = new ArrayList<>();
    if (cron == null || !CronExpression.isValidExpression(cron)) {
      errors.add(new ValidationError(null, "cron",
          "cron must have six fields (second minute hour day month weekday), for example '0 0 9 * * MON-FRI'"));
    }
    if (timeZone != null) {
      try {
        ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        errors.add(new ValidationError(null, "timeZone", "unknown time zone '" + timeZone + "'"));
      }
    }
    return errors;
  }

  private List<ValidationError> validate(WorkflowDefinition definition, int depth) {
    List<ValidationError> errors = new ArrayList<>();
    if (definition.name() == null || definition.name().isBlank()) {
      errors.add(new ValidationError(null, "name", "name is required"));
    }
    if (definition.steps().isEmpty()) {
      errors.add(new ValidationError(null, "steps", "a workflow needs at least one step"));
      return errors;
    }
    if (definition.steps().size() > MAX_STEPS) {
      errors.add(new ValidationError(null, "steps", "a workflow has at most " + MAX_STEPS + " steps"));
    }
    Set<String> ids = new HashSet<>();
    for (StepDefinition step : definition.steps()) {
      if (step.id() == null || !STEP_ID.matcher(step.id()).matches()) {
        errors.add(new ValidationError(step.id(), "id",
            "a step id starts with a letter and has up to 64 letters, digits, '_' or '-'"));
      } else if (!ids.add(step.id())) {
        errors.add(new ValidationError(step.id(), "id", "duplicate step id '" + step.id() + "'"));
      }
    }
    for (StepDefinition step : definition.steps()) {
      validateStep(step, ids, definition, depth, errors);
    }
    DagPlanner planner = new DagPlanner(definition);
    Set<String> onCycles = planner.stepsOnCycles();
    for (String id : onCycles) {
      errors.add(new ValidationError(id, "dependsOn", "step '" + id + "' is on a cycle of dependsOn"));
    }
    for (String id : planner.stepsAfterCycles()) {
      errors.add(new ValidationError(id, "dependsOn", "step '" + id + "' is unreachable: it depends on a cycle"));
    }
    return errors;
  }

  private void validateStep(
      StepDefinition step, Set<String> ids, WorkflowDefinition definition, int depth, List<ValidationError> errors) {
    String id = step.id();
    Set<String> seen = new HashSet<>();
    for (String dependency : step.dependsOn()) {
      if (dependency == null || !ids.contains(dependency)) {
        errors.add(new ValidationError(id, "dependsOn", "depends on unknown step '" + dependency + "'"));
      } else if (dependency.equals(id)) {
        errors.add(new ValidationError(id, "dependsOn", "a step cannot depend on itself"));
      } else if (!seen.add(dependency)) {
        errors.add(new ValidationError(id, "dependsOn", "'" + dependency + "' is listed twice"));
      }
    }
    if (step.timeoutMs() != null && (step.timeoutMs() < 1 || step.timeoutMs() > StepConfigReader.MAX_TIMEOUT_MS)) {
      errors.add(new ValidationError(id, "timeoutMs", "timeoutMs must be between 1 and " + StepConfigReader.MAX_TIMEOUT_MS));
    }
    if (step.retry() != null) {
      validateRetry(id, step.retry(), errors);
    }
    StepType type = StepType.of(step.type()).orElse(null);
    if (type == null) {
      errors.add(new ValidationError(id, "type", "unknown step type '" + step.type() + "'; known types: "
          + Arrays.stream(StepType.values()).map(StepType::wireName).toList()));
      return;
    }
    StepConfig config = StepConfigReader.read(step, type, errors);
    if (config instanceof StepConfig.Condition condition) {
      validateBranches(step, condition, definition, errors);
    }
    if (config instanceof StepConfig.SubWorkflow sub && !sub.definition().steps().isEmpty()) {
      if (depth + 1 >= MAX_NESTING) {
        errors.add(new ValidationError(id, "config.definition", "sub-workflows nest at most " + MAX_NESTING + " deep"));
      } else {
        for (ValidationError nested : validate(sub.definition(), depth + 1)) {
          String where = nested.stepId() == null ? "" : "steps." + nested.stepId() + ".";
          errors.add(new ValidationError(id, "config.definition." + where + nested.field(), nested.message()));
        }
      }
    }
  }

  private static void validateRetry(String id, RetrySpec retry, List<ValidationError> errors) {
    if (retry.maxAttempts() != null && (retry.maxAttempts() < 1 || retry.maxAttempts() > MAX_ATTEMPTS)) {
      errors.add(new ValidationError(id, "retry.maxAttempts", "maxAttempts must be between 1 and " + MAX_ATTEMPTS));
    }
    if (retry.backoff() != null && !RetrySpec.EXPONENTIAL.equals(retry.backoff()) && !RetrySpec.FIXED.equals(retry.backoff())) {
      errors.add(new ValidationError(id, "retry.backoff", "backoff must be 'exponential' or 'fixed'"));
    }
    if (retry.initialIntervalMs() != null && (retry.initialIntervalMs() < 1 || retry.initialIntervalMs() > 3_600_000)) {
      errors.add(new ValidationError(id, "retry.initialIntervalMs", "initialIntervalMs must be between 1 and 3600000"));
    }
    if (retry.maxIntervalMs() != null
        && retry.maxIntervalMs() < (retry.initialIntervalMs() == null ? 1000 : retry.initialIntervalMs())) {
      errors.add(new ValidationError(id, "retry.maxIntervalMs", "maxIntervalMs must not be below initialIntervalMs"));
    }
  }

  private static void validateBranches(
      StepDefinition step, StepConfig.Condition condition, WorkflowDefinition definition, List<ValidationError> errors) {
    for (String field : List.of("onTrue", "onFalse")) {
      for (String target : field.equals("onTrue") ? condition.onTrue() : condition.onFalse()) {
        StepDefinition dependent = definition.step(target);
        if (dependent == null || !dependent.dependsOn().contains(step.id())) {
          errors.add(new ValidationError(step.id(), "config." + field,
              "'" + target + "' must be a step that depends on this condition"));
        }
      }
    }
    for (String both : condition.onTrue()) {
      if (condition.onFalse().contains(both)) {
        errors.add(new ValidationError(both, "dependsOn",
            "step '" + both + "' is unreachable: it is on both branches of condition '" + step.id() + "'"));
      }
    }
  }
}
