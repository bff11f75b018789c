package dev.flowgate.portal.base.problems;

/** A suspended tenant's user tried to change something: 403 {@code tenant-suspended}. */
public class TenantSuspendedException extends RuntimeException {

  public static final String DETAIL =
      "This organisation is suspended by the platform: changes are refused until it is reinstated";

  public TenantSuspendedException() {
    super(DETAIL);
  }
}
