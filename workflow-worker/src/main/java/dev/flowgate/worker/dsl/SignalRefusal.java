package dev.flowgate.worker.dsl;

import org.jspecify.annotations.Nullable;

/**
 * A signal a {@code wait_for_signal} step refused because its sender's role may not approve it;
 * the step went on waiting. Kept with the run (status API, run index).
 *
 * @param at ISO-8601 instant of workflow time
 */
public record SignalRefusal(
    String stepId, String signal, @Nullable String actorId, @Nullable String role, String at, String reason) {}
