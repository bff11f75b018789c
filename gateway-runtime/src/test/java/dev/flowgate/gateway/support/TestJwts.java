package dev.flowgate.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Signing keys generated per test run, and JWTs signed with them. */
public final class TestJwts {

  public static final String ISSUER = "https://idp.test/";
  public static final String AUDIENCE = "orders-api";

  private TestJwts() {}

  public static RSAKey rsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ECKey ec(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public JWKS document of the keys. */
  public static String jwks(JWK... keys) {
    return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
  }

  /** Valid claims for 5 minutes: issuer, audience, subject {@code alice}, {@code tenant_id}. */
  public static JWTClaimsSet.Builder claims(String tenantId) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("alice")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("tenant_id", tenantId);
  }

  public static String sign(JWK key, JWTClaimsSet claims) {
    try {
      if (key instanceof RSAKey rsa) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(rsa));
        return jwt.serialize();
      }
      ECKey ec = (ECKey) key;
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(), claims);
      jwt.sign(new ECDSASigner(ec));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sign(JWK key, String tenantId, UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(key, change.apply(claims(tenantId)).build());
  }

  public static Policy jwtPolicy(String jwksUri) {
    return new Policy("jwt_auth", EventCodec.mapper().createObjectNode()
        .put("jwksUri", jwksUri).put("issuer", ISSUER).put("audience", AUDIENCE));
  }
}
