package dev.flowgate.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The portal's management API, as a tenant's scripts use it: JSON and a bearer token. */
public final class ManagementApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String portalUrl;
  private final String token;
  private final JsonNode signup;

  private ManagementApi(String portalUrl, String token, JsonNode signup) {
    this.portalUrl = portalUrl;
    this.token = token;
    this.signup = signup;
  }

  /** Signs a new tenant up and returns an API client holding its management token. */
  public static ManagementApi signUp(String portalUrl, String organization, String email, String password) {
    ManagementApi anonymous = new ManagementApi(portalUrl, null, null);
    JsonNode body = anonymous.send("POST", "/api/v1/signup",
        Map.of("email", email, "password", password, "organization", organization), 201);
    return new ManagementApi(portalUrl, body.path("managementToken").asString(), body);
  }

  /** Accepts an invitation as the invitee (no token of theirs yet): their password, and they are a member. */
  public static JsonNode acceptInvitation(String portalUrl, String invitationToken, String password) {
    return new ManagementApi(portalUrl, null, null).send("POST", "/api/v1/invitations/accept",
        Map.of("token", invitationToken, "password", password), 201);
  }

  /** What sign-up answered: {@code {tenant, user, managementToken}}. */
  public JsonNode signupAnswer() {
    return signup;
  }

  /** The management token sign-up issued. */
  public String token() {
    return token;
  }

  /** The tenant's slug, as sign-up answered it. */
  public String tenantSlug() {
    return signup.path("tenant").path("slug").asString();
  }

  public JsonNode get(String path) {
    return send("GET", path, null, 200);
  }

  public JsonNode post(String path, Object body) {
    return send("POST", path, body, 201);
  }

  public JsonNode put(String path, Object body) {
    return send("PUT", path, body, 200);
  }

  public void delete(String path) {
    send("DELETE", path, null, 204);
  }

  /** The status a GET answers with this client's token, whatever it is (for access checks). */
  public int status(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(portalUrl + path)).timeout(Duration.ofSeconds(15))
        .header("Accept", "application/json").header("Authorization", "Bearer " + token).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("portal unreachable at " + portalUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode send(String method, String path, Object body, int expectedStatus) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portalUrl + path))
        .timeout(Duration.ofSeconds(15))
        .header("Accept", "application/json")
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expectedStatus) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("portal unreachable at " + portalUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
