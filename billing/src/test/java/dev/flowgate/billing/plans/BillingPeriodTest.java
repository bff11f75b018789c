package dev.flowgate.billing.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class BillingPeriodTest {

  @Test
  void a_period_is_a_calendar_month_in_utc_with_an_exclusive_end() {
    BillingPeriod period = BillingPeriod.of(YearMonth.of(2026, 2));

    assertThat(period.start()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(period.end()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
  }

  @Test
  void december_ends_in_january_of_the_next_year() {
    assertThat(BillingPeriod.of(YearMonth.of(2026, 12)).end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void the_last_instant_of_a_month_still_belongs_to_it() {
    assertThat(BillingPeriod.containing(Instant.parse("2026-11-30T23:59:59.999Z")).month()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(BillingPeriod.containing(Instant.parse("2026-12-01T00:00:00Z")).month()).isEqualTo(YearMonth.of(2026, 12));
  }
}
