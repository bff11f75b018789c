package dev.flowgate.worker.steps;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SSRF guard of outgoing step calls: a host must resolve only to public addresses, unless the
 * allow-list ({@code FLOWGATE_UPSTREAM_ALLOW}, comma-separated CIDRs) permits an internal one.
 * Link-local addresses (169.254.0.0/16, cloud metadata; fe80::/10) are refused whatever the list
 * says. {@link #resolve} is also the HTTP client's DNS resolver, so the check holds at connect time
 * and DNS rebinding does not pass.
 */
public final class UpstreamGuard {

  private final List<Cidr> allowed;

  public UpstreamGuard(List<Cidr> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** A guard allowing the comma-separated CIDRs in {@code allowList} (blank: none). */
  public static UpstreamGuard of(@Nullable String allowList) {
    List<Cidr> cidrs = new ArrayList<>();
    if (allowList != null) {
      for (String part : allowList.split(",")) {
        if (!part.isBlank()) {
          cidrs.add(Cidr.parse(part.trim()));
        }
      }
    }
    return new UpstreamGuard(cidrs);
  }

  /** Resolves {@code host} and refuses it if any address is not allowed. */
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = InetAddress.getAllByName(host);
    for (InetAddress address : addresses) {
      String refusal = refusal(address);
      if (refusal != null) {
        throw new UpstreamRefusedException(host + " resolves to " + address.getHostAddress() + ", " + refusal
            + "; refused unless FLOWGATE_UPSTREAM_ALLOW permits it");
      }
    }
    return addresses;
  }

  /** Why {@code address} is refused, or null when it may be called. */
  public @Nullable String refusal(InetAddress address) {
    InetAddress effective = unmapped(address);
    if (isLinkLocal(effective)) {
      return "a link-local (cloud metadata) address, which is never allowed";
    }
    String internal = internalKind(effective);
    if (internal == null || allowed.stream().anyMatch(c -> c.contains(effective))) {
      return null;
    }
    return "a " + internal + " address";
  }

  private static boolean isLinkLocal(InetAddress a) {
    byte[] b = a.getAddress();
    return a.isLinkLocalAddress() || (b.length == 4 && (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254);
  }

  private static @Nullable String internalKind(InetAddress a) {
    byte[] b = a.getAddress();
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isAnyLocalAddress()) {
      return "wildcard";
    }
    if (a.isMulticastAddress()) {
      return "multicast";
    }
    if (a.isSiteLocalAddress()) {
      return "private";
    }
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0 || first >= 240 || (first == 100 && second >= 64 && second < 128)
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19))) {
        return "reserved or shared";
      }
    } else if ((b[0] & 0xfe) == 0xfc) {
      return "private (unique local)";
    }
    return null;
  }

  /** The IPv4 address inside an IPv4-mapped or -compatible IPv6 address, else the address. */
  private static InetAddress unmapped(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] b = address.getAddress();
      boolean zeros = Arrays.equals(Arrays.copyOf(b, 10), new byte[10]);
      boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
      boolean compatible = zeros && b[10] == 0 && b[11] == 0 && !address.isLoopbackAddress() && !address.isAnyLocalAddress();
      if (mapped || compatible) {
        try {
          return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
          return address;
        }
      }
    }
    return address;
  }

  /** An address range such as {@code 127.0.0.0/8} or {@code fd00::/8}. */
  public record Cidr(byte[] network, int prefix) {

    public static Cidr parse(String text) {
      String[] parts = text.split("/", 2);
      try {
        if (!parts[0].matches("[0-9a-fA-F:.]+")) {
          throw new IllegalArgumentException("not an IP address: " + parts[0]);
        }
        byte[] network = InetAddress.getByName(parts[0]).getAddress();
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
        if (prefix < 0 || prefix > network.length * 8) {
          throw new IllegalArgumentException("bad prefix length in " + text);
        }
        return new Cidr(network, prefix);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("not a CIDR: " + text, e);
      }
    }

    public boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  /** A host the guard refuses. */
  public static final class UpstreamRefusedException extends UnknownHostException {
    public UpstreamRefusedException(String message) {
      super(message);
    }
  }
}
