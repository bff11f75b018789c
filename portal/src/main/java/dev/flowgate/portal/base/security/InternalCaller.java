package dev.flowgate.portal.base.security;

/**
 * The principal of a request on {@code /internal/**} that presented the internal token: another
 * Flowgate runtime (gateway snapshot, worker's version fetch), working across tenants.
 */
enum InternalCaller {
  INSTANCE;

  @Override
  public String toString() {
    return "internal";
  }
}
