/**
 * Schedules: cron triggers (with seconds and a time zone) owned by the worker, their internal API,
 * and the scheduler that fires each fire time exactly once across any number of workers.
 */
@NullMarked
package dev.flowgate.worker.schedules;

import org.jspecify.annotations.NullMarked;
