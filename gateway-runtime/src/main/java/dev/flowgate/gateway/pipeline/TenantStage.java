package dev.flowgate.gateway.pipeline;

import dev.flowgate.contracts.config.GatewaySnapshot.ApiKey;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.auth.Jwt;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The call's tenant is the key's, or the one a JWT's {@code tenant_id} claim names (id or slug;
 * without the claim, the host's). The host and an {@code X-Tenant-ID} header (id or slug) may
 * name it too, but must not name another one. A suspended tenant is refused. A JWT's claim is
 * not trusted yet: the JWT stage verifies it against the route (of this tenant) it selects.
 */
final class TenantStage implements RequestStage {

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    Tenant hostTenant = exchange.hostTenant();
    Tenant tenant;
    String credential;
    ApiKey key = exchange.key();
    if (key != null) {
      credential = "the API key";
      tenant = exchange.config().tenant(key.tenantId());
      if (tenant == null) {
        return Problem.of(ProblemType.INVALID_CREDENTIAL, "The API key's tenant does not exist.");
      }
    } else {
      credential = "the JWT";
      String claim = Objects.requireNonNull(exchange.jwt()).tenantClaim();
      tenant = claim == null ? hostTenant : exchange.config().tenantByIdOrSlug(claim);
      if (tenant == null) {
        return Problem.of(ProblemType.INVALID_CREDENTIAL, claim == null
            ? "The JWT has no tenant_id claim and the host names no tenant."
            : "The JWT's tenant_id names no tenant of this gateway.");
      }
    }
    if (hostTenant != null && !hostTenant.id().equals(tenant.id())) {
      return Problem.of(ProblemType.TENANT_MISMATCH, "The host and " + credential + " name different tenants.");
    }
    String named = exchange.headers().get("X-Tenant-ID");
    if (named != null) {
      Tenant headerTenant = exchange.config().tenantByIdOrSlug(named.strip());
      if (headerTenant == null || !headerTenant.id().equals(tenant.id())) {
        return Problem.of(ProblemType.TENANT_MISMATCH, "X-Tenant-ID and " + credential + " name different tenants.");
      }
    }
    exchange.tenant(tenant);
    if (!"active".equalsIgnoreCase(tenant.status())) {
      return Problem.of(ProblemType.TENANT_SUSPENDED, "The tenant " + tenant.slug() + " is suspended.");
    }
    return null;
  }
}
