package dev.flowgate.gateway.fuzz;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Loopback, link-local and unspecified addresses written every way a URL host can spell them
 * (dotted, one decimal or hex number, octal or hex parts, short forms, IPv4-mapped IPv6, zone ids,
 * trailing dots, names that mean the local host), and a resolver that reads them the way the
 * operating system's does (inet_aton forms included), so a guard is judged by where a connection
 * would really go. Shared by the SSRF fuzz tests.
 */
final class InternalAddressForms {

  static final int FAMILIES = 7;
  static final int FORMS = 14;

  private InternalAddressForms() {}

  /** A host for input bytes: byte 0 picks the family, 1 the spelling, 2..5 vary the address. */
  static String host(byte[] in) {
    int family = Math.floorMod(at(in, 0), FAMILIES);
    int form = Math.floorMod(at(in, 1), FORMS);
    int x = at(in, 2) & 0xFF;
    int y = at(in, 3) & 0xFF;
    int z = at(in, 4) & 0xFF;
    return switch (family) {
      case 0 -> ipv4(new int[] {169, 254, x, y}, form);
      case 1 -> ipv4(new int[] {127, x, y, z}, form);
      case 2 -> ipv4(new int[] {0, 0, 0, 0}, form);
      case 3 -> List.of("[::1]", "[0:0:0:0:0:0:0:1]", "[0000::0001]", "[::0:1]", "[::]", "[0::]").get(form % 6);
      case 4 -> List.of("[fe80::" + Integer.toHexString(x) + "]", "[FE80::1%25eth0]", "[fe80::1%eth0]",
          "[febf:ffff::" + Integer.toHexString(y) + "]", "[fe80:0:0:0:0:0:0:1]").get(form % 5);
      case 5 -> List.of("localhost", "LOCALHOST", "localhost.", "a.localhost", "LocalHost.").get(form % 5);
      default -> ipv4(new int[] {169, 254, 169, 254}, form);
    };
  }

  private static String ipv4(int[] b, int form) {
    long v = ((long) b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
    return switch (form) {
      case 0 -> b[0] + "." + b[1] + "." + b[2] + "." + b[3];
      case 1 -> Long.toString(v);
      case 2 -> "0x" + Long.toHexString(v);
      case 3 -> String.format("0%o.0%o.0%o.0%o", b[0], b[1], b[2], b[3]);
      case 4 -> String.format("0x%x.0x%x.0x%x.0x%x", b[0], b[1], b[2], b[3]);
      case 5 -> b[0] + "." + ((b[1] << 16) | (b[2] << 8) | b[3]);
      case 6 -> b[0] + "." + b[1] + "." + ((b[2] << 8) | b[3]);
      case 7 -> String.format("%03d.%03d.%d.%d", b[0], b[1], b[2], b[3]);
      case 8 -> "[::ffff:" + b[0] + "." + b[1] + "." + b[2] + "." + b[3] + "]";
      case 9 -> String.format("[::ffff:%x:%x]", (b[0] << 8) | b[1], (b[2] << 8) | b[3]);
      case 10 -> String.format("[0:0:0:0:0:FFFF:%X:%X]", (b[0] << 8) | b[1], (b[2] << 8) | b[3]);
      case 11 -> b[0] + "." + b[1] + "." + b[2] + "." + b[3] + ".";
      case 12 -> String.format("0X%X.0X%X.0X%X.0X%X", b[0], b[1], b[2], b[3]);
      default -> String.format("[::%x:%x]", (b[0] << 8) | b[1], (b[2] << 8) | b[3]);
    };
  }

  private static byte at(byte[] in, int i) {
    return i < in.length ? in[i] : 0;
  }

  /** Loopback, link-local or unspecified, also when written as IPv4-mapped IPv6. */
  static boolean forbidden(InetAddress address) {
    InetAddress a = unmapped(address);
    byte[] b = a.getAddress();
    boolean zeroNet = a instanceof Inet4Address && b[0] == 0;
    return a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress() || zeroNet;
  }

  static boolean linkLocal(InetAddress address) {
    return unmapped(address).isLinkLocalAddress();
  }

  private static InetAddress unmapped(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address && b.length == 16 && Arrays.equals(Arrays.copyOf(b, 10), new byte[10])
        && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
      try {
        return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
    return address;
  }

  /**
   * What the operating system's resolver makes of a host, without any network: IP literals as
   * Java reads them, the numeric forms glibc's inet_aton accepts (1-4 parts, decimal, octal or hex),
   * the local host's names; any other name does not resolve.
   */
  static InetAddress[] resolve(String host) throws UnknownHostException {
    String h = host.endsWith(".") && !host.endsWith("..") ? host.substring(0, host.length() - 1) : host;
    String lower = h.toLowerCase(Locale.ROOT);
    if (lower.equals("localhost") || lower.endsWith(".localhost")) {
      return new InetAddress[] {InetAddress.getByAddress(new byte[] {127, 0, 0, 1})};
    }
    if (h.contains(":")) {
      return new InetAddress[] {InetAddress.getByName(h)};
    }
    byte[] aton = inetAton(h);
    if (aton != null) {
      return new InetAddress[] {InetAddress.getByAddress(aton)};
    }
    throw new UnknownHostException(host);
  }

  /** glibc's inet_aton: up to 4 parts, each decimal, 0-octal or 0x-hex; the last fills the rest. */
  static byte[] inetAton(String text) {
    if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
      return null;
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length > 4) {
      return null;
    }
    List<Long> values = new ArrayList<>();
    for (String part : parts) {
      try {
        String p = part.toLowerCase(Locale.ROOT);
        long value = p.startsWith("0x") ? (p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16))
            : p.length() > 1 && p.startsWith("0") ? Long.parseLong(p.substring(1), 8) : Long.parseLong(p);
        if (value < 0 || p.startsWith("+") || p.startsWith("-") || p.length() > 12) {
          return null;
        }
        values.add(value);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    long result = 0;
    for (int i = 0; i < values.size() - 1; i++) {
      if (values.get(i) > 255) {
        return null;
      }
      result |= values.get(i) << (24 - 8 * i);
    }
    long last = values.getLast();
    int lastBits = 32 - 8 * (values.size() - 1);
    if (last >= (1L << lastBits)) {
      return null;
    }
    result |= last;
    return new byte[] {(byte) (result >>> 24), (byte) (result >>> 16), (byte) (result >>> 8), (byte) result};
  }
}
