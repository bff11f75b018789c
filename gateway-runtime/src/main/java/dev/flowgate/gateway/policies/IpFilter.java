package dev.flowgate.gateway.policies;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.gateway.proxy.UpstreamAddressGuard;
import dev.flowgate.gateway.proxy.UpstreamAddressGuard.Cidr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A route's {@code ip_filter} policy, {@code {"allow": [CIDR], "deny": [CIDR]}}: a client in
 * {@code deny} is refused, and so is one outside {@code allow} when it is given.
 */
public record IpFilter(List<Cidr> allow, List<Cidr> deny) {

  public static final String POLICY = "ip_filter";

  /** The route's filter, or null when it has none. */
  public static @Nullable IpFilter of(Route route) {
    for (Policy policy : route.policies()) {
      if (POLICY.equals(policy.type()) && policy.config() != null) {
        return new IpFilter(cidrs(policy.config().path("allow")), cidrs(policy.config().path("deny")));
      }
    }
    return null;
  }

  public boolean permits(InetAddress client) {
    for (Cidr cidr : deny) {
      if (cidr.contains(client)) {
        return false;
      }
    }
    if (allow.isEmpty()) {
      return true;
    }
    for (Cidr cidr : allow) {
      if (cidr.contains(client)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The caller's address: the socket peer, unless the peer is a trusted proxy; then the
   * right-most {@code X-Forwarded-For} entry that is not a trusted proxy itself (the left-most
   * when all are). Null when the peer is not an IP address.
   */
  public static @Nullable InetAddress client(String peer, @Nullable String forwardedFor, List<Cidr> trustedProxies) {
    InetAddress address = literal(peer);
    if (address == null || forwardedFor == null || !trusted(address, trustedProxies)) {
      return address;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      InetAddress hop = literal(hops[i].strip());
      if (hop == null) {
        return address;
      }
      address = hop;
      if (!trusted(hop, trustedProxies)) {
        return hop;
      }
    }
    return address;
  }

  private static boolean trusted(InetAddress address, List<Cidr> trustedProxies) {
    for (Cidr cidr : trustedProxies) {
      if (cidr.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable InetAddress literal(String text) {
    String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (host.isEmpty() || !UpstreamAddressGuard.isLiteral(host)) {
      return null;
    }
    try {
      return UpstreamAddressGuard.ofLiteral(host);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Unparseable entries are skipped (the portal validates them at save). */
  static List<Cidr> cidrs(JsonNode list) {
    List<Cidr> cidrs = new ArrayList<>();
    for (JsonNode item : list) {
      try {
        cidrs.add(Cidr.parse(item.asString("").strip()));
      } catch (IllegalArgumentException e) {
        // skipped
      }
    }
    return List.copyOf(cidrs);
  }
}
