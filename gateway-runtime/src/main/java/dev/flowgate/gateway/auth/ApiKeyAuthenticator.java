package dev.flowgate.gateway.auth;

import dev.flowgate.contracts.config.GatewaySnapshot.ApiKey;
import dev.flowgate.contracts.keys.ApiKeys;
import dev.flowgate.gateway.problems.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Checks a presented key against the snapshot: digest lookup, then status, expiry and, for a
 * rotated-out secret, its grace period.
 */
public final class ApiKeyAuthenticator {

  private final byte[] pepper;
  private final Clock clock;

  public ApiKeyAuthenticator(byte[] pepper, Clock clock) {
    this.pepper = pepper.clone();
    this.clock = clock;
  }

  public AuthResult authenticate(ApiKeyIndex keys, String presented) {
    if (!ApiKeys.looksLikeKey(presented)) {
      return AuthResult.refused(ProblemType.INVALID_CREDENTIAL, "The API key is not a Flowgate key.");
    }
    ApiKeyIndex.Candidate candidate = keys.find(ApiKeys.digest(pepper, presented));
    if (candidate == null) {
      return AuthResult.refused(ProblemType.INVALID_CREDENTIAL, "The API key is not known.");
    }
    ApiKey key = candidate.key();
    Instant now = clock.instant();
    if (!"active".equalsIgnoreCase(key.status())) {
      return AuthResult.refused(ProblemType.REVOKED_CREDENTIAL, "The API key has been revoked.");
    }
    if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
      return AuthResult.refused(ProblemType.EXPIRED_CREDENTIAL, "The API key expired at " + key.expiresAt() + ".");
    }
    if (candidate.previous() && (key.previousValidUntil() == null || !now.isBefore(key.previousValidUntil()))) {
      return AuthResult.refused(
          ProblemType.EXPIRED_CREDENTIAL, "The API key was rotated and its grace period has ended.");
    }
    return AuthResult.accepted(key);
  }

  /** Whether the key's scopes cover the route: {@code *} or the route's id. */
  public static boolean allows(ApiKey key, UUID routeId) {
    String id = null; // formatted only for a key with route scopes, not for the common "*"
    for (String scope : key.scopes()) {
      if (scope.equals("*")) {
        return true;
      }
      if (id == null) {
        id = routeId.toString();
      }
      if (scope.equalsIgnoreCase(id)) {
        return true;
      }
    }
    return false;
  }
}
