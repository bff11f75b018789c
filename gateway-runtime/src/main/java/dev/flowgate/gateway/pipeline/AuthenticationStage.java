package dev.flowgate.gateway.pipeline;

import dev.flowgate.gateway.auth.ApiKeyAuthenticator;
import dev.flowgate.gateway.auth.AuthResult;
import dev.flowgate.gateway.auth.Credential;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code X-API-Key} or {@code Authorization: Bearer}: a known, active, unexpired key, or 401. */
final class AuthenticationStage implements RequestStage {

  private final ApiKeyAuthenticator authenticator;

  AuthenticationStage(ApiKeyAuthenticator authenticator) {
    this.authenticator = authenticator;
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
    AuthResult result = authenticator.authenticate(exchange.config().keys(), credential.value());
    if (result.problem() != null) {
      return result.problem();
    }
    exchange.key(Objects.requireNonNull(result.key()));
    return null;
  }
}
