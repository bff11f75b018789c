/**
 * Flowgate billing: usage metering from Kafka ({@code metering}), the internal usage API
 * ({@code usage}) and the shared web plumbing ({@code web}). Plans, invoices and Stripe come later.
 */
@NullMarked
package dev.flowgate.billing;

import org.jspecify.annotations.NullMarked;
