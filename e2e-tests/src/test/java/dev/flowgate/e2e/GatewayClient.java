package dev.flowgate.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Calls the gateway the way an API consumer does. */
public final class GatewayClient {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String gatewayUrl;

  public GatewayClient(String gatewayUrl) {
    this.gatewayUrl = gatewayUrl;
  }

  /** A GET with the key in {@code X-API-Key}, or with no credential when {@code apiKey} is null. */
  public HttpResponse<String> get(String path, String apiKey) {
    return get(path, apiKey, Map.of());
  }

  /** A GET with the key and extra request headers. */
  public HttpResponse<String> get(String path, String apiKey, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
        .timeout(Duration.ofSeconds(10))
        .GET();
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("gateway unreachable at " + gatewayUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
