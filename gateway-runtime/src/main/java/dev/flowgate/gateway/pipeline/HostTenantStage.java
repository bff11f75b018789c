package dev.flowgate.gateway.pipeline;

import dev.flowgate.gateway.config.RuntimeConfig.HostTenant;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The tenant the host names, {@code {slug}.{domain}} or a host a route lists, if any. */
final class HostTenantStage implements RequestStage {

  private final String domain;

  HostTenantStage(String domain) {
    this.domain = domain.toLowerCase(Locale.ROOT);
  }

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    HostTenant named = exchange.config().tenantForHost(exchange.host(), domain);
    if (named.unknownSlug()) {
      return Problem.of(ProblemType.NO_ROUTE, "No tenant is served at " + exchange.host() + ".");
    }
    exchange.hostTenant(named.tenant());
    return null;
  }
}
