package dev.flowgate.gateway.config;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/** Pulls the snapshot from the portal's control plane, conditionally on the ETag held. */
public final class SnapshotClient implements AutoCloseable {

  /** A 200 carries the body and its ETag; a 304 carries neither. */
  public record Pull(boolean modified, byte @Nullable [] json, @Nullable String etag) {}

  private final GatewayProperties.Portal portal;
  private final HttpClient http;

  public SnapshotClient(GatewayProperties.Portal portal) {
    this.portal = portal;
    this.http = HttpClient.newBuilder().connectTimeout(portal.connectTimeout()).build();
  }

  /** @throws IOException when the portal cannot be reached or answers anything but 200/304 */
  public Pull pull(@Nullable String etag) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(portal.snapshotUri())
            .timeout(portal.requestTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + portal.internalToken())
            .GET();
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    return switch (response.statusCode()) {
      case 200 -> new Pull(true, response.body(), response.headers().firstValue("ETag").orElse(null));
      case 304 -> new Pull(false, null, etag);
      default -> throw new IOException("portal answered " + response.statusCode() + " for " + portal.snapshotUri());
    };
  }

  @Override
  public void close() {
    http.close();
  }
}
