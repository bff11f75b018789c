package dev.flowgate.worker.steps;

import org.jspecify.annotations.Nullable;

/**
 * What an activity-backed step returns.
 *
 * @param output the step's output, a JSON value
 * @param attempt the attempt that succeeded (1 for the first)
 */
public record StepResult(@Nullable Object output, int attempt) {}
