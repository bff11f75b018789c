package dev.flowgate.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Which headers cross the proxy, in each direction, and the ones the gateway adds itself. */
public final class HeaderHygiene {

  /** RFC 9110 §7.6.1 connection-specific headers, plus the non-standard ones seen in the wild. */
  static final Set<String> HOP_BY_HOP = anyCase(
      "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te",
      "trailer", "transfer-encoding", "upgrade");

  /** Request headers the gateway sets or handles itself ({@code Expect}), so a caller's copy is never passed on. */
  private static final Set<String> SET_BY_GATEWAY = anyCase(
      "host", "expect", "x-api-key", "x-request-id", "traceparent", "tracestate", "x-forwarded-for",
      "x-forwarded-proto", "x-forwarded-host", "x-tenant-id");

  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:/+=@-]{1,128}");

  private HeaderHygiene() {}

  /** The caller's request id when it is a sane token, else a new one. */
  public static String requestId(@Nullable String incoming) {
    return incoming != null && REQUEST_ID.matcher(incoming).matches() ? incoming : newRequestId();
  }

  /**
   * A random (version 4) UUID from {@link ThreadLocalRandom}: request ids must be unique, not
   * unguessable, and {@code UUID.randomUUID()}'s SecureRandom contends across event loops.
   */
  static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /**
   * Copies the caller's headers to the upstream request, without hop-by-hop headers, those the
   * gateway sets, and {@code Authorization} when it carried the Flowgate key.
   */
  public static void copyRequestHeaders(MultiMap from, MultiMap to, boolean dropAuthorization) {
    Set<String> listed = connectionListed(from);
    for (Map.Entry<String, String> header : from) {
      String name = header.getKey();
      if (HOP_BY_HOP.contains(name) || listed.contains(name) || SET_BY_GATEWAY.contains(name)
          || (dropAuthorization && name.equalsIgnoreCase("authorization"))) {
        continue;
      }
      to.add(header.getKey(), header.getValue());
    }
  }

  /**
   * {@code X-Request-ID}, {@code X-Forwarded-*} and {@code X-Tenant-ID} for the upstream; its
   * {@code traceparent} names the gateway's span ({@code GatewayTracing.inject}).
   */
  public static void addForwardingHeaders(
      MultiMap from, MultiMap to, String requestId, String clientIp, boolean tls, @Nullable String tenantId) {
    to.set("X-Request-ID", requestId);
    String chain = from.get("X-Forwarded-For");
    to.set("X-Forwarded-For", chain == null || chain.isBlank() ? clientIp : chain + ", " + clientIp);
    to.set("X-Forwarded-Proto", tls ? "https" : "http");
    String host = from.get("Host");
    if (host != null) {
      to.set("X-Forwarded-Host", host);
    }
    if (tenantId != null) {
      to.set("X-Tenant-ID", tenantId);
    }
  }

  /** Copies the upstream's response headers to the caller, without hop-by-hop headers. */
  public static void copyResponseHeaders(MultiMap from, MultiMap to) {
    copyResponseHeaders(from, to, Set.of());
  }

  /**
   * Copies the upstream's response headers to the caller, without hop-by-hop headers and those
   * named in {@code removed} (a set from {@link #anyCase}).
   */
  public static void copyResponseHeaders(MultiMap from, MultiMap to, Set<String> removed) {
    Set<String> listed = connectionListed(from);
    for (Map.Entry<String, String> header : from) {
      String name = header.getKey();
      if (!HOP_BY_HOP.contains(name) && !listed.contains(name) && !removed.contains(name)) {
        to.add(header.getKey(), header.getValue());
      }
    }
  }

  /** What every response carries, a proxied one or a problem. */
  public static void addResponseHeaders(MultiMap to, String requestId, @Nullable String tenantId) {
    to.set("X-Request-ID", requestId);
    if (tenantId != null) {
      to.set("X-Tenant-ID", tenantId);
    } else {
      to.remove("X-Tenant-ID");
    }
    to.set("X-Content-Type-Options", "nosniff");
    to.set("Referrer-Policy", "no-referrer");
    to.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }

  /**
   * Header names matched in any case. Looked up without lower-casing each name first, which cost
   * a string per header per call.
   */
  static Set<String> anyCase(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : names) {
      set.add(name);
    }
    return Collections.unmodifiableSet(set);
  }

  private static Set<String> connectionListed(MultiMap headers) {
    String connection = headers.get("Connection");
    if (connection == null || connection.isBlank()) {
      return Set.of();
    }
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String token : connection.split(",")) {
      names.add(token.strip());
    }
    return names;
  }
}
