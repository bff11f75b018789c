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
}
