package dev.flowgate.billing.metering;

import dev.flowgate.billing.BillingProperties;
import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meters api calls exactly once: each envelope's row is inserted keyed by its event id, and only
 * the envelopes that were actually inserted are added to the hourly and daily aggregates, in the
 * same transaction. A duplicate or replayed record therefore changes nothing.
 */
@Service
public class MeteringService {

  private static final Logger log = LoggerFactory.getLogger(MeteringService.class);

  private final MeteringRepository repository;
  private final Clock clock;
  private final BillingProperties.Metering settings;
  private final Counter metered;
  private final Counter duplicates;
  private final Counter stale;
  private final ApplicationEventPublisher events;

  MeteringService(MeteringRepository repository, Clock clock, BillingProperties properties, MeterRegistry meters,
      ApplicationEventPublisher events) {
    this.repository = repository;
    this.events = events;
    this.clock = clock;
    this.settings = properties.metering();
    this.metered = meters.counter("flowgate.billing.calls.metered");
    this.duplicates = meters.counter("flowgate.billing.calls.duplicates");
    this.stale = meters.counter("flowgate.billing.calls.stale");
  }

  /** Stores and aggregates the calls; returns how many were new. */
  @Transactional
  public int record(List<Envelope<ApiCallRecorded>> envelopes) {
    if (envelopes.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    List<Envelope<ApiCallRecorded>> fresh = withoutStale(envelopes, now);
    boolean[] inserted = repository.insertCalls(fresh, now);
    List<ApiCallRecorded> newCalls = new ArrayList<>(fresh.size());
    for (int i = 0; i < inserted.length; i++) {
      if (inserted[i]) {
        newCalls.add(fresh.get(i).payload());
      }
    }
    Instant lateBefore = now.minus(settings.lateWindow());
    Function<ApiCallRecorded, Instant> meteredAt = call -> meteredAt(call, lateBefore, now);
    repository.add(MeteringRepository.Table.HOURLY, UsageAggregator.aggregate(newCalls, ChronoUnit.HOURS, meteredAt));
    repository.add(MeteringRepository.Table.DAILY, UsageAggregator.aggregate(newCalls, ChronoUnit.DAYS, meteredAt));
    if (!newCalls.isEmpty()) {
      // listeners that must only see committed usage (quotas) use @TransactionalEventListener
      events.publishEvent(new CallsMetered(newCalls.stream().map(ApiCallRecorded::tenantId).collect(Collectors.toSet())));
    }
    metered.increment(newCalls.size());
    duplicates.increment(fresh.size() - newCalls.size());
    return newCalls.size();
  }

  /**
   * A call within the late window counts in its own hour; one later than that counts now, so that
   * hours (and months) long closed, perhaps already invoiced, do not change under their readers.
   */
  private static Instant meteredAt(ApiCallRecorded call, Instant lateBefore, Instant now) {
    return call.timestamp().isBefore(lateBefore) ? now : call.timestamp();
  }

  /**
   * Raw rows older than the retention are deleted, so their event ids can no longer de-duplicate:
   * a record that old is dropped rather than risk counting it twice.
   */
  private List<Envelope<ApiCallRecorded>> withoutStale(List<Envelope<ApiCallRecorded>> envelopes, Instant now) {
    Instant oldest = now.minus(settings.rawRetention());
    List<Envelope<ApiCallRecorded>> fresh = new ArrayList<>(envelopes.size());
    for (Envelope<ApiCallRecorded> envelope : envelopes) {
      if (envelope.payload().timestamp().isBefore(oldest)) {
        stale.increment();
        log.warn("Dropped api-call {} from {}: older than the raw retention", envelope.eventId(),
            envelope.payload().timestamp());
      } else {
        fresh.add(envelope);
      }
    }
    return fresh;
  }
}
