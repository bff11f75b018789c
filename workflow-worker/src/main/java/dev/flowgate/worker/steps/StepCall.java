package dev.flowgate.worker.steps;

import java.util.Map;

/**
 * Who calls an activity: the run and step, and the run context {@code {input, steps}} the step's
 * expressions are evaluated over.
 */
public record StepCall(String tenantId, String executionId, String stepId, Map<String, Object> context) {}
