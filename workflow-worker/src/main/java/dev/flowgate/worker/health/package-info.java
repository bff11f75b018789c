/**
 * Worker health: a probe workflow and activity that round-trip through the task queue, and the
 * Temporal health indicator that is part of readiness.
 */
@NullMarked
package dev.flowgate.worker.health;

import org.jspecify.annotations.NullMarked;
