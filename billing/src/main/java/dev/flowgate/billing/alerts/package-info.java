/**
 * Usage alerts at 80% and 100% of a plan's included calls: raised once per tenant, period and
 * threshold (a unique constraint), listed per tenant, and delivered to the configured webhook,
 * signed like every Flowgate outgoing webhook.
 */
@NullMarked
package dev.flowgate.billing.alerts;

import org.jspecify.annotations.NullMarked;
