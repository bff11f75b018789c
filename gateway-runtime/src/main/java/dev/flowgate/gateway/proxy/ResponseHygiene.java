package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.config.GatewayProperties;
import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;

/**
 * What a proxied response loses and gains on its way out: configured sensitive headers go, an
 * HTML response without a policy of its own gets {@code Content-Security-Policy}, and the
 * compression decision is made: text-like bodies of at least the threshold (or of unknown length)
 * are left to the server's gzip when the caller accepts it; anything else is marked
 * {@code Content-Encoding: identity}, which the server drops before sending.
 */
final class ResponseHygiene {

  private final Set<String> removed;
  private final String contentSecurityPolicy;
  private final boolean compression;
  private final long compressAbove;
  private final long wholeBodyUpTo;

  ResponseHygiene(GatewayProperties.Response settings) {
    this.removed = HeaderHygiene.anyCase(settings.removeHeaders().stream()
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .toArray(String[]::new));
    this.contentSecurityPolicy = settings.contentSecurityPolicy();
    this.compression = settings.compression();
    this.compressAbove = settings.compressAbove();
    this.wholeBodyUpTo = settings.wholeBodyUpTo();
  }

  void copy(MultiMap upstream, MultiMap response) {
    HeaderHygiene.copyResponseHeaders(upstream, response, removed);
    String type = response.get("Content-Type");
    String mediaType = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (mediaType.startsWith("text/html") && !contentSecurityPolicy.isBlank()
        && !response.contains("Content-Security-Policy")) {
      response.set("Content-Security-Policy", contentSecurityPolicy);
    }
    if (compression && !response.contains("Content-Encoding")) {
      if (compressible(mediaType) && largeEnough(response.get("Content-Length"))) {
        String vary = response.get("Vary");
        if (vary == null || !vary.toLowerCase(Locale.ROOT).contains("accept-encoding")) {
          response.add("Vary", "Accept-Encoding");
        }
      } else {
        response.set("Content-Encoding", "identity");
      }
    }
  }

  /** Answers of at most this many announced bytes are relayed whole (see {@link WholeBody}). */
  long wholeBodyUpTo() {
    return wholeBodyUpTo;
  }

  private boolean largeEnough(String length) {
    if (length == null) {
      return true;
    }
    try {
      return Long.parseLong(length.strip()) >= compressAbove;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static boolean compressible(String mediaType) {
    return mediaType.startsWith("text/") || mediaType.startsWith("application/json")
        || mediaType.startsWith("application/javascript") || mediaType.startsWith("application/xml")
        || mediaType.startsWith("image/svg+xml") || mediaType.contains("+json") || mediaType.contains("+xml")
        || mediaType.startsWith("application/x-www-form-urlencoded");
  }
}
