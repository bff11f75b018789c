/**
 * Stripe: pushes finalised invoices through the {@link dev.flowgate.billing.stripe.StripeBilling}
 * port (stripe-java's {@code StripeClient}, pointed at the local stub unless {@code STRIPE_API_KEY}
 * is set), retries invoices Stripe could not take, and applies verified webhooks once per event.
 */
@NullMarked
package dev.flowgate.billing.stripe;

import org.jspecify.annotations.NullMarked;
