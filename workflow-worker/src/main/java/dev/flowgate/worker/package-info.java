/**
 * Flowgate workflow worker: a Temporal worker on task queue {@code flowgate-workflows}.
 *
 * <p>Features: {@code health} (probe workflow and Temporal health), {@code heartbeat} (runtime
 * heartbeats on NATS), {@code nats} (the shared NATS connection), {@code dsl} (the DSL and its
 * interpreting workflow), {@code steps} (step activities), {@code runs} (run index and internal
 * API), {@code triggers} (JetStream consumers of triggers and signals).
 */
@NullMarked
package dev.flowgate.worker;

import org.jspecify.annotations.NullMarked;
