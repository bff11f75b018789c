/**
 * Metering: every call becomes Prometheus metrics and, when its tenant is known, one
 * {@code Envelope<ApiCallRecorded>} on Kafka {@code api.calls}, keyed by tenant id. Publishing
 * never blocks a request: records queue for a sender thread, and whatever Kafka cannot take goes
 * to a bounded on-disk spool that is sent, in order, when Kafka is back (and survives a restart).
 */
@NullMarked
package dev.flowgate.gateway.metering;

import org.jspecify.annotations.NullMarked;
