package dev.flowgate.billing.metering;

import dev.flowgate.billing.BillingProperties;
import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
    List<Envelope<ApiCallRecorded>> current = withoutStale(envelopes, now);
    List<Envelope<ApiCallRecorded>> fresh = firstCopies(current);
    int n = fresh.size();
    Instant lateBefore = now.minus(settings.lateWindow());
    Instant[] hours = new Instant[n];
    Instant[] days = new Instant[n];
    for (int i = 0; i < n; i++) {
      Instant at = meteredAt(fresh.get(i).payload(), lateBefore, now);
      hours[i] = at.truncatedTo(ChronoUnit.HOURS);
      days[i] = at.truncatedTo(ChronoUnit.DAYS);
    }
    MeteringRepository.Metered stored = repository.meter(fresh, hours, days, now);
    List<ApiCallRecorded> newCalls = new ArrayList<>(stored.inserted().size());
    List<Instant> newHours = new ArrayList<>(stored.inserted().size());
    List<Instant> newDays = new ArrayList<>(stored.inserted().size());
    for (int i = 0; i < n; i++) {
      if (stored.inserted().contains(fresh.get(i).eventId())) {
        newCalls.add(fresh.get(i).payload());
        newHours.add(hours[i]);
        newDays.add(days[i]);
      }
    }
    repository.setHistograms(
        UsageAggregator.merged(stored.hourly(), UsageAggregator.histograms(newCalls, newHours)),
        UsageAggregator.merged(stored.daily(), UsageAggregator.histograms(newCalls, newDays)));
    if (!newCalls.isEmpty()) {
      // listeners that must only see committed usage (quotas) use @TransactionalEventListener
      events.publishEvent(new CallsMetered(newCalls.stream().map(ApiCallRecorded::tenantId).collect(Collectors.toSet())));
    }
    metered.increment(newCalls.size());
    duplicates.increment(current.size() - newCalls.size());
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

  /** A second copy of an event in the same batch is a duplicate: the statement needs distinct ids. */
  private static List<Envelope<ApiCallRecorded>> firstCopies(List<Envelope<ApiCallRecorded>> envelopes) {
    Set<UUID> seen = new HashSet<>(envelopes.size() * 2);
    List<Envelope<ApiCallRecorded>> first = new ArrayList<>(envelopes.size());
    for (Envelope<ApiCallRecorded> envelope : envelopes) {
      if (seen.add(envelope.eventId())) {
        first.add(envelope);
      }
    }
    return first;
  }
}
