package dev.flowgate.portal.usage;

import dev.flowgate.portal.base.problems.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The checked {@code from}/{@code to}/{@code granularity} of a usage query: today so far by default. */
record UsageRange(Instant from, Instant to, String granularity) {

  static final Set<String> GRANULARITIES = Set.of("hour", "day");
  static final Duration MAX_RANGE = Duration.ofDays(366);

  static UsageRange of(@Nullable Instant from, @Nullable Instant to, String granularity, Clock clock) {
    Instant end = to == null ? clock.instant() : to;
    Instant start = from == null ? clock.instant().truncatedTo(ChronoUnit.DAYS) : from;
    if (!GRANULARITIES.contains(granularity)) {
      throw new InvalidInputException("granularity", "must be hour or day");
    }
    if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
      throw new InvalidInputException("from", "must be before 'to', at most 366 days earlier");
    }
    return new UsageRange(start, end, granularity);
  }
}
