package dev.flowgate.billing.plans;

import org.jspecify.annotations.Nullable;

/**
 * A plan; amounts are minor units of {@code currency} (ISO 4217).
 *
 * @param hardLimitCalls calls per period after which the gateway refuses, or null for none
 */
public record Plan(
    String code,
    String name,
    String currency,
    long basePriceMinor,
    long includedCalls,
    long overagePerThousandMinor,
    @Nullable Long hardLimitCalls) {

  /** The plan of a tenant that never chose one. */
  public static final String DEFAULT_CODE = "free";
}
