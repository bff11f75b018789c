package dev.flowgate.gateway.pipeline;

import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.gateway.auth.Jwt;
import dev.flowgate.gateway.auth.JwtPolicy;
import dev.flowgate.gateway.auth.JwtVerifier;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.routing.RouteMatch;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Which credential the route accepts, and the JWT's verification: a {@code jwt_auth} route takes
 * JWTs signed by its JWKS (keys too only beside {@code key_auth}), any other route only keys. The
 * JWT's tenant must be the route's. Waits (without blocking) while the JWKS is being fetched.
 */
final class JwtStage implements RequestStage {

  private final @Nullable JwtVerifier verifier;
  private final @Nullable Timer timer;

  /** @param timer times the verification of calls that present a JWT; calls with keys are not counted */
  JwtStage(@Nullable JwtVerifier verifier, @Nullable Timer timer) {
    this.verifier = verifier;
    this.timer = timer;
  }

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    RouteMatch match = Objects.requireNonNull(exchange.match());
    Route route = match.route();
    Jwt jwt = exchange.jwt();
    if (jwt == null) {
      return match.policies().acceptsKeys() ? null : Problem.of(ProblemType.INVALID_CREDENTIAL,
          "Route " + route.name() + " accepts only JWTs (Authorization: Bearer <JWT>).");
    }
    JwtPolicy policy = match.policies().jwt();
    if (policy == null || verifier == null) {
      return Problem.of(ProblemType.INVALID_CREDENTIAL, "Route " + route.name() + " accepts only API keys.");
    }
    long started = System.nanoTime();
    JwtVerifier.Outcome outcome = verifier.verify(jwt, policy);
    if (timer != null) {
      timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
    if (outcome.pending() != null) {
      exchange.await(outcome.pending());
      return null;
    }
    if (outcome.problem() != null) {
      return outcome.problem();
    }
    if (!route.tenantId().equals(Objects.requireNonNull(exchange.tenant()).id())) {
      return Problem.of(ProblemType.TENANT_MISMATCH, "The JWT's tenant is not the route's.");
    }
    return null;
  }
}
