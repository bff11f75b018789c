package dev.flowgate.gateway.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.flowgate.contracts.keys.ApiKeys;
import java.text.ParseException;
import org.jspecify.annotations.Nullable;

/**
 * A bearer JWT as presented, parsed but not yet verified: nothing in it may be trusted until
 * {@link JwtVerifier} has checked it against the route's JWKS.
 */
public record Jwt(SignedJWT token, JWTClaimsSet claims) {

  public static final String TENANT_CLAIM = "tenant_id";

  /** Three dot-separated parts and not a Flowgate key. */
  public static boolean looksLikeJwt(String value) {
    int first = value.indexOf('.');
    return first > 0 && value.indexOf('.', first + 1) > first + 1 && !ApiKeys.looksLikeKey(value);
  }

  /** @return null when the value is not a signed JWT with a JSON claims set */
  public static @Nullable Jwt parse(String value) {
    try {
      SignedJWT token = SignedJWT.parse(value);
      return new Jwt(token, token.getJWTClaimsSet());
    } catch (ParseException | RuntimeException e) {
      return null;
    }
  }

  /** The {@code tenant_id} claim (tenant id or slug), null when absent or not a string. */
  public @Nullable String tenantClaim() {
    Object value = claims.getClaim(TENANT_CLAIM);
    return value instanceof String text && !text.isBlank() ? text.strip() : null;
  }

  public String subject() {
    String subject = claims.getSubject();
    return subject == null || subject.isBlank() ? "-" : subject;
  }
}
