package dev.flowgate.gateway.proxy;

import io.netty.util.NetUtil;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The connect-time SSRF rule: an upstream address that is loopback, link-local, private or
 * otherwise internal is refused unless an allowed CIDR (FLOWGATE_UPSTREAM_ALLOW) contains it;
 * link-local (169.254.0.0/16, fe80::/10: cloud metadata) is refused whatever the allow-list says.
 * Checked on the resolved address that is then connected to, so DNS rebinding does not pass.
 */
public final class UpstreamAddressGuard {

  private static final List<Cidr> INTERNAL =
      List.of(
          "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "172.16.0.0/12", "192.0.0.0/24",
          "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
          "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "64:ff9b::/96", "100::/64", "fc00::/7",
          "ff00::/8")
          .stream().map(Cidr::parse).toList();
  private static final List<Cidr> NEVER = List.of(Cidr.parse("169.254.0.0/16"), Cidr.parse("fe80::/10"));

  private final List<Cidr> allowed;

  /** @param allowedCidrs CIDRs or single addresses; blank entries are ignored */
  public UpstreamAddressGuard(List<String> allowedCidrs) {
    this.allowed = allowedCidrs.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
  }

  public boolean permits(InetAddress address) {
    if (anyContains(NEVER, address)) {
      return false;
    }
    boolean internal = address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isSiteLocalAddress()
        || address.isMulticastAddress() || anyContains(INTERNAL, address);
    return !internal || anyContains(allowed, address);
  }

  // checked on every call: a loop, where a stream allocated its pipeline each time
  private static boolean anyContains(List<Cidr> blocks, InetAddress address) {
    for (Cidr block : blocks) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** An address block, IPv4 or IPv6. */
  public record Cidr(byte[] network, int prefixLength) {

    /** @throws IllegalArgumentException when the text is not an IP literal with an optional prefix */
    public static Cidr parse(String text) {
      int slash = text.indexOf('/');
      String host = slash < 0 ? text : text.substring(0, slash);
      InetAddress address = literal(host);
      int bits = address.getAddress().length * 8;
      int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("bad prefix length in " + text);
      }
      return new Cidr(address.getAddress(), prefix);
    }

    public boolean contains(InetAddress address) {
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

    private static InetAddress literal(String host) {
      if (!isLiteral(host)) {
        throw new IllegalArgumentException("not an IP address: " + host);
      }
      try {
        return ofLiteral(host);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address: " + host, e);
      }
    }
  }

  /**
   * The host's address: a literal as is, a name through Vert.x's non-blocking resolver. Never a
   * blocking lookup: callers run on an event loop.
   */
  static Future<InetAddress> resolve(Vertx vertx, String host) {
    if (isLiteral(host)) {
      try {
        return Future.succeededFuture(ofLiteral(host));
      } catch (UnknownHostException e) {
        return Future.failedFuture(e);
      }
    }
    return ((VertxInternal) vertx).nameResolver().resolve(host);
  }

  /**
   * Whether the host must be an IP literal: it holds a ':' (no name does) or looks like a dotted
   * quad. Such a host is read by {@link #ofLiteral}, or refused, and never looked up.
   */
  public static boolean isLiteral(String host) {
    if (host.indexOf(':') >= 0) {
      return true;
    }
    // four groups of one to three digits, as \d{1,3}(\.\d{1,3}){3} reads them, without a regex per call
    int groups = 0;
    int digits = 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 3) {
          return false;
        }
      } else if (c == '.' && digits > 0 && groups < 3) {
        groups++;
        digits = 0;
      } else {
        return false;
      }
    }
    return groups == 3 && digits > 0;
  }

  /**
   * Reads an IP literal (dotted-quad IPv4, IPv6 with or without brackets; an IPv4-mapped IPv6
   * address as the IPv4 address) without any lookup. {@code InetAddress.getByName} would ask the
   * system resolver, blocking the event loop, about what merely resembles one ({@code 999.1.1.1},
   * {@code name:80}), and a caller's {@code X-Forwarded-For} may hold anything.
   *
   * @throws UnknownHostException when the text is not an IP literal
   */
  public static InetAddress ofLiteral(String host) throws UnknownHostException {
    InetAddress address = NetUtil.createInetAddressFromIpAddressString(host);
    if (!(address instanceof Inet4Address) && !(address instanceof Inet6Address)) {
      throw new UnknownHostException(host + ": not an IP address literal");
    }
    return address;
  }
}
