package dev.flowgate.portal.routing;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}). */
record Cidr(byte[] network, int prefixLength) {

  /** Parses {@code address/length}; a bare literal address means a single host. Never does DNS. */
  static Cidr parse(String text) {
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    if (address.isEmpty() || !(address.contains(":") || address.matches("[0-9.]+"))) {
      throw new IllegalArgumentException("not a CIDR: " + text);
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not a CIDR: " + text, e);
    }
    int length = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
    if (length < 0 || length > bytes.length * 8) {
      throw new IllegalArgumentException("bad prefix length: " + text);
    }
    return new Cidr(bytes, length);
  }

  boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (candidate[full] & mask) == (network[full] & mask);
  }
}
