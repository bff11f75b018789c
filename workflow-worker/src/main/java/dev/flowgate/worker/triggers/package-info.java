/**
 * NATS JetStream consumers of {@code workflow.triggers.>} and {@code workflow.signals.>} (stream
 * {@code FLOWGATE_WORKFLOWS}) that start and signal workflow runs.
 */
@NullMarked
package dev.flowgate.worker.triggers;

import org.jspecify.annotations.NullMarked;
