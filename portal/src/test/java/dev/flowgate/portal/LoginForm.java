package dev.flowgate.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The portal's login form, posted as a browser posts it, without following the redirect it answers. */
public final class LoginForm {

  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private LoginForm() {}

  /** The form's body, {@code application/x-www-form-urlencoded}, for a client that posts it itself. */
  public static String body(String email, String password) {
    return "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
  }

  public static HttpResponse<String> post(int port, String email, String password)
      throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body(email, password))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts the form and answers where it redirects: the signed-in page, or the login page with an error. */
  public static String redirectTarget(int port, String email, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> response = post(port, email, password);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return response.headers().firstValue("Location").orElse("");
  }
}
