package dev.flowgate.billing.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotaStateTest {

  @Test
  void below_eighty_percent_of_the_included_calls_is_ok() {
    assertThat(QuotaState.of(79, 100, null)).isEqualTo(QuotaState.OK);
    assertThat(QuotaState.of(0, 0, null)).isEqualTo(QuotaState.OK);
  }

  @Test
  void eighty_percent_is_a_warning_and_all_of_them_is_included_exhausted() {
    assertThat(QuotaState.of(80, 100, null)).isEqualTo(QuotaState.WARNING);
    assertThat(QuotaState.of(100, 100, 150L)).isEqualTo(QuotaState.INCLUDED_EXHAUSTED);
    assertThat(QuotaState.of(149, 100, 150L)).isEqualTo(QuotaState.INCLUDED_EXHAUSTED);
  }

  @Test
  void reaching_the_hard_limit_blocks_even_when_it_equals_the_included_calls() {
    assertThat(QuotaState.of(150, 100, 150L)).isEqualTo(QuotaState.HARD_LIMIT_REACHED);
    assertThat(QuotaState.of(10_000, 10_000, 10_000L)).isEqualTo(QuotaState.HARD_LIMIT_REACHED);
    assertThat(QuotaState.HARD_LIMIT_REACHED.blocked()).isTrue();
    assertThat(QuotaState.INCLUDED_EXHAUSTED.blocked()).isFalse();
  }

  @Test
  void a_plan_without_included_calls_is_exhausted_by_the_first_call() {
    assertThat(QuotaState.of(1, 0, null)).isEqualTo(QuotaState.INCLUDED_EXHAUSTED);
  }

  @Test
  void states_are_written_in_lower_case() {
    assertThat(QuotaState.HARD_LIMIT_REACHED.wire()).isEqualTo("hard_limit_reached");
  }
}
