package dev.flowgate.gateway.pipeline;

import dev.flowgate.gateway.auth.ApiKeyAuthenticator;
import dev.flowgate.gateway.auth.AuthResult;
import dev.flowgate.gateway.auth.Credential;
import dev.flowgate.gateway.auth.Jwt;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code X-API-Key} or {@code Authorization: Bearer}: a known, active, unexpired key, or 401. A
 * bearer JWT (where accepted) is only parsed here: the JWT stage verifies it once the route, and
 * so its JWKS, is known.
 */
final class AuthenticationStage implements RequestStage {

  private final ApiKeyAuthenticator authenticator;
  private final boolean acceptJwt;

  AuthenticationStage(ApiKeyAuthenticator authenticator, boolean acceptJwt) {
    this.authenticator = authenticator;
    this.acceptJwt = acceptJwt;
  }

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    Credential credential =
        Credential.from(exchange.headers().get("X-API-Key"), exchange.headers().get("Authorization"));
    if (credential == null) {
      return Problem.of(
          ProblemType.MISSING_CREDENTIAL, "Send an API key in X-API-Key or Authorization: Bearer.");
    }
    exchange.credential(credential);
    if (acceptJwt && credential.fromAuthorization() && Jwt.looksLikeJwt(credential.value())) {
      Jwt jwt = Jwt.parse(credential.value());
      if (jwt == null) {
        return Problem.of(ProblemType.INVALID_CREDENTIAL, "The bearer token is not a valid signed JWT.");
      }
      exchange.jwt(jwt);
      return null;
    }
    AuthResult result = authenticator.authenticate(exchange.config().keys(), credential.value());
    if (result.problem() != null) {
      return result.problem();
    }
    exchange.key(Objects.requireNonNull(result.key()));
    return null;
  }
}
