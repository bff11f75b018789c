package dev.flowgate.gateway.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flowgate.gateway.*}; application.yaml maps the {@code FLOWGATE_*} environment onto it.
 *
 * @param proxyPort where the proxy listens (8000)
 * @param eventLoops event loops, one proxy verticle each; 0 means two per core, Vert.x's own default
 * @param domain tenants are reachable at {@code {slug}.{domain}}
 * @param stateDir where the last good snapshot is kept
 * @param keyPepper HMAC pepper of API key digests (FLOWGATE_KEY_PEPPER), required
 * @param source names this runtime in emitted events
 * @param rateLimits token buckets per key, route and plan, synced through Redis
 * @param circuitBreaker per-service breaker thresholds
 * @param limits request size limits (413, 414, 431)
 * @param response response hygiene: removed headers, CSP, compression
 * @param workflows where run status is read for {@code /_flowgate/workflow-runs/{id}}
 * @param jwt JWKS fetching and caching, clock skew for {@code jwt_auth} routes
 * @param trustedProxies CIDRs of proxies in front of the gateway whose {@code X-Forwarded-For}
 *     names the client ({@code ip_filter}); empty: the socket peer is the client
 * @param cache the {@code response_cache} policy's store, shared by all routes
 */
@ConfigurationProperties("flowgate.gateway")
public record GatewayProperties(
    @DefaultValue("8000") int proxyPort,
    @DefaultValue("0") int eventLoops,
    @DefaultValue("localhost") String domain,
    @DefaultValue(".flowgate/gateway") Path stateDir,
    @DefaultValue("") String keyPepper,
    @DefaultValue("gateway-runtime") String source,
    @DefaultValue Portal portal,
    @DefaultValue Nats nats,
    @DefaultValue Kafka kafka,
    @DefaultValue Upstream upstream,
    @DefaultValue RateLimits rateLimits,
    @DefaultValue CircuitBreaker circuitBreaker,
    @DefaultValue Limits limits,
    @DefaultValue Response response,
    @DefaultValue Workflows workflows,
    @DefaultValue Jwt jwt,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue Cache cache) {

  public GatewayProperties {
    trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (keyPepper.isBlank()) {
      throw new IllegalStateException("FLOWGATE_KEY_PEPPER (flowgate.gateway.key-pepper) is required");
    }
  }

  public byte[] pepperBytes() {
    return keyPepper.getBytes(StandardCharsets.UTF_8);
  }

  public int eventLoopCount() {
    // Two per core, as Vert.x itself defaults to: on a small box that the gateway shares with other
    // processes (the bench's load generator and upstream, a node's sidecars), one per core left it
    // waiting for the CPU: 36.9k against 40.8k rps, p99 4.6 against 4.1 ms, 3 alternated rounds.
    return eventLoops > 0 ? eventLoops : 2 * Runtime.getRuntime().availableProcessors();
  }

  /** The portal's control plane (FLOWGATE_PORTAL_URL, FLOWGATE_INTERNAL_TOKEN). */
  public record Portal(
      @DefaultValue("http://127.0.0.1:8080") URI url,
      @DefaultValue("") String internalToken,
      @DefaultValue("30s") Duration pollInterval,
      @DefaultValue("2s") Duration connectTimeout,
      @DefaultValue("10s") Duration requestTimeout) {

    public URI snapshotUri() {
      String base = url.toString().replaceAll("/+$", "");
      return URI.create(base + "/internal/v1/gateway/snapshot");
    }
  }

  /** FLOWGATE_NATS_URL; {@code config.invalidations} triggers an immediate pull. */
  public record Nats(@DefaultValue("true") boolean enabled, @DefaultValue("nats://127.0.0.1:4222") String url) {}

  /**
   * FLOWGATE_KAFKA_BOOTSTRAP; {@code api.calls} records.
   *
   * @param deliveryTimeout how long the producer keeps trying a record before it goes to the spool
   * @param queueCapacity records waiting for the sender thread; beyond it they are dropped and
   *     counted rather than blocking a request
   * @param maxBlock how long the sender thread waits for broker metadata or buffer room
   * @param spoolDir where records Kafka cannot take are kept; default {@code <stateDir>/api-calls-spool}
   * @param spoolMaxBytes beyond this the spool refuses records (counted, logged)
   * @param retryInterval how often a spool is tried against Kafka while it does not answer
   * @param sweepInterval how often the sender thread collects the records the event loops queued
   *     (ten times less often while none come)
   */
  public record Kafka(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("127.0.0.1:9092") String bootstrap,
      @DefaultValue("api.calls") String topic,
      @DefaultValue("60s") Duration deliveryTimeout,
      @DefaultValue("100000") int queueCapacity,
      @DefaultValue("1s") Duration maxBlock,
      @Nullable Path spoolDir,
      @DefaultValue("268435456") long spoolMaxBytes,
      @DefaultValue("8388608") long spoolSegmentBytes,
      @DefaultValue("1s") Duration retryInterval,
      @DefaultValue("20ms") Duration linger,
      @DefaultValue("262144") int batchBytes,
      @DefaultValue("lz4") String compression,
      @DefaultValue("5ms") Duration sweepInterval) {

    public Kafka {
      if (deliveryTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalStateException("flowgate.gateway.kafka.delivery-timeout must be at least 1s");
      }
    }

    public Path spoolDir(Path stateDir) {
      return spoolDir != null ? spoolDir : stateDir.resolve("api-calls-spool");
    }
  }

  /**
   * @param allow CIDRs that private, loopback and other internal upstream addresses may be in
   *     (FLOWGATE_UPSTREAM_ALLOW); 169.254.0.0/16 is never allowed
   * @param maxConnectionsPerEventLoop HTTP/1 pool size of each event loop's client
   * @param healthCheckInterval how often a service with a {@code healthCheckPath} is probed
   */
  public record Upstream(
      @DefaultValue List<String> allow,
      @DefaultValue("512") int maxConnectionsPerEventLoop,
      @DefaultValue("2s") Duration connectTimeout,
      @DefaultValue("45s") Duration readTimeout,
      @DefaultValue("10s") Duration healthCheckInterval,
      @DefaultValue("2s") Duration healthCheckTimeout) {

    public Upstream {
      allow = allow.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }

  /**
   * FLOWGATE_REDIS_URL. Buckets are counted locally and synced every {@code syncInterval}; while
   * Redis is unreachable every gateway enforces the limits on its own.
   *
   * @param defaultLimit a key without a limit of its own gets this many calls per {@code defaultWindow}
   * @param syncInterval at most 1 s, or two gateways overshoot a shared limit by more than 5%
   */
  public record RateLimits(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("redis://127.0.0.1:6379") String redisUrl,
      @DefaultValue("200ms") Duration syncInterval,
      @DefaultValue("500ms") Duration redisTimeout,
      @DefaultValue("1000") long defaultLimit,
      @DefaultValue("60s") Duration defaultWindow,
      @DefaultValue("flowgate:rl:") String keyPrefix) {

    public RateLimits {
      if (syncInterval.compareTo(Duration.ofSeconds(1)) > 0 || syncInterval.isNegative() || syncInterval.isZero()) {
        throw new IllegalStateException("flowgate.gateway.rate-limits.sync-interval must be in (0, 1s]");
      }
    }
  }

  /**
   * Per upstream service: opens at more than {@code failureRatePercent} failures over the last
   * {@code window} (at least {@code minimumCalls}), or after {@code consecutiveTimeouts} timeouts
   * in a row; half-open after {@code waitInOpen} with {@code halfOpenCalls} probes. 4xx never count.
   */
  public record CircuitBreaker(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("50") float failureRatePercent,
      @DefaultValue("30s") Duration window,
      @DefaultValue("20") int minimumCalls,
      @DefaultValue("3") int consecutiveTimeouts,
      @DefaultValue("60s") Duration waitInOpen,
      @DefaultValue("5") int halfOpenCalls,
      @DefaultValue("100ms") Duration firstRetryDelay) {}

  /**
   * @param maxBodyBytes a larger request body is refused with 413; counted while it streams
   * @param maxUrlLength longer request lines are refused with 414
   * @param maxHeaderBytes larger request headers are refused with 431
   * @param maxTransformBytes a JSON body larger than this passes a {@code body} mapping unchanged
   *     (it is buffered whole to be mapped, so this bounds the memory a mapped call holds)
   */
  public record Limits(
      @DefaultValue("10485760") long maxBodyBytes,
      @DefaultValue("8192") int maxUrlLength,
      @DefaultValue("16384") int maxHeaderBytes,
      @DefaultValue("1048576") long maxTransformBytes) {}

  /**
   * @param removeHeaders upstream response headers never passed to callers
   * @param contentSecurityPolicy set on HTML responses that carry none of their own
   * @param compressAbove responses of compressible types at least this large are gzipped when accepted
   * @param wholeBodyUpTo answers announcing at most this many bytes are read whole and written at once
   */
  public record Response(
      @DefaultValue({"Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version"}) List<String> removeHeaders,
      @DefaultValue("default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'")
          String contentSecurityPolicy,
      @DefaultValue("true") boolean compression,
      @DefaultValue("1024") int compressAbove,
      @DefaultValue("6") int compressionLevel,
      @DefaultValue("16384") int wholeBodyUpTo) {}

  /**
   * @param workerUrl the workflow worker's internal API (FLOWGATE_WORKER_URL), called with the
   *     internal token for {@code GET /_flowgate/workflow-runs/{executionId}}
   */
  public record Workflows(
      @DefaultValue("http://127.0.0.1:8082") URI workerUrl,
      @DefaultValue("5s") Duration statusTimeout) {

    public String runUri(java.util.UUID tenantId, String executionId) {
      String base = workerUrl.toString().replaceAll("/+$", "");
      return base + "/internal/v1/tenants/" + tenantId + "/workflow-runs/" + executionId;
    }
  }

  /**
   * {@code jwt_auth} routes.
   *
   * @param refetchInterval an unknown {@code kid} refetches a JWKS at most this often
   * @param cacheTtl a JWKS older than this is refreshed in the background
   * @param clockSkew tolerated on {@code exp} and {@code nbf}
   * @param fetchTimeout a JWKS fetch (connect and read) longer than this fails
   * @param maxJwksBytes a larger JWKS document is refused
   * @param allowHttp also fetch {@code http://} JWKS URIs (tests; the portal only saves https)
   */
  public record Jwt(
      @DefaultValue("30s") Duration refetchInterval,
      @DefaultValue("15m") Duration cacheTtl,
      @DefaultValue("30s") Duration clockSkew,
      @DefaultValue("5s") Duration fetchTimeout,
      @DefaultValue("262144") int maxJwksBytes,
      @DefaultValue("false") boolean allowHttp) {}

  /**
   * @param maxBytes bodies kept by {@code response_cache} routes, all together; least used go first
   * @param maxEntryBytes a larger response is passed through, not kept
   */
  public record Cache(
      @DefaultValue("67108864") long maxBytes,
      @DefaultValue("1048576") long maxEntryBytes) {}
}
