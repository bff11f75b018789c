package dev.flowgate.portal.accounts;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/v1/tenants/{tenantId}/billing-contacts} (internal token, see
 * SecurityConfiguration): who billing mails the tenant's usage alerts to.
 */
@RestController
class BillingContactsController {

  /** Wrapped so fields can be added without breaking billing. */
  record BillingContacts(List<String> emails) {}

  private final BillingContactsQuery contacts;

  BillingContactsController(BillingContactsQuery contacts) {
    this.contacts = contacts;
  }

  @GetMapping("/internal/v1/tenants/{tenantId}/billing-contacts")
  BillingContacts contacts(@PathVariable UUID tenantId) {
    return new BillingContacts(contacts.emails(tenantId));
  }
}
