package dev.flowgate.portal.accounts;

import dev.flowgate.portal.LoginForm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.PortalIT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FormLoginIT extends PortalIT {

  private static final String PASSWORD = "correct horse battery";

  @Test
  void the_login_form_accepts_the_password_and_locks_the_account_after_five_failures() throws Exception {
    String email = "login-" + UUID.randomUUID() + "@example.com";
    api.signUp(email, PASSWORD, "Login Org");

    assertThat(login(email, PASSWORD)).doesNotContain("error");
    for (int i = 0; i < 5; i++) {
      assertThat(login(email, "wrong password " + i)).contains("/login?error");
    }

    assertThat(login(email, PASSWORD)).as("locked even with the right password").contains("/login?error");
  }

  @Test
  void without_an_oidc_provider_the_oauth2_endpoints_do_not_exist() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    for (String path : new String[] {"/oauth2/authorization/oidc", "/oauth2/authorization/x", "/login/oauth2/code/oidc?code=c&state=s"}) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(404);
    }
  }

  /** Posts the login form; answers the redirect target. */
  private String login(String email, String password) throws IOException, InterruptedException {
    return LoginForm.redirectTarget(port, email, password);
  }
}
