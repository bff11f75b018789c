package dev.flowgate.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StripePropertiesTest {

  private static StripeProperties properties(@Nullable String key, @Nullable String base) {
    return new StripeProperties(key, base, null, Duration.ofSeconds(300), Duration.ofMinutes(1),
        Duration.ofSeconds(2), Duration.ofSeconds(10), 30);
  }

  @Test
  void without_an_api_key_billing_talks_to_the_local_stub() {
    StripeProperties stub = properties("", null);

    assertThat(stub.usesStub()).isTrue();
    assertThat(stub.effectiveApiBase()).isEqualTo("http://127.0.0.1:12111");
    assertThat(stub.effectiveApiKey()).isNotBlank();
  }

  @Test
  void with_an_api_key_billing_talks_to_stripe_itself() {
    StripeProperties real = properties("sk_live_x", " ");

    assertThat(real.usesStub()).isFalse();
    assertThat(real.effectiveApiBase()).isNull();
    assertThat(real.effectiveApiKey()).isEqualTo("sk_live_x");
  }

  @Test
  void an_explicit_api_base_wins_either_way() {
    assertThat(properties(null, "http://127.0.0.1:9999").effectiveApiBase()).isEqualTo("http://127.0.0.1:9999");
    assertThat(properties("sk_test_y", "http://127.0.0.1:9999").effectiveApiBase()).isEqualTo("http://127.0.0.1:9999");
  }
}
