package dev.flowgate.billing.invoices;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An invoice's state; {@code paid} and {@code void} are final. */
public enum InvoiceStatus {
  DRAFT, OPEN, PAID, PAYMENT_FAILED, VOID;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static InvoiceStatus fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }

  /**
   * Whether news that the invoice is now {@code next} may move it there. Stripe delivers events out
   * of order, so a late {@code invoice.finalized} never reopens a paid or voided invoice.
   */
  public boolean mayBecome(InvoiceStatus next) {
    return switch (this) {
      case PAID, VOID -> false;
      case DRAFT -> next != DRAFT;
      case OPEN -> next == PAID || next == PAYMENT_FAILED || next == VOID;
      case PAYMENT_FAILED -> next == PAID || next == VOID || next == OPEN;
    };
  }
}
