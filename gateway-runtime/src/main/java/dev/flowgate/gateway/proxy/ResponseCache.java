package dev.flowgate.gateway.proxy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.policies.CorsPolicy;
import dev.flowgate.gateway.policies.ResponseCachePolicy;
import dev.flowgate.gateway.routing.RouteMatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code response_cache} policy: GET responses kept per tenant, credential, route, path and
 * query (one caller never sees another's), answered with {@code X-Cache: HIT} and {@code Age}.
 * Kept only when the upstream allows it: status 200, no {@code Set-Cookie}, no {@code Vary} but on
 * {@code Accept-Encoding}/{@code Origin}, {@code Cache-Control} without {@code no-store},
 * {@code private} or {@code no-cache}, for the policy's TTL or the upstream's (s-)max-age if
 * shorter; bodies of known length up to {@code maxEntryBytes}, all within {@code maxBytes}.
 * Thread-safe (Caffeine), shared by every event loop.
 */
final class ResponseCache {

  private record Stored(int status, List<Map.Entry<String, String>> headers, Buffer body, long storedNanos,
      Duration ttl) {}

  private final Cache<String, Stored> cache;
  private final long maxEntryBytes;
  private final Counter hits;
  private final Counter misses;

  ResponseCache(GatewayProperties.Cache settings, MeterRegistry registry) {
    this.maxEntryBytes = settings.maxEntryBytes();
    this.cache = Caffeine.newBuilder()
        .maximumWeight(settings.maxBytes())
        .weigher((String key, Stored stored) -> key.length() + stored.body().length() + 64 * stored.headers().size())
        .expireAfter(Expiry.creating((String key, Stored stored) -> stored.ttl()))
        .build();
    this.hits = requests(registry, "hit");
    this.misses = requests(registry, "miss");
    Gauge.builder("flowgate.gateway.cache.entries", cache, Cache::estimatedSize)
        .description("Responses held by response_cache routes").register(registry);
  }

  private static Counter requests(MeterRegistry registry, String result) {
    return Counter.builder("flowgate.gateway.cache.requests").tag("result", result)
        .description("GET calls on response_cache routes, by whether the cache answered").register(registry);
  }

  /** Answers from the cache when it holds the call's response; else marks it {@code X-Cache: MISS}. */
  boolean serve(HttpServerRequest request, Exchange exchange) {
    String key = key(request, exchange);
    if (key == null) {
      return false;
    }
    Stored stored = cache.getIfPresent(key);
    HttpServerResponse response = request.response();
    if (stored == null) {
      misses.increment();
      response.headers().set("X-Cache", "MISS");
      return false;
    }
    hits.increment();
    MultiMap headers = response.headers();
    stored.headers().forEach(header -> headers.add(header.getKey(), header.getValue()));
    Tenant tenant = exchange.tenant();
    HeaderHygiene.addResponseHeaders(headers, exchange.requestId(), tenant == null ? null : tenant.id().toString());
    RateLimitHeaders.add(headers, exchange.rateLimit());
    CorsPolicy.addHeaders(headers, exchange);
    headers.set("Age", Long.toString(Duration.ofNanos(System.nanoTime() - stored.storedNanos()).toSeconds()));
    headers.set("X-Cache", "HIT");
    response.setStatusCode(stored.status()).end(stored.body());
    request.resume();
    return true;
  }

  /** The response headers to keep (the upstream's, after hygiene and transforms), or null when the call is not cached. */
  @Nullable List<Map.Entry<String, String>> storable(HttpServerRequest request, Exchange exchange, MultiMap headers) {
    return key(request, exchange) == null ? null : List.copyOf(headers.entries());
  }

  /**
   * Relays the upstream's answer whole and keeps it, when the upstream allows it.
   *
   * @return false when it may not be kept: the caller streams it as usual
   */
  boolean relayAndStore(HttpServerRequest request, Exchange exchange, HttpClientResponse upstream,
      List<Map.Entry<String, String>> headers) {
    String key = key(request, exchange);
    ResponseCachePolicy policy = exchange.match() == null ? null : exchange.match().policies().cache();
    Duration ttl = policy == null ? null : ttl(policy.ttl(), upstream.headers());
    if (key == null || ttl == null || upstream.statusCode() != 200 || !sizeKnownAndSmall(upstream.headers())) {
      return false;
    }
    HttpServerResponse response = request.response();
    upstream.body().onComplete(body -> {
      if (body.failed()) {
        // nothing was sent yet: a broken upstream gets its 502, a caller that left nothing
        ProblemResponder.respond(request, exchange, UpstreamFailures.problemFor(body.cause()));
        return;
      }
      cache.put(key, new Stored(200, headers, body.result(), System.nanoTime(), ttl));
      if (!response.closed()) {
        response.end(body.result());
      }
    });
    return true;
  }

  /** How long the upstream lets a shared cache keep its answer, capped by the policy; null: not at all. */
  static @Nullable Duration ttl(Duration policy, MultiMap upstream) {
    if (upstream.contains("Set-Cookie") || !varyAllowed(upstream.getAll("Vary"))) {
      return null;
    }
    Duration ttl = policy;
    Long maxAge = null;
    Long sharedMaxAge = null;
    for (String value : upstream.getAll("Cache-Control")) {
      for (String directive : value.toLowerCase(Locale.ROOT).split(",")) {
        String d = directive.strip();
        if (d.equals("no-store") || d.equals("private") || d.equals("no-cache")) {
          return null;
        } else if (d.startsWith("s-maxage=")) {
          sharedMaxAge = seconds(d.substring(9));
        } else if (d.startsWith("max-age=")) {
          maxAge = seconds(d.substring(8));
        }
      }
    }
    Long upstreamAge = sharedMaxAge != null ? sharedMaxAge : maxAge;
    if (upstreamAge != null) {
      if (upstreamAge <= 0) {
        return null;
      }
      ttl = Duration.ofSeconds(Math.min(policy.toSeconds(), upstreamAge));
    }
    return ttl;
  }

  private boolean sizeKnownAndSmall(MultiMap upstream) {
    String length = upstream.get("Content-Length");
    if (length == null || upstream.contains("Content-Encoding")) {
      return false;
    }
    try {
      return Long.parseLong(length.strip()) <= maxEntryBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean varyAllowed(List<String> vary) {
    for (String value : vary) {
      for (String name : value.split(",")) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (!n.isEmpty() && !n.equals("accept-encoding") && !n.equals("origin")) {
          return false;
        }
      }
    }
    return true;
  }

  private static @Nullable Long seconds(String value) {
    try {
      return Long.parseLong(value.strip().replace("\"", ""));
    } catch (NumberFormatException e) {
      return 0L;
    }
  }

  private static @Nullable String key(HttpServerRequest request, Exchange exchange) {
    RouteMatch match = exchange.match();
    Tenant tenant = exchange.tenant();
    if (request.method() != HttpMethod.GET || match == null || match.policies().cache() == null || tenant == null) {
      return null;
    }
    String credential = exchange.key() != null ? "key:" + exchange.key().id()
        : exchange.jwt() != null && !exchange.jwt().subject().equals("-") ? "jwt:" + exchange.jwt().subject() : null;
    if (credential == null) {
      return null;
    }
    String query = exchange.query();
    return tenant.id() + "\n" + credential + "\n" + match.route().id() + "\nGET\n" + exchange.path() + "\n"
        + (query == null ? "" : query);
  }
}
