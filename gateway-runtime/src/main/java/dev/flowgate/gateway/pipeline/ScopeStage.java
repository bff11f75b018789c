package dev.flowgate.gateway.pipeline;

import dev.flowgate.gateway.auth.ApiKeyAuthenticator;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The key's scopes must cover the route: {@code *} or the route's id, else 403. */
final class ScopeStage implements RequestStage {

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    var route = Objects.requireNonNull(exchange.match()).route();
    if (!ApiKeyAuthenticator.allows(Objects.requireNonNull(exchange.key()), route.id())) {
      return Problem.of(ProblemType.KEY_NOT_ALLOWED, "The API key's scopes do not include route " + route.name() + ".");
    }
    return null;
  }
}
