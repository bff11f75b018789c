package dev.flowgate.billing;

import dev.flowgate.contracts.EventCodec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Calls billing's HTTP endpoints the way the portal does. */
public final class UsageClient {

  public static final String TOKEN = "test-internal-token";

  public record Answer(int status, HttpResponse<String> response, JsonNode json) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  public UsageClient(int port) {
    this.port = port;
  }

  public Answer get(String pathAndQuery, @Nullable String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  public Answer put(String path, String json, @Nullable String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /** POSTs a body with the given headers (name, value, name, value...). */
  public Answer post(String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
      JsonNode json = isJson ? EventCodec.mapper().readTree(response.body()) : EventCodec.mapper().nullNode();
      return new Answer(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Answer usage(UUID tenant, Instant from, Instant to, String granularity, String groupBy) {
    return get(
        "/internal/v1/usage?tenantId=" + tenant + "&from=" + enc(from) + "&to=" + enc(to)
            + "&granularity=" + granularity + "&groupBy=" + groupBy,
        TOKEN);
  }

  private static String enc(Instant instant) {
    return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
  }
}
