package dev.flowgate.portal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

  private final MutableClock clock = new MutableClock();
  private final LoginAttempts attempts = new LoginAttempts(clock);
  private final String key = LoginAttempts.account("Ada@Example.com");

  @Test
  void five_failures_lock_for_fifteen_minutes() {
    for (int i = 0; i < 4; i++) {
      attempts.failed(key);
    }
    assertThat(attempts.isLocked(key)).isFalse();
    attempts.failed(key);
    assertThat(attempts.isLocked(LoginAttempts.account("ada@example.com"))).isTrue();

    clock.advance(Duration.ofMinutes(14));
    assertThat(attempts.isLocked(key)).isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(attempts.isLocked(key)).isFalse();
  }

  @Test
  void a_success_or_a_quiet_quarter_hour_forgets_earlier_failures() {
    for (int i = 0; i < 4; i++) {
      attempts.failed(key);
    }
    attempts.succeeded(key);
    attempts.failed(key);
    assertThat(attempts.isLocked(key)).isFalse();

    for (int i = 0; i < 3; i++) {
      attempts.failed(key);
    }
    clock.advance(Duration.ofMinutes(16));
    attempts.failed(key);
    assertThat(attempts.isLocked(key)).isFalse();
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
