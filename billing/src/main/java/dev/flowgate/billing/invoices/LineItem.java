package dev.flowgate.billing.invoices;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** One line of an invoice; amounts in minor units, negative for credits. */
public record LineItem(Kind kind, String description, long quantity, long unitAmountMinor, long amountMinor) {

  /** What a line charges for; written in lower case. */
  public enum Kind {
    BASE, OVERAGE, CREDIT, TAX;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind fromWire(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }
}
