package dev.flowgate.worker.dsl;

import org.jspecify.annotations.Nullable;

/**
 * One reason a definition is refused.
 *
 * @param stepId the step at fault, or null for the definition as a whole
 * @param field the field at fault, for example {@code config.url} or {@code dependsOn}
 * @param message what is wrong, for a human
 */
public record ValidationError(@Nullable String stepId, String field, String message) {}
