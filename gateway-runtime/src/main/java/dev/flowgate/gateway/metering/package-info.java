/**
 * Metering: every call becomes Prometheus metrics and, when its tenant is known, one
 * {@code Envelope<ApiCallRecorded>} on Kafka {@code api.calls}, keyed by tenant id. Publishing
 * never blocks a request: records queue for a sender thread, and the idempotent producer keeps
 * retrying through a Kafka outage for its delivery timeout.
 */
@NullMarked
package dev.flowgate.gateway.metering;

import org.jspecify.annotations.NullMarked;
