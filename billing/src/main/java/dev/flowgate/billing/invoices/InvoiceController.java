package dev.flowgate.billing.invoices;

import dev.flowgate.billing.web.NotFoundException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    return invoices.get(tenantId, invoiceId(invoiceId));
  }

  /** The invoice as a PDF; another tenant's invoice is not found. */
  @GetMapping("/internal/v1/tenants/{tenantId}/invoices/{invoiceId}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable UUID tenantId, @PathVariable String invoiceId) {
    Invoice invoice = invoices.get(tenantId, invoiceId(invoiceId));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(invoice.number() + ".pdf").build().toString())
        .body(InvoicePdf.render(invoice));
  }

  private static UUID invoiceId(String invoiceId) {
    try {
      return UUID.fromString(invoiceId);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No invoice " + invoiceId + " for this tenant.");
    }
  }
}
