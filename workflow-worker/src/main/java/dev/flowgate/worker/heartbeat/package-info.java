/** Runtime heartbeats on {@code health.heartbeats}, every 10 s by default. */
@NullMarked
package dev.flowgate.worker.heartbeat;

import org.jspecify.annotations.NullMarked;
