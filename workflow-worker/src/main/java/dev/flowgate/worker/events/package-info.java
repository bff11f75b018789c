/**
 * Events: every run and step transition of the run index, published to Kafka
 * ({@code workflow.events}, keyed by tenant) as versioned envelopes after the index write succeeds.
 * The index stays the source of truth; a Kafka outage never fails a run.
 */
@NullMarked
package dev.flowgate.worker.events;

import org.jspecify.annotations.NullMarked;
