package dev.flowgate.gateway.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flowgate.gateway.*}; application.yaml maps the {@code FLOWGATE_*} environment onto it.
 *
 * @param proxyPort where the proxy listens (8000)
 * @param eventLoops event loops, one proxy verticle each; 0 means one per core
 * @param domain tenants are reachable at {@code {slug}.{domain}}
 * @param stateDir where the last good snapshot is kept
 * @param keyPepper HMAC pepper of API key digests (FLOWGATE_KEY_PEPPER), required
 * @param source names this runtime in emitted events
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
    @DefaultValue Upstream upstream) {

  public GatewayProperties {
    if (keyPepper.isBlank()) {
      throw new IllegalStateException("FLOWGATE_KEY_PEPPER (flowgate.gateway.key-pepper) is required");
    }
  }

  public byte[] pepperBytes() {
    return keyPepper.getBytes(StandardCharsets.UTF_8);
  }

  public int eventLoopCount() {
    return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
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
   * @param deliveryTimeout how long a record may wait for a broker before it is given up
   * @param queueCapacity records waiting to be handed to the producer; beyond it they are dropped
   *     and counted rather than blocking a request
   */
  public record Kafka(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("127.0.0.1:9092") String bootstrap,
      @DefaultValue("api.calls") String topic,
      @DefaultValue("24h") Duration deliveryTimeout,
      @DefaultValue("100000") int queueCapacity) {}

  /**
   * @param allow CIDRs that private, loopback and other internal upstream addresses may be in
   *     (FLOWGATE_UPSTREAM_ALLOW); 169.254.0.0/16 is never allowed
   * @param maxConnectionsPerEventLoop HTTP/1 pool size of each event loop's client
   */
  public record Upstream(
      @DefaultValue List<String> allow,
      @DefaultValue("512") int maxConnectionsPerEventLoop,
      @DefaultValue("2s") Duration connectTimeout,
      @DefaultValue("45s") Duration readTimeout) {

    public Upstream {
      allow = allow.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }
}
