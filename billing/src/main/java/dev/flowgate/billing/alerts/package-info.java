/**
 * Usage alerts at 80% and 100% of a plan's included calls: raised once per tenant, period and
 * threshold (a unique constraint), listed per tenant, delivered to the configured webhook, signed
 * like every Flowgate outgoing webhook, and mailed to the configured addresses and the tenant's
 * billing contacts (owners and billing members, from the portal's internal API).
 */
@NullMarked
package dev.flowgate.billing.alerts;

import org.jspecify.annotations.NullMarked;
