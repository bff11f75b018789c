package dev.flowgate.gateway.auth;

import dev.flowgate.contracts.config.GatewaySnapshot.ApiKey;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import org.jspecify.annotations.Nullable;

/** Either the key that authenticated the call, or the problem that refuses it. */
public record AuthResult(@Nullable ApiKey key, @Nullable Problem problem) {

  static AuthResult accepted(ApiKey key) {
    return new AuthResult(key, null);
  }

  static AuthResult refused(ProblemType type, String detail) {
    return new AuthResult(null, Problem.of(type, detail));
  }
}
