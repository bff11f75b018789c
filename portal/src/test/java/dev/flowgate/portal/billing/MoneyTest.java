package dev.flowgate.portal.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void minor_units_are_scaled_by_the_currencys_fraction_digits() {
    assertThat(Money.format(1900, "EUR", Locale.UK)).isEqualTo("€19.00");
    assertThat(Money.format(5, "USD", Locale.US)).isEqualTo("$0.05");
    assertThat(Money.format(1900, "JPY", Locale.US)).isEqualTo("¥1,900");
    assertThat(Money.format(12345, "BHD", Locale.UK)).isEqualTo("BHD12.345");
  }

  @Test
  void large_amounts_stay_exact() {
    // 2^53 + 1 minor units cannot be represented by a double
    assertThat(Money.format(9_007_199_254_740_993L, "USD", Locale.US)).isEqualTo("$90,071,992,547,409.93");
  }

  @Test
  void the_locale_decides_separators_and_symbol_position() {
    assertThat(Money.format(123456, "EUR", Locale.GERMANY)).isEqualTo("1.234,56\u00a0€");
    assertThat(Money.format(-250, "EUR", Locale.UK)).isEqualTo("-€2.50");
  }

  @Test
  void an_unknown_currency_shows_the_raw_minor_units() {
    assertThat(Money.format(100, "XXZ", Locale.UK)).contains("100").contains("XXZ");
  }
}
