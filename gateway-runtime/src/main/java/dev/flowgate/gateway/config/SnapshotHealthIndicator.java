package dev.flowgate.gateway.config;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Part of readiness: UP once a snapshot, fresh or from disk, is being served. */
@Component
class SnapshotHealthIndicator implements HealthIndicator {

  private final RuntimeConfigHolder holder;

  SnapshotHealthIndicator(RuntimeConfigHolder holder) {
    this.holder = holder;
  }

  @Override
  public Health health() {
    if (holder.current() == null) {
      return Health.outOfService().withDetail("reason", "no snapshot loaded yet").build();
    }
    Duration age = holder.age();
    return Health.up()
        .withDetail("version", holder.version())
        .withDetail("ageSeconds", age == null ? -1 : age.toSeconds())
        .build();
  }
}
