package dev.flowgate.gateway.pipeline;

import dev.flowgate.contracts.config.GatewaySnapshot.ApiKey;
import dev.flowgate.gateway.auth.ApiKeyAuthenticator;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The key's scopes must cover the route: {@code *} or the route's id, else 403. A JWT was
 * verified for the route's own audience, which is its scope.
 */
final class ScopeStage implements RequestStage {

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    var route = Objects.requireNonNull(exchange.match()).route();
    ApiKey key = exchange.key();
    if (key != null && !ApiKeyAuthenticator.allows(key, route.id())) {
      return Problem.of(ProblemType.KEY_NOT_ALLOWED, "The API key's scopes do not include route " + route.name() + ".");
    }
    return null;
  }
}
