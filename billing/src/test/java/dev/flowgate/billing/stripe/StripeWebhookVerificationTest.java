package dev.flowgate.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.net.Webhook;
import dev.flowgate.billing.web.InvalidRequestException;
import dev.flowgate.billing.web.InvalidSignatureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/** The checks a webhook passes before anything is recorded; applying events is covered by StripeWebhookIT. */
class StripeWebhookVerificationTest {

  static final String SECRET = "whsec_unit";
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final String PAYLOAD = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"invoice.paid\",\"data\":{\"object\":{}}}";

  @SuppressWarnings("DataFlowIssue")
  private static StripeWebhookService service(@Nullable String secret) {
    var properties = new StripeProperties(null, null, secret, Duration.ofSeconds(300), Duration.ofMinutes(1),
        Duration.ofSeconds(2), Duration.ofSeconds(10), 30);
    // verification fails before the invoice side or the database is touched
    return new StripeWebhookService(properties, null, null, null, JsonMapper.builder().build(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static String signed(String payload, Instant at, String secret) throws Exception {
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(secret, t + "." + payload);
  }

  @Test
  void webhooks_are_refused_while_no_secret_is_configured() {
    assertThatThrownBy(() -> service(" ").receive(PAYLOAD, "t=1,v1=00"))
        .isInstanceOfSatisfying(ErrorResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
  }

  @Test
  void a_missing_signature_is_an_invalid_signature() {
    assertThatThrownBy(() -> service(SECRET).receive(PAYLOAD, null))
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("missing");
  }

  @Test
  void a_signature_older_than_the_tolerance_is_refused_by_our_clock() throws Exception {
    String header = signed(PAYLOAD, NOW.minusSeconds(301), SECRET);

    assertThatThrownBy(() -> service(SECRET).receive(PAYLOAD, header)).isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void a_garbled_header_is_an_invalid_signature() {
    assertThatThrownBy(() -> service(SECRET).receive(PAYLOAD, "nonsense")).isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void a_genuinely_signed_body_that_is_no_event_is_a_bad_request() throws Exception {
    String body = "[1,2,3]";

    assertThatThrownBy(() -> service(SECRET).receive(body, signed(body, NOW, SECRET)))
        .isInstanceOf(InvalidRequestException.class);
  }
}
