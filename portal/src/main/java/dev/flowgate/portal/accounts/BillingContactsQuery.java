package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.tenants.TenantRepository;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The addresses of a tenant's owners and billing members who can sign in: the people a billing
 * provider would mail about their bill. Disabled users are left out (they cannot act on it).
 */
@Service
class BillingContactsQuery {

  static final Set<String> ROLES = Set.of("owner", "billing");

  private final UserAccountRepository users;
  private final TenantRepository tenants;

  BillingContactsQuery(UserAccountRepository users, TenantRepository tenants) {
    this.users = users;
    this.tenants = tenants;
  }

  /** Lower-cased, without duplicates, sorted; an unknown tenant is a 404. */
  @Transactional(readOnly = true)
  List<String> emails(UUID tenantId) {
    if (!tenants.existsById(tenantId)) {
      throw new NotFoundException("tenant", tenantId);
    }
    return users.findAllByTenantIdAndRoleInAndDisabledAtIsNull(tenantId, ROLES).stream()
        .map(user -> user.getEmail().strip().toLowerCase(Locale.ROOT))
        .distinct()
        .sorted()
        .toList();
  }
}
