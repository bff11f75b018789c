package dev.flowgate.gateway.pipeline;

import dev.flowgate.contracts.config.GatewaySnapshot.ApiKey;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The call's tenant is the key's; the host and an {@code X-Tenant-ID} header (id or slug) may
 * name it too, but must not name another one. A suspended tenant is refused.
 */
final class TenantStage implements RequestStage {

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    ApiKey key = Objects.requireNonNull(exchange.key());
    Tenant tenant = exchange.config().tenant(key.tenantId());
    if (tenant == null) {
      return Problem.of(ProblemType.INVALID_CREDENTIAL, "The API key's tenant does not exist.");
    }
    Tenant hostTenant = exchange.hostTenant();
    if (hostTenant != null && !hostTenant.id().equals(tenant.id())) {
      return Problem.of(ProblemType.TENANT_MISMATCH, "The host and the API key name different tenants.");
    }
    String named = exchange.headers().get("X-Tenant-ID");
    if (named != null) {
      Tenant headerTenant = exchange.config().tenantByIdOrSlug(named.strip());
      if (headerTenant == null || !headerTenant.id().equals(tenant.id())) {
        return Problem.of(ProblemType.TENANT_MISMATCH, "X-Tenant-ID and the API key name different tenants.");
      }
    }
    exchange.tenant(tenant);
    if (!"active".equalsIgnoreCase(tenant.status())) {
      return Problem.of(ProblemType.TENANT_SUSPENDED, "The tenant " + tenant.slug() + " is suspended.");
    }
    return null;
  }
}
