package dev.flowgate.gateway.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** {@code flowgate_gateway_snapshot_version} and {@code _age_seconds} (since the portal last confirmed it). */
@Component
class SnapshotMetrics implements MeterBinder {

  private final RuntimeConfigHolder holder;

  SnapshotMetrics(RuntimeConfigHolder holder) {
    this.holder = holder;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("flowgate.gateway.snapshot.version", holder, RuntimeConfigHolder::version)
        .description("Version of the configuration snapshot being served, -1 before any")
        .register(registry);
    Gauge.builder("flowgate.gateway.snapshot.age", holder, SnapshotMetrics::ageSeconds)
        .description("Seconds since the portal last confirmed the snapshot being served")
        .baseUnit("seconds")
        .register(registry);
  }

  private static double ageSeconds(RuntimeConfigHolder holder) {
    Duration age = holder.age();
    return age == null ? Double.NaN : age.toMillis() / 1000.0;
  }
}
