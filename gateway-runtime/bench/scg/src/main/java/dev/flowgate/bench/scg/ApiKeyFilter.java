package dev.flowgate.bench.scg;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** X-API-Key: HMAC-SHA256 under the pepper, looked up by digest (as Flowgate does), or 401. */
@Component
class ApiKeyFilter implements GlobalFilter, Ordered {

  static final String KEY_ID = "bench.keyId";

  private final byte[] pepper;
  private final Map<String, String> keyIdsByDigest;

  ApiKeyFilter(BenchProperties bench) {
    this.pepper = bench.keyPepper().getBytes(StandardCharsets.UTF_8);
    this.keyIdsByDigest = Map.of(bench.keyDigest(), "bench-key");
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    String presented = exchange.getRequest().getHeaders().getFirst("X-API-Key");
    String keyId = presented == null ? null : keyIdsByDigest.get(digest(presented));
    if (keyId == null) {
      exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
      return exchange.getResponse().setComplete();
    }
    exchange.getAttributes().put(KEY_ID, keyId);
    return chain.filter(exchange);
  }

  private String digest(String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
