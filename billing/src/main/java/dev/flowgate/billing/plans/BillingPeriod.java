package dev.flowgate.billing.plans;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** A calendar month in UTC: {@code start} inclusive, {@code end} exclusive. */
public record BillingPeriod(Instant start, Instant end) {

  public static BillingPeriod of(YearMonth month) {
    return new BillingPeriod(
        month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
        month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  public static BillingPeriod containing(Instant instant) {
    return of(month(instant));
  }

  public static YearMonth month(Instant instant) {
    return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
  }

  public YearMonth month() {
    return month(start);
  }
}
