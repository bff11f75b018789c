package dev.flowgate.portal;

/** Lets tests in other packages steer and inspect {@link StubBilling}. */
public final class StubBillingControl {

  private StubBillingControl() {}

  public static void failing(boolean failing) {
    StubBilling.failing = failing;
  }

  public static String lastQuery() {
    var uri = StubBilling.lastRequest.get();
    return uri == null ? null : uri.getRawQuery();
  }

  public static String lastAuthorization() {
    return StubBilling.lastAuthorization.get();
  }

  /** The calls this period billing reports for the tenant. */
  public static void callsThisPeriod(java.util.UUID tenantId, long calls) {
    StubBilling.calls.put(tenantId.toString(), calls);
  }

  /** The usage billing reports for the tenant: the JSON members {@code "totals":{...},"series":[...]}. */
  public static void usage(java.util.UUID tenantId, String totalsAndSeries) {
    StubBilling.usage.put(tenantId.toString(), totalsAndSeries);
  }
}
