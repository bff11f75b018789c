package dev.flowgate.gateway.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The configuration every request reads: swapped whole, never mutated. Empty until a snapshot
 * (fresh or from disk) has been loaded; readiness follows it.
 */
@Component
public class RuntimeConfigHolder {

  private final Clock clock;
  private volatile @Nullable RuntimeConfig current;
  private volatile @Nullable Instant confirmedAt;

  public RuntimeConfigHolder(Clock clock) {
    this.clock = clock;
  }

  public @Nullable RuntimeConfig current() {
    return current;
  }

  /** Serves this configuration from now on; {@code confirmedAt} is when it was known current. */
  public void replace(RuntimeConfig config, Instant confirmedAt) {
    this.current = config;
    this.confirmedAt = confirmedAt;
  }

  /** The portal confirmed the current configuration (a 304). */
  public void confirm(Instant at) {
    this.confirmedAt = at;
  }

  public long version() {
    RuntimeConfig config = current;
    return config == null ? -1 : config.version();
  }

  /** How long since the portal last confirmed the configuration; null before any. */
  public @Nullable Duration age() {
    Instant at = confirmedAt;
    return at == null ? null : Duration.between(at, clock.instant());
  }
}
