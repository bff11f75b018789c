/**
 * Metering: consumes {@code api.calls} envelopes, stores each call once (keyed by its event id)
 * and folds the calls that were new into hourly aggregates in the same transaction.
 */
@NullMarked
package dev.flowgate.billing.metering;

import org.jspecify.annotations.NullMarked;
