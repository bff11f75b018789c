package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.auth.JwksCache;
import dev.flowgate.gateway.config.GatewayProperties;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Fetches JWKS documents with Vert.x's non-blocking client, through the same address guard as
 * upstream calls (a JWKS URI is user input): resolve, check, connect to exactly that address.
 * Usable once {@link #attach} gave it the gateway's Vert.x.
 */
final class VertxJwksFetcher implements JwksCache.Fetcher {

  private final UpstreamAddressGuard guard;
  private final GatewayProperties.Jwt settings;
  private volatile @Nullable Vertx vertx;
  private volatile @Nullable HttpClient client;

  VertxJwksFetcher(UpstreamAddressGuard guard, GatewayProperties.Jwt settings) {
    this.guard = guard;
    this.settings = settings;
  }

  void attach(Vertx vertx) {
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setConnectTimeout((int) settings.fetchTimeout().toMillis())
        .setForceSni(true)
        .setKeepAlive(false));
    this.vertx = vertx;
  }

  @Override
  public CompletionStage<String> fetch(URI uri) {
    Vertx running = vertx;
    HttpClient http = client;
    if (running == null || http == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("the proxy is not running"));
    }
    boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
    if (!ssl && !(settings.allowHttp() && "http".equalsIgnoreCase(uri.getScheme()))) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("JWKS URIs must be https: " + uri));
    }
    String host = uri.getHost();
    int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
    String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    long timeout = settings.fetchTimeout().toMillis();
    return UpstreamAddressGuard.resolve(running, host)
        .compose(address -> guard.permits(address) ? Future.succeededFuture(address)
            : Future.failedFuture(new IllegalArgumentException("JWKS host " + host + " resolves to a forbidden address")))
        .compose(address -> http.request(new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
            .setHost(host)
            .setPort(port)
            .setSsl(ssl)
            .setURI(path)
            .setTimeout(timeout)
            .putHeader("Accept", "application/json, application/jwk-set+json")))
        .compose(request -> request.send())
        .compose(response -> {
          if (response.statusCode() != 200) {
            ClientDisconnects.discard(response);
            return Future.failedFuture(new IllegalStateException("JWKS answered " + response.statusCode()));
          }
          Buffer body = Buffer.buffer();
          return Future.<Buffer>future(promise -> {
            response.handler(chunk -> {
              if (body.length() + chunk.length() > settings.maxJwksBytes()) {
                response.request().reset();
                promise.tryFail(new IllegalStateException("JWKS larger than " + settings.maxJwksBytes() + " bytes"));
              } else {
                body.appendBuffer(chunk);
              }
            });
            response.exceptionHandler(promise::tryFail);
            response.endHandler(v -> promise.tryComplete(body));
          });
        })
        .map(body -> body.toString(StandardCharsets.UTF_8))
        .toCompletionStage();
  }

  void close() {
    HttpClient http = client;
    if (http != null) {
      http.close();
    }
  }
}
