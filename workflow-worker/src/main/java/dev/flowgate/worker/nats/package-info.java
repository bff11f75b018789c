/** The worker's NATS connection, shared by heartbeats and (later) triggers. */
@NullMarked
package dev.flowgate.worker.nats;

import org.jspecify.annotations.NullMarked;
