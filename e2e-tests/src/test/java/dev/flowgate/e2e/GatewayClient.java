package dev.flowgate.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the gateway the way an API consumer does. */
public final class GatewayClient {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String gatewayUrl;

  public GatewayClient(String gatewayUrl) {
    this.gatewayUrl = gatewayUrl;
  }

  public HttpResponse<String> get(String path, String apiKey) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
        .timeout(Duration.ofSeconds(10))
        .header("X-API-Key", apiKey)
        .GET()
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("gateway unreachable at " + gatewayUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
