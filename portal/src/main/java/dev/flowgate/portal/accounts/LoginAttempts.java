package dev.flowgate.portal.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per IP: 5 failures lock that account or address for 15
 * minutes. In memory, so per portal instance; a restart forgets the counts. Other throttles (password
 * reset requests) count with their own instance and limits.
 */
@Component
public class LoginAttempts {

  static final int MAX_FAILURES = 5;
  static final Duration LOCKOUT = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 100_000;

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int maxFailures;
  private final Duration lockout;

  @Autowired
  LoginAttempts(Clock clock) {
    this(clock, MAX_FAILURES, LOCKOUT);
  }

  /** A separate counter: {@code maxFailures} within {@code lockout} of each other lock the key for {@code lockout}. */
  LoginAttempts(Clock clock, int maxFailures, Duration lockout) {
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.lockout = lockout;
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
      failures.values().removeIf(f -> f.stale(now, lockout));
    }
    failures.compute(key, (k, previous) -> {
      Failures base = previous == null || previous.stale(now, lockout) ? new Failures(0, now, null) : previous;
      int count = base.count() + 1;
      return new Failures(count, now, count >= maxFailures ? now.plus(lockout) : base.lockedUntil());
    });
  }

  public void succeeded(String key) {
    failures.remove(key);
  }

  private record Failures(int count, Instant lastFailure, @Nullable Instant lockedUntil) {

    /** A lock that has run out, or failures long enough ago to forget. */
    boolean stale(Instant now, Duration lockout) {
      return lockedUntil != null ? !now.isBefore(lockedUntil) : now.isAfter(lastFailure.plus(lockout));
    }
  }
}
