package dev.flowgate.portal.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.LoginForm;
import dev.flowgate.portal.PortalIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiReferenceIT extends PortalIT {

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void the_api_reference_renders_for_signed_in_users_only() throws Exception {
    String email = "docs-" + UUID.randomUUID() + "@example.com";
    api.signUp(email, "correct horse battery", "Docs Org");
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(LoginForm.body(email, "correct horse battery"))).build(),
        HttpResponse.BodyHandlers.ofString());
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

    HttpResponse<String> page = get("/swagger-ui/index.html", cookie);
    HttpResponse<String> config = get("/api/v1/openapi.json/swagger-config", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("/api/v1/openapi.json");
    assertThat(get("/swagger-ui/index.html", null).statusCode()).isIn(302, 401);
  }
}
