/**
 * Traces through the proxy: a server span per call (parent: the caller's {@code traceparent}),
 * its context passed to the upstream and into workflow triggers on NATS, exported by the
 * OpenTelemetry SDK Boot configures only when {@code FLOWGATE_OTEL_ENDPOINT} is set; and the
 * per-call log lines ({@code RequestLog}) that carry the call's request and trace ids.
 */
@NullMarked
package dev.flowgate.gateway.tracing;

import org.jspecify.annotations.NullMarked;
