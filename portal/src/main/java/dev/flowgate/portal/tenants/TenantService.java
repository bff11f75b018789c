package dev.flowgate.portal.tenants;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Creates tenants with unique slugs. */
@Service
public class TenantService {

  private final TenantRepository tenants;
  private final Clock clock;

  TenantService(TenantRepository tenants, Clock clock) {
    this.tenants = tenants;
    this.clock = clock;
  }

  /** A new active tenant; the slug comes from the name, with a suffix when it is taken. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Tenant create(String name) {
    String base = Slugs.of(name);
    String slug = base;
    for (int attempt = 2; tenants.existsBySlug(slug); attempt++) {
      String suffix = attempt <= 5 ? String.valueOf(attempt) : Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
      slug = base + "-" + suffix;
    }
    return tenants.save(new Tenant(slug, name, clock.instant()));
  }

  /** Whether the tenant is suspended (its callers may read but not change anything). */
  @Transactional(readOnly = true)
  public boolean isSuspended(UUID tenantId) {
    return tenants.findById(tenantId).map(Tenant::isSuspended).orElse(false);
  }

  /** The tenant, for showing its status. */
  @Transactional(readOnly = true)
  public Optional<Tenant> find(UUID tenantId) {
    return tenants.findById(tenantId);
  }
}
