package dev.flowgate.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeRetryBackoffTest {

  @ParameterizedTest(name = "after {0} failed attempts wait {1} minutes")
  @CsvSource({"0, 1", "1, 1", "2, 2", "3, 4", "6, 32", "7, 60", "8, 60", "1000, 60", "2147483647, 60"})
  void retries_back_off_exponentially_up_to_an_hour(int attempts, long minutes) {
    assertThat(StripeInvoiceSync.backoff(attempts)).isEqualTo(Duration.ofMinutes(minutes));
  }
}
