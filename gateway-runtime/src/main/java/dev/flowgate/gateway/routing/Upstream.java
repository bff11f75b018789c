package dev.flowgate.gateway.routing;

import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import java.net.URI;
import java.util.Locale;

/**
 * Where a service lives, parsed once per snapshot.
 *
 * @param host lower-case, without IPv6 brackets
 * @param basePath the URL's path without a trailing slash, or empty
 */
public record Upstream(
    boolean ssl,
    String host,
    int port,
    String basePath,
    int connectTimeoutMs,
    int readTimeoutMs) {

  public static Upstream of(Service service, int defaultConnectTimeoutMs, int defaultReadTimeoutMs) {
    URI uri = URI.create(service.url());
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("service " + service.id() + " url must be http(s): " + service.url());
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("service " + service.id() + " url has no host: " + service.url());
    }
    boolean ssl = scheme.equals("https");
    int defaultPort = ssl ? 443 : 80;
    int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return new Upstream(
        ssl,
        bareHost.toLowerCase(Locale.ROOT),
        port,
        path,
        service.connectTimeoutMs() > 0 ? service.connectTimeoutMs() : defaultConnectTimeoutMs,
        service.readTimeoutMs() > 0 ? service.readTimeoutMs() : defaultReadTimeoutMs);
  }

  /** The upstream path for what is left of the request path ({@code ""} or from a '/'). */
  public String pathFor(String remainder) {
    if (remainder.isEmpty()) {
      return basePath.isEmpty() ? "/" : basePath;
    }
    return basePath + remainder;
  }
}
