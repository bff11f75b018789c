package dev.flowgate.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** A small HTTP client for the portal's REST API in tests. */
public final class Api {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  Api(String base) {
    this.base = base;
  }

  public record Response(int status, HttpHeaders headers, String raw) {
    public JsonNode json() {
      return raw.isBlank() ? MissingNode.getInstance() : EventCodec.mapper().readTree(raw);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public record Tenant(UUID id, String slug, String email, String token) {}

  public Tenant signUp(String email, String password, String organization) {
    Response response = send("POST", "/api/v1/signup", null, Map.of("email", email, "password", password, "organization", organization));
    assertThat(response.status()).as(response.raw()).isEqualTo(201);
    JsonNode body = response.json();
    return new Tenant(UUID.fromString(body.path("tenant").path("id").asString()), body.path("tenant").path("slug").asString(),
        email, body.path("managementToken").asString());
  }

  public Response get(String path, String token) {
    return send("GET", path, token, null);
  }

  public Response post(String path, String token, Object body) {
    return send("POST", path, token, body);
  }

  public Response patch(String path, String token, Object body) {
    return send("PATCH", path, token, body);
  }

  public Response delete(String path, String token) {
    return send("DELETE", path, token, null);
  }

  public Response send(String method, String path, String token, Object body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    boolean contentType = false;
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      contentType |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      String json = body instanceof String s ? s : EventCodec.toJson(body);
      if (!contentType) {
        request.header("Content-Type", "application/json");
      }
      request.method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
