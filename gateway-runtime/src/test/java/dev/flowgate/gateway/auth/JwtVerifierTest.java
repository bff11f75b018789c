package dev.flowgate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.support.TestJwts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

  private static final String TENANT = "7f0c8e43-0000-4000-8000-000000000001";

  private final RSAKey rsa = TestJwts.rsa("r1");
  private final ECKey ec = TestJwts.ec("e1");
  private final RSAKey stranger = TestJwts.rsa("r1");
  private final JwtPolicy policy =
      new JwtPolicy(URI.create("https://idp.test/jwks"), TestJwts.ISSUER, TestJwts.AUDIENCE);
  private final JwtVerifier verifier = new JwtVerifier(
      new JwksCache(uri -> CompletableFuture.completedFuture(TestJwts.jwks(rsa, ec)), Duration.ofSeconds(30),
          Duration.ofMinutes(15), System::nanoTime),
      Clock.systemUTC(), Duration.ofSeconds(30));

  private @Nullable ProblemType verify(String token) {
    Jwt jwt = Objects.requireNonNull(Jwt.parse(token));
    JwtVerifier.Outcome outcome = verifier.verify(jwt, policy);
    if (outcome.pending() != null) {
      outcome.pending().toCompletableFuture().join();
      outcome = verifier.verify(jwt, policy);
    }
    return outcome.problem() == null ? null : outcome.problem().type();
  }

  @Test
  void rs256_and_es256_tokens_signed_by_the_jwks_verify() {
    assertThat(verify(TestJwts.sign(rsa, TestJwts.claims(TENANT).build()))).isNull();
    assertThat(verify(TestJwts.sign(ec, TestJwts.claims(TENANT).build()))).isNull();
  }

  @Test
  void a_token_signed_by_another_key_with_a_known_kid_is_refused() {
    assertThat(verify(TestJwts.sign(stranger, TestJwts.claims(TENANT).build())))
        .isEqualTo(ProblemType.INVALID_CREDENTIAL);
  }

  @Test
  void a_tampered_payload_is_refused() {
    String[] parts = TestJwts.sign(rsa, TestJwts.claims(TENANT).build()).split("\\.");
    String forged = TestJwts.sign(rsa, TestJwts.claims("another-tenant").build()).split("\\.")[1];

    assertThat(verify(parts[0] + "." + forged + "." + parts[2])).isEqualTo(ProblemType.INVALID_CREDENTIAL);
  }

  @Test
  void the_wrong_issuer_or_audience_is_refused() {
    assertThat(verify(TestJwts.sign(rsa, TENANT, c -> c.issuer("https://evil.test/"))))
        .isEqualTo(ProblemType.INVALID_CREDENTIAL);
    assertThat(verify(TestJwts.sign(rsa, TENANT, c -> c.audience("billing-api"))))
        .isEqualTo(ProblemType.INVALID_CREDENTIAL);
  }

  @Test
  void expiry_is_required_and_checked_with_a_small_skew() {
    Instant now = Instant.now();
    assertThat(verify(TestJwts.sign(rsa, TENANT, c -> c.expirationTime(null)))).isEqualTo(ProblemType.INVALID_CREDENTIAL);
    assertThat(verify(TestJwts.sign(rsa, TENANT, c -> c.expirationTime(Date.from(now.minusSeconds(60))))))
        .isEqualTo(ProblemType.EXPIRED_CREDENTIAL);
    assertThat(verify(TestJwts.sign(rsa, TENANT, c -> c.expirationTime(Date.from(now.minusSeconds(10)))))).isNull();
  }

  @Test
  void a_token_not_valid_yet_is_refused_beyond_the_skew() {
    Instant now = Instant.now();
    assertThat(verify(TestJwts.sign(rsa, TENANT, c -> c.notBeforeTime(Date.from(now.plusSeconds(120))))))
        .isEqualTo(ProblemType.INVALID_CREDENTIAL);
    assertThat(verify(TestJwts.sign(rsa, TENANT, c -> c.notBeforeTime(Date.from(now.plusSeconds(10)))))).isNull();
  }

  @Test
  void hmac_signed_tokens_are_refused_whatever_their_secret() throws Exception {
    SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("r1").build(),
        TestJwts.claims(TENANT).build());
    hs.sign(new MACSigner(new byte[32]));

    assertThat(verify(hs.serialize())).isEqualTo(ProblemType.INVALID_CREDENTIAL);
  }

  @Test
  void an_unsigned_token_does_not_even_parse_as_a_signed_jwt() {
    String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
    String body = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("{\"iss\":\"" + TestJwts.ISSUER + "\"}").getBytes());

    assertThat(Jwt.parse(header + "." + body + ".")).isNull();
  }

  @Test
  void an_unknown_kid_is_refused() {
    assertThat(verify(TestJwts.sign(TestJwts.rsa("other"), TestJwts.claims(TENANT).build())))
        .isEqualTo(ProblemType.INVALID_CREDENTIAL);
  }
}
