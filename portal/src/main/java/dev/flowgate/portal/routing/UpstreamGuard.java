package dev.flowgate.portal.routing;

import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.problems.InvalidInputException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The SSRF guard for upstream URLs: only http(s), and every address the host resolves to must be
 * public, or inside the platform's allow-list ({@code FLOWGATE_UPSTREAM_ALLOW}). Link-local
 * (cloud metadata) is refused even when an allowed range covers it.
 */
@Component
public class UpstreamGuard {

  private static final Cidr LINK_LOCAL_V4 = Cidr.parse("169.254.0.0/16");
  private static final List<Cidr> INTERNAL = List.of(
      Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"), Cidr.parse("127.0.0.0/8"),
      LINK_LOCAL_V4, Cidr.parse("172.16.0.0/12"), Cidr.parse("192.0.0.0/24"), Cidr.parse("192.168.0.0/16"),
      Cidr.parse("198.18.0.0/15"), Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"),
      Cidr.parse("::/128"), Cidr.parse("::1/128"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"),
      Cidr.parse("ff00::/8"), Cidr.parse("64:ff9b::/96"));

  /** Resolves a host name to its addresses; swapped in tests. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final List<Cidr> allowed;
  private final Resolver resolver;

  @Autowired
  UpstreamGuard(PortalProperties properties) {
    this(properties.upstreamAllow(), InetAddress::getAllByName);
  }

  UpstreamGuard(List<String> allowedCidrs, Resolver resolver) {
    this.allowed = allowedCidrs.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    this.resolver = resolver;
  }

  /** Throws a field error on {@code field} when the URL may not be used as an upstream. */
  public void check(String field, String url) {
    refusal(url).ifPresent(reason -> {
      throw new InvalidInputException(field, reason);
    });
  }

  /** Why the URL is refused, or empty when it may be used. */
  public Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.of("must be a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not contain credentials");
    }
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of("host " + host + " does not resolve");
    }
    return Arrays.stream(addresses)
        .filter(address -> !permitted(address))
        .findFirst()
        .map(address -> "resolves to " + address.getHostAddress() + ", an internal address that is not allowed");
  }

  boolean permitted(InetAddress address) {
    InetAddress effective = unmapped(address);
    if (LINK_LOCAL_V4.contains(effective)) {
      return false;
    }
    boolean internal = INTERNAL.stream().anyMatch(c -> c.contains(effective));
    return !internal || allowed.stream().anyMatch(c -> c.contains(effective));
  }

  /** {@code ::ffff:a.b.c.d} is judged as {@code a.b.c.d}. */
  private static InetAddress unmapped(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] b = address.getAddress();
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      mapped &= (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
      if (mapped) {
        try {
          return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
          return address;
        }
      }
    }
    return address;
  }
}
