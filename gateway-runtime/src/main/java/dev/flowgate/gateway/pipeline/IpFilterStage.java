package dev.flowgate.gateway.pipeline;

import dev.flowgate.gateway.policies.IpFilter;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.proxy.UpstreamAddressGuard.Cidr;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A route's {@code ip_filter}, on the socket peer or, behind a trusted proxy, the address it
 * forwarded for: a refused client gets 403. Runs before JWT verification, so a refused client
 * never causes a JWKS fetch.
 */
final class IpFilterStage implements RequestStage {

  private final List<Cidr> trustedProxies;

  IpFilterStage(List<Cidr> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    IpFilter filter = Objects.requireNonNull(exchange.match()).policies().ipFilter();
    if (filter == null) {
      return null;
    }
    InetAddress client =
        IpFilter.client(exchange.clientIp(), exchange.headers().get("X-Forwarded-For"), trustedProxies);
    if (client == null || !filter.permits(client)) {
      return Problem.of(ProblemType.IP_NOT_ALLOWED, "The route does not accept calls from this address.");
    }
    return null;
  }
}
