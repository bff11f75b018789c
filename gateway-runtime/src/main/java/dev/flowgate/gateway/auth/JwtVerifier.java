package dev.flowgate.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a bearer JWT for a route: RS256 or ES256 only, signed by a key of the route's JWKS,
 * {@code iss} and {@code aud} as configured, {@code exp} required and {@code nbf} honoured, both
 * with a small clock skew.
 */
public final class JwtVerifier {

  private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  /** Verified (both null), refused ({@code problem}), or waiting for the JWKS ({@code pending}). */
  public record Outcome(@Nullable Problem problem, @Nullable CompletionStage<?> pending) {
    static final Outcome VERIFIED = new Outcome(null, null);

    static Outcome refused(ProblemType type, String detail) {
      return new Outcome(Problem.of(type, detail), null);
    }
  }

  private final JwksCache keys;
  private final Clock clock;
  private final Duration skew;

  public JwtVerifier(JwksCache keys, Clock clock, Duration skew) {
    this.keys = keys;
    this.clock = clock;
    this.skew = skew;
  }

  public Outcome verify(Jwt jwt, JwtPolicy policy) {
    JWSAlgorithm algorithm = jwt.token().getHeader().getAlgorithm();
    if (!ACCEPTED.contains(algorithm)) {
      return Outcome.refused(ProblemType.INVALID_CREDENTIAL, "JWTs must be signed with RS256 or ES256.");
    }
    JwksCache.Lookup lookup = keys.find(policy.jwksUri(), jwt.token().getHeader().getKeyID(), algorithm);
    if (lookup.pending() != null) {
      return new Outcome(null, lookup.pending());
    }
    if (lookup.key() == null) {
      return lookup.unavailable()
          ? new Outcome(new Problem(ProblemType.JWKS_UNAVAILABLE,
              "The keys that verify this route's JWTs could not be fetched.", 5), null)
          : Outcome.refused(ProblemType.INVALID_CREDENTIAL, "The JWT is signed by a key the route does not know.");
    }
    if (!signatureValid(jwt, algorithm, lookup.key())) {
      return Outcome.refused(ProblemType.INVALID_CREDENTIAL, "The JWT's signature does not verify.");
    }
    return claims(jwt.claims(), policy);
  }

  private static boolean signatureValid(Jwt jwt, JWSAlgorithm algorithm, JWK key) {
    try {
      JWSVerifier verifier;
      if (algorithm.equals(JWSAlgorithm.RS256) && key instanceof RSAKey rsa) {
        verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
      } else if (algorithm.equals(JWSAlgorithm.ES256) && key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
        verifier = new ECDSAVerifier(ec.toECPublicKey());
      } else {
        return false;
      }
      return jwt.token().verify(verifier);
    } catch (JOSEException | IllegalStateException e) {
      return false;
    }
  }

  private Outcome claims(JWTClaimsSet claims, JwtPolicy policy) {
    if (!policy.issuer().equals(claims.getIssuer())) {
      return Outcome.refused(ProblemType.INVALID_CREDENTIAL, "The JWT's issuer is not the one this route trusts.");
    }
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(policy.audience())) {
      return Outcome.refused(ProblemType.INVALID_CREDENTIAL, "The JWT is not meant for this route's audience.");
    }
    Instant now = clock.instant();
    Date expires = claims.getExpirationTime();
    if (expires == null) {
      return Outcome.refused(ProblemType.INVALID_CREDENTIAL, "The JWT has no expiry (exp).");
    }
    if (!now.minus(skew).isBefore(expires.toInstant())) {
      return Outcome.refused(ProblemType.EXPIRED_CREDENTIAL, "The JWT expired at " + expires.toInstant() + ".");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.plus(skew).isBefore(notBefore.toInstant())) {
      return Outcome.refused(ProblemType.INVALID_CREDENTIAL, "The JWT is not valid before " + notBefore.toInstant() + ".");
    }
    return Outcome.VERIFIED;
  }
}
