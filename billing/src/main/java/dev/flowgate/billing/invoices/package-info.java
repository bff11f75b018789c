/**
 * Invoices: the pure {@link dev.flowgate.billing.invoices.InvoiceCalculator}, the running bill of
 * the current month, the idempotent monthly finalisation (one invoice per tenant and month) and
 * invoice state as Stripe reports it. Finalised invoices announce themselves with
 * {@link dev.flowgate.billing.invoices.InvoiceFinalized}.
 */
@NullMarked
package dev.flowgate.billing.invoices;

import org.jspecify.annotations.NullMarked;
