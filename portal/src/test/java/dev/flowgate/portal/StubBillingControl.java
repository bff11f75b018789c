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

  /** The {@code traceparent} of the last usage request billing received. */
  public static String lastTraceparent() {
    return StubBilling.lastTraceparent.get();
  }

  /** The calls this period billing reports for the tenant. */
  public static void callsThisPeriod(java.util.UUID tenantId, long calls) {
    StubBilling.calls.put(tenantId.toString(), calls);
  }

  /** The usage billing reports for the tenant: the JSON members {@code "totals":{...},"series":[...]}. */
  public static void usage(java.util.UUID tenantId, String totalsAndSeries) {
    StubBilling.usage.put(tenantId.toString(), totalsAndSeries);
  }

  /** Billing reports the tenant in its cross-tenant usage and invoices, on the plan with the calls. */
  public static void billedTenant(java.util.UUID tenantId, String planCode, long calls) {
    StubBillingAdmin.usagePlans.put(tenantId.toString(), planCode);
    StubBillingAdmin.usageCalls.put(tenantId.toString(), new long[] {calls});
  }

  /** The usage alerts billing reports for the tenant, a JSON array. */
  public static void alerts(java.util.UUID tenantId, String json) {
    StubBilling.alerts.put(tenantId.toString(), json);
  }

  /** How many rows each CSV export streams; with a gate, half of them, then the rest once the gate opens. */
  public static void exportRows(int rows, java.util.concurrent.CountDownLatch gate) {
    StubBillingAdmin.exportRows = rows;
    StubBillingAdmin.exportGate = gate;
  }

  /** The path and query of the last request billing received. */
  public static String lastRequest() {
    var uri = StubBilling.lastRequest.get();
    return uri == null ? null : uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
