package dev.flowgate.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.billing.web.InvalidRequestException;
import dev.flowgate.billing.web.InvalidRequestException.FieldProblem;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageQueryTest {

  private final String tenant = UUID.randomUUID().toString();

  @Test
  void granularity_and_grouping_default_to_hour_and_none() {
    UsageQuery query = UsageQuery.parse(tenant, "2026-11-23T10:30:00Z", "2026-11-24T00:00:00Z", null, "");
    assertThat(query.granularity()).isEqualTo(UsageQuery.Granularity.HOUR);
    assertThat(query.groupBy()).isEqualTo(UsageQuery.GroupBy.NONE);
    assertThat(query.firstBucket()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
  }

  @Test
  void values_are_case_insensitive_and_offsets_are_accepted() {
    UsageQuery query = UsageQuery.parse(tenant, "2026-11-23T10:00:00+02:00", "2026-11-24T00:00:00Z", "DAY", "Route");
    assertThat(query.from()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
    assertThat(query.granularity()).isEqualTo(UsageQuery.Granularity.DAY);
    assertThat(query.groupBy()).isEqualTo(UsageQuery.GroupBy.ROUTE);
  }

  @Test
  void every_bad_field_is_reported_at_once() {
    assertThatThrownBy(() -> UsageQuery.parse("nope", null, "yesterday", "week", "tenant"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldProblem::field)
                    .containsExactly("tenantId", "from", "to", "granularity", "groupBy"));
  }

  @Test
  void to_must_be_after_from() {
    assertThatThrownBy(() -> UsageQuery.parse(tenant, "2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z", null, null))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.errors()).containsExactly(new FieldProblem("to", "must be after from")));
  }

  @Test
  void hourly_ranges_are_bounded() {
    assertThatThrownBy(() -> UsageQuery.parse(tenant, "2026-01-01T00:00:00Z", "2026-11-01T00:00:00Z", "hour", null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("range exceeds");
  }
}
