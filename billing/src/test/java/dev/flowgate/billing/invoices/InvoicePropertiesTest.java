package dev.flowgate.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvoicePropertiesTest {

  @Test
  void the_default_finalises_just_after_midnight_on_the_first() {
    assertThat(new InvoiceProperties(InvoiceProperties.DEFAULT_FINALIZE_CRON).finalizeCron()).isEqualTo("0 5 0 1 * *");
  }

  @Test
  void a_cron_that_does_not_parse_stops_the_start() {
    assertThatThrownBy(() -> new InvoiceProperties("every first of the month"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finalize-cron");
  }
}
