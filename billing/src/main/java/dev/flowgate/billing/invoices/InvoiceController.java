package dev.flowgate.billing.invoices;

import dev.flowgate.billing.web.NotFoundException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal invoice API (the internal token is checked by a filter). */
@RestController
class InvoiceController {

  private final InvoiceService invoices;

  InvoiceController(InvoiceService invoices) {
    this.invoices = invoices;
  }

  @GetMapping("/internal/v1/tenants/{tenantId}/invoices")
  InvoiceService.InvoicePage list(@PathVariable UUID tenantId,
      @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
    return invoices.page(tenantId, page, size);
  }

  @GetMapping("/internal/v1/tenants/{tenantId}/invoices/upcoming")
  Invoice upcoming(@PathVariable UUID tenantId) {
    return invoices.upcoming(tenantId);
  }

  @GetMapping("/internal/v1/tenants/{tenantId}/invoices/{invoiceId}")
  Invoice get(@PathVariable UUID tenantId, @PathVariable String invoiceId) {
    UUID id;
    try {
      id = UUID.fromString(invoiceId);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No invoice " + invoiceId + " for this tenant.");
    }
    return invoices.get(tenantId, id);
  }
}
