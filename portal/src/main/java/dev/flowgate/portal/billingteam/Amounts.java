package dev.flowgate.portal.billingteam;

import dev.flowgate.portal.billing.Money;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Billing's minor-unit amounts and counts as the billing team's screens show them. */
final class Amounts {

  private Amounts() {}

  static String money(JsonNode row, String field, @Nullable Locale locale) {
    return Money.format(row.path(field).asLong(0), row.path("currency").asString(""), locale(locale));
  }

  static String count(long value, @Nullable Locale locale) {
    return Money.count(value, locale(locale));
  }

  static Locale locale(@Nullable Locale locale) {
    return locale == null ? Locale.UK : locale;
  }
}
