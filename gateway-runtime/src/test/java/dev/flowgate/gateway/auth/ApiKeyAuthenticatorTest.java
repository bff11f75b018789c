package dev.flowgate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.config.GatewaySnapshot;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private final TestSnapshots snapshots = new TestSnapshots();
  private final Tenant acme = snapshots.tenant("acme");
  private final ApiKeyAuthenticator authenticator =
      new ApiKeyAuthenticator(TestSnapshots.PEPPER_BYTES, Clock.fixed(NOW, ZoneOffset.UTC));

  private AuthResult authenticate(String presented) {
    GatewaySnapshot snapshot = snapshots.build();
    return authenticator.authenticate(ApiKeyIndex.of(snapshot.keys()), presented);
  }

  private static ProblemType refusal(AuthResult result) {
    assertThat(result.key()).isNull();
    return result.problem().type();
  }

  @Test
  void an_active_key_is_accepted_by_its_digest() {
    IssuedKey issued = snapshots.key(acme, List.of("*"));

    AuthResult result = authenticate(issued.secret());

    assertThat(result.problem()).isNull();
    assertThat(result.key().id()).isEqualTo(issued.key().id());
  }

  @Test
  void an_unknown_key_is_refused_as_invalid() {
    snapshots.key(acme, List.of("*"));

    assertThat(refusal(authenticate("fg_live_00000000000000000000000000000000"))).isEqualTo(ProblemType.INVALID_CREDENTIAL);
    assertThat(refusal(authenticate("not-a-key"))).isEqualTo(ProblemType.INVALID_CREDENTIAL);
  }

  @Test
  void a_key_digested_under_another_pepper_is_refused() {
    IssuedKey issued = snapshots.key(acme, List.of("*"));
    ApiKeyAuthenticator otherPepper = new ApiKeyAuthenticator("other".getBytes(), Clock.systemUTC());

    AuthResult result = otherPepper.authenticate(ApiKeyIndex.of(snapshots.build().keys()), issued.secret());

    assertThat(refusal(result)).isEqualTo(ProblemType.INVALID_CREDENTIAL);
  }

  @Test
  void a_revoked_key_is_refused() {
    IssuedKey issued = snapshots.key(acme, List.of("*"), "revoked", null);

    assertThat(refusal(authenticate(issued.secret()))).isEqualTo(ProblemType.REVOKED_CREDENTIAL);
  }

  @Test
  void an_expired_key_is_refused_from_the_instant_it_expires() {
    IssuedKey expired = snapshots.key(acme, List.of("*"), "active", NOW);
    IssuedKey stillValid = snapshots.key(acme, List.of("*"), "active", NOW.plusSeconds(1));

    assertThat(refusal(authenticate(expired.secret()))).isEqualTo(ProblemType.EXPIRED_CREDENTIAL);
    assertThat(authenticate(stillValid.secret()).key()).isNotNull();
  }

  @Test
  void a_rotated_out_secret_works_during_its_grace_period_and_the_new_one_too() {
    IssuedKey original = snapshots.key(acme, List.of("*"));
    IssuedKey rotated = snapshots.rotate(original, NOW.plus(Duration.ofHours(24)));

    assertThat(authenticate(original.secret()).key().id()).isEqualTo(original.key().id());
    assertThat(authenticate(rotated.secret()).key().id()).isEqualTo(original.key().id());
  }

  @Test
  void a_rotated_out_secret_is_refused_once_its_grace_period_has_ended() {
    IssuedKey original = snapshots.key(acme, List.of("*"));
    IssuedKey rotated = snapshots.rotate(original, NOW);

    assertThat(refusal(authenticate(original.secret()))).isEqualTo(ProblemType.EXPIRED_CREDENTIAL);
    assertThat(authenticate(rotated.secret()).key()).isNotNull();
  }

  @Test
  void a_rotated_out_secret_of_a_revoked_key_is_refused_even_in_grace() {
    IssuedKey original = snapshots.key(acme, List.of("*"));
    IssuedKey rotated = snapshots.rotate(original, NOW.plus(Duration.ofHours(1)));
    snapshots.revoke(rotated);

    assertThat(refusal(authenticate(original.secret()))).isEqualTo(ProblemType.REVOKED_CREDENTIAL);
  }

  @Test
  void a_wildcard_scope_allows_every_route_and_route_ids_allow_only_their_routes() {
    UUID orders = UUID.randomUUID();
    UUID invoices = UUID.randomUUID();
    IssuedKey everything = snapshots.key(acme, List.of("*"));
    IssuedKey ordersOnly = snapshots.key(acme, List.of(orders.toString()));

    assertThat(ApiKeyAuthenticator.allows(everything.key(), invoices)).isTrue();
    assertThat(ApiKeyAuthenticator.allows(ordersOnly.key(), orders)).isTrue();
    assertThat(ApiKeyAuthenticator.allows(ordersOnly.key(), invoices)).isFalse();
  }

  @Test
  void the_credential_comes_from_x_api_key_first_then_a_bearer_authorization() {
    assertThat(Credential.from("fg_live_a", "Bearer fg_live_b")).isEqualTo(new Credential("fg_live_a", false));
    assertThat(Credential.from(null, "bearer fg_live_b")).isEqualTo(new Credential("fg_live_b", true));
    assertThat(Credential.from(null, "Basic dXNlcjpwYXNz")).isNull();
    assertThat(Credential.from(" ", null)).isNull();
  }
}
