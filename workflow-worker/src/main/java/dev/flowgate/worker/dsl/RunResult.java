package dev.flowgate.worker.dsl;

import java.util.Map;

/** A completed run: every successful step's output by step id. */
public record RunResult(RunState status, Map<String, Object> outputs) {}
