package dev.flowgate.portal.admin;

import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.base.security.PlatformScope;
import dev.flowgate.portal.controlplane.ConfigChanges;
import dev.flowgate.portal.tenants.Tenant;
import dev.flowgate.portal.tenants.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting a tenant, reversibly: it is suspended at once (its users see until when it can be
 * restored, the gateways refuse its calls) and {@link TenantPurge} removes it once the grace period
 * ({@link TenantDeletionProperties}) has passed; until then an operator restores it. Both audited.
 */
@Service
public class TenantDeletion {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private final TenantRepository tenants;
  private final TenantAdministration administration;
  private final ConfigChanges changes;
  private final AuditTrail audit;
  private final TenantDeletionProperties properties;
  private final Clock clock;

  TenantDeletion(TenantRepository tenants, TenantAdministration administration, ConfigChanges changes, AuditTrail audit,
      TenantDeletionProperties properties, Clock clock) {
    this.tenants = tenants;
    this.administration = administration;
    this.changes = changes;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional(label = PlatformScope.LABEL)
  public AdminTenantView delete(PlatformPrincipal admin, UUID id) {
    Tenant tenant = tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant", id));
    if (tenant.isDeleted()) {
      return administration.get(id);
    }
    AdminTenantView before = administration.get(id);
    Instant now = clock.instant();
    Instant purgeAfter = now.plus(properties.grace());
    tenant.delete(now, purgeAfter, "This organisation was deleted and will be removed for good on "
        + DAY.format(purgeAfter) + "; contact support before then to restore it.");
    tenants.saveAndFlush(tenant);
    AdminTenantView after = administration.get(id);
    changes.changed(id, "tenant", id, "deleted");
    audit.record(admin.actorOn(id), "tenant.deleted", "tenant", id, before, after);
    return after;
  }

  @Transactional(label = PlatformScope.LABEL)
  public AdminTenantView restore(PlatformPrincipal admin, UUID id) {
    Tenant tenant = tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant", id));
    if (!tenant.isDeleted()) {
      throw new ConflictException("The tenant is not deleted");
    }
    AdminTenantView before = administration.get(id);
    tenant.reinstate();
    tenants.saveAndFlush(tenant);
    AdminTenantView after = administration.get(id);
    changes.changed(id, "tenant", id, "restored");
    audit.record(admin.actorOn(id), "tenant.restored", "tenant", id, before, after);
    return after;
  }
}
