package dev.flowgate.portal.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per IP: 5 failures lock that account or address for 15
 * minutes. In memory, so per portal instance; a restart forgets the counts.
 */
@Component
public class LoginAttempts {

  static final int MAX_FAILURES = 5;
  static final Duration LOCKOUT = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 100_000;

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginAttempts(Clock clock) {
    this.clock = clock;
  }

  public static String account(String email) {
    return "account:" + email.strip().toLowerCase(Locale.ROOT);
  }

  public static String address(String ip) {
    return "ip:" + ip;
  }

  public boolean isLocked(String key) {
    Failures current = failures.get(key);
    return current != null && current.lockedUntil() != null && clock.instant().isBefore(current.lockedUntil());
  }

  public void failed(String key) {
    Instant now = clock.instant();
    if (failures.size() > MAX_TRACKED) {
      failures.values().removeIf(f -> f.stale(now));
    }
    failures.compute(key, (k, previous) -> {
      Failures base = previous == null || previous.stale(now) ? new Failures(0, now, null) : previous;
      int count = base.count() + 1;
      return new Failures(count, now, count >= MAX_FAILURES ? now.plus(LOCKOUT) : base.lockedUntil());
    });
  }

  public void succeeded(String key) {
    failures.remove(key);
  }

  private record Failures(int count, Instant lastFailure, @Nullable Instant lockedUntil) {

    /** A lock that has run out, or failures long enough ago to forget. */
    boolean stale(Instant now) {
      return lockedUntil != null ? !now.isBefore(lockedUntil) : now.isAfter(lastFailure.plus(LOCKOUT));
    }
  }
}
