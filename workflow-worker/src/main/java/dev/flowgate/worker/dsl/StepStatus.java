package dev.flowgate.worker.dsl;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** One step of {@link RunStatus}; times are ISO-8601 instants of workflow time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepStatus(
    String id,
    StepState status,
    int attempts,
    @Nullable String startedAt,
    @Nullable String endedAt,
    @Nullable Object output,
    @Nullable String error) {}
