/**
 * Flowgate workflow worker: a Temporal worker on task queue {@code flowgate-workflows}.
 *
 * <p>Features: {@code health} (probe workflow and Temporal health), {@code heartbeat} (runtime
 * heartbeats on NATS), {@code nats} (the shared NATS connection); {@code dsl}, {@code steps} and
 * {@code triggers} hold the workflow interpreter as it is built.
 */
@NullMarked
package dev.flowgate.worker;

import org.jspecify.annotations.NullMarked;
