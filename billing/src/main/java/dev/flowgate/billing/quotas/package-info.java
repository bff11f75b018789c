/**
 * Quotas: after metering, each affected tenant's usage in the current period is compared with its
 * plan ({@code ok}, {@code warning} at 80% of the included calls, {@code included_exhausted} at
 * 100%, {@code hard_limit_reached}); a change is published as {@code QuotaStateChanged} on NATS
 * {@code billing.quotas}, blocked tenants are re-announced every few seconds, and crossing 80% or
 * 100% raises a usage alert.
 */
@NullMarked
package dev.flowgate.billing.quotas;

import org.jspecify.annotations.NullMarked;
