package dev.flowgate.billing.invoices;

import java.util.UUID;

/** Published after a finalised invoice is committed. */
public record InvoiceFinalized(UUID invoiceId, UUID tenantId) {}
