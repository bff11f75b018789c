/**
 * Billing's hard quotas: billing publishes {@code QuotaStateChanged} on {@code billing.quotas};
 * while a tenant is blocked its calls are refused with 429 {@code quota-exceeded}.
 */
@NullMarked
package dev.flowgate.gateway.quota;

import org.jspecify.annotations.NullMarked;
