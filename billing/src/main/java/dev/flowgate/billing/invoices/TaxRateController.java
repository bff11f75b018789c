package dev.flowgate.billing.invoices;

import dev.flowgate.billing.web.InvalidRequestException;
import dev.flowgate.billing.web.InvalidRequestException.FieldProblem;
import dev.flowgate.billing.web.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's own tax rate, which wins over its plan's (internal token checked by a filter). */
@RestController
class TaxRateController {

  record TaxRateRequest(@Nullable Integer rateBasisPoints, @Nullable String label) {}

  private final TaxRates rates;

  TaxRateController(TaxRates rates) {
    this.rates = rates;
  }

  @GetMapping("/internal/v1/tenants/{tenantId}/tax-rate")
  TaxRates.TaxRate get(@PathVariable UUID tenantId) {
    return rates.own(tenantId).orElseThrow(() -> new NotFoundException("The tenant has no tax rate of its own."));
  }

  @PutMapping("/internal/v1/tenants/{tenantId}/tax-rate")
  TaxRates.TaxRate set(@PathVariable UUID tenantId, @RequestBody TaxRateRequest request) {
    Integer bp = request.rateBasisPoints();
    if (bp == null || bp < 0 || bp > 10_000) {
      throw new InvalidRequestException(List.of(new FieldProblem("rateBasisPoints", "must be between 0 and 10000")));
    }
    String label = request.label() == null || request.label().isBlank() ? "Tax" : request.label().trim();
    TaxRates.TaxRate rate = new TaxRates.TaxRate(bp, label);
    rates.set(tenantId, rate);
    return rate;
  }

  @DeleteMapping("/internal/v1/tenants/{tenantId}/tax-rate")
  ResponseEntity<Void> remove(@PathVariable UUID tenantId) {
    rates.remove(tenantId);
    return ResponseEntity.noContent().build();
  }
}
