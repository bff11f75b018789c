package dev.flowgate.billing.usage;

import dev.flowgate.billing.web.InvalidRequestException;
import dev.flowgate.billing.web.InvalidRequestException.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A validated usage request. Buckets whose start lies in {@code [from truncated to the bucket, to)}
 * are reported: hourly aggregates for {@code hour}, daily aggregates for {@code day}.
 */
record UsageQuery(UUID tenantId, Instant from, Instant to, Granularity granularity, GroupBy groupBy) {

  static final Duration MAX_HOURLY_RANGE = Duration.ofDays(93);
  static final Duration MAX_DAILY_RANGE = Duration.ofDays(732);

  enum Granularity {
    HOUR(ChronoUnit.HOURS),
    DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    Granularity(ChronoUnit unit) {
      this.unit = unit;
    }

    Instant bucketOf(Instant hour) {
      return hour.truncatedTo(unit);
    }

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  enum GroupBy {
    NONE,
    KEY,
    ROUTE;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** First bucket to read: the hour or UTC day {@code from} falls in. */
  Instant firstBucket() {
    return granularity.bucketOf(from);
  }

  static UsageQuery parse(
      @Nullable String tenantId,
      @Nullable String from,
      @Nullable String to,
      @Nullable String granularity,
      @Nullable String groupBy) {
    List<FieldProblem> errors = new ArrayList<>();
    UUID tenant = parse(errors, "tenantId", tenantId, UUID::fromString, "must be a UUID");
    Instant start = parse(errors, "from", from, Instant::parse, "must be an ISO-8601 instant");
    Instant end = parse(errors, "to", to, Instant::parse, "must be an ISO-8601 instant");
    Granularity unit =
        granularity == null || granularity.isBlank()
            ? Granularity.HOUR
            : parse(errors, "granularity", granularity, v -> enumOf(Granularity.class, v), "must be hour or day");
    GroupBy grouping =
        groupBy == null || groupBy.isBlank()
            ? GroupBy.NONE
            : parse(errors, "groupBy", groupBy, v -> enumOf(GroupBy.class, v), "must be none, key or route");
    if (start != null && end != null && unit != null) {
      Duration range = Duration.between(start, end);
      Duration max = unit == Granularity.HOUR ? MAX_HOURLY_RANGE : MAX_DAILY_RANGE;
      if (!range.isPositive()) {
        errors.add(new FieldProblem("to", "must be after from"));
      } else if (range.compareTo(max) > 0) {
        errors.add(new FieldProblem("to", "range exceeds " + max.toDays() + " days for granularity " + unit.wire()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new UsageQuery(tenant, start, end, unit, grouping);
  }

  private interface Parser<T> {
    T parse(String value);
  }

  @SuppressWarnings("NullAway")
  private static <T> T parse(List<FieldProblem> errors, String field, @Nullable String value, Parser<T> parser, String rule) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldProblem(field, "is required"));
      return null;
    }
    try {
      return parser.parse(value.trim());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      errors.add(new FieldProblem(field, rule));
      return null;
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
  }
}
