/**
 * Traces: spans for incoming and outgoing HTTP come from Micrometer Observation over the
 * OpenTelemetry SDK; a trigger's run start continues the gateway's trace from the NATS message's
 * {@code traceparent} ({@link dev.flowgate.worker.tracing.TraceContexts}). Spans leave the process
 * only when {@code FLOWGATE_OTEL_ENDPOINT} is set.
 */
@NullMarked
package dev.flowgate.worker.tracing;

import org.jspecify.annotations.NullMarked;
