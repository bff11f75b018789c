package dev.flowgate.billing.metering;

import dev.flowgate.billing.BillingProperties;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes raw api-call rows past their retention (90 days by default); aggregates stay. */
@Component
class RawCallRetention {

  private static final Logger log = LoggerFactory.getLogger(RawCallRetention.class);
  private static final int CHUNK = 10_000;

  private final MeteringRepository repository;
  private final Clock clock;
  private final BillingProperties.Metering settings;

  RawCallRetention(MeteringRepository repository, Clock clock, BillingProperties properties) {
    this.repository = repository;
    this.clock = clock;
    this.settings = properties.metering();
  }

  @Scheduled(cron = "${flowgate.billing.metering.retention-cron:0 17 3 * * *}", zone = "UTC")
  void deleteExpiredCalls() {
    Instant cutoff = clock.instant().minus(settings.rawRetention());
    long deleted = 0;
    int chunk;
    do {
      chunk = repository.deleteCallsBefore(cutoff, CHUNK);
      deleted += chunk;
    } while (chunk == CHUNK);
    if (deleted > 0) {
      log.info("Deleted {} raw api-call rows older than {}", deleted, cutoff);
    }
  }
}
