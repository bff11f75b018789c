/**
 * Traces: spans for incoming and outgoing HTTP (and Kafka where used) come from Micrometer
 * Observation over the OpenTelemetry SDK; this package only decides whether they leave the process.
 */
@NullMarked
package dev.flowgate.portal.base.tracing;

import org.jspecify.annotations.NullMarked;
