package dev.flowgate.billing.invoices;

/** A credit granted to a tenant for a period, in positive minor units. */
public record Credit(String description, long amountMinor) {

  public Credit {
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("a credit is a positive amount: " + amountMinor);
    }
  }
}
