package dev.flowgate.portal.billing;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Formats billing's amounts, integers in minor units with an ISO currency, for people: the minor
 * units are scaled by the currency's own fraction digits as a {@link BigDecimal}, never a double.
 */
public final class Money {

  private Money() {}

  public static String format(long minor, String currencyCode, Locale locale) {
    Currency currency;
    try {
      currency = Currency.getInstance(currencyCode);
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return minor + " (minor units, " + currencyCode + ")";
    }
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(currency);
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(BigDecimal.valueOf(minor, digits));
  }

  public static String count(long value, Locale locale) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }
}
