package dev.flowgate.billing.invoices;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Credits the billing team grants a tenant (internal token checked by a filter). */
@RestController
class CreditController {

  record CreditList(List<GrantedCredit> items) {}

  private final CreditService credits;

  CreditController(CreditService credits) {
    this.credits = credits;
  }

  @PostMapping("/internal/v1/tenants/{tenantId}/credits")
  ResponseEntity<GrantedCredit> grant(@PathVariable UUID tenantId, @RequestBody CreditService.CreditRequest request) {
    GrantedCredit credit = credits.grant(tenantId, request);
    return ResponseEntity.created(URI.create("/internal/v1/tenants/" + tenantId + "/credits/" + credit.id()))
        .body(credit);
  }

  @GetMapping("/internal/v1/tenants/{tenantId}/credits")
  CreditList list(@PathVariable UUID tenantId) {
    return new CreditList(credits.list(tenantId));
  }
}
