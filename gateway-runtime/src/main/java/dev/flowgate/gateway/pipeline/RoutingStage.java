package dev.flowgate.gateway.pipeline;

import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.routing.RouteMatch;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The tenant's most specific route for host, method and path, or 404. */
final class RoutingStage implements RequestStage {

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    var tenant = Objects.requireNonNull(exchange.tenant());
    RouteMatch match =
        exchange.config().routes().match(tenant.id(), exchange.host(), exchange.method(), exchange.path());
    if (match == null) {
      return Problem.of(
          ProblemType.NO_ROUTE, "No route of tenant " + tenant.slug() + " serves " + exchange.method() + " "
              + exchange.path() + ".");
    }
    exchange.match(match);
    return null;
  }
}
