/**
 * Flowgate billing: usage metering from Kafka ({@code metering}), the internal usage API
 * ({@code usage}), plans and the calls of a period ({@code plans}), the running bill and monthly
 * invoices ({@code invoices}), Stripe push and webhooks ({@code stripe}) and the shared web
 * plumbing ({@code web}).
 */
@NullMarked
package dev.flowgate.billing;

import org.jspecify.annotations.NullMarked;
