package dev.flowgate.portal.accounts;

import dev.flowgate.portal.LoginForm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.admin.PlatformAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password reset or an admin disabling the user ends the user's browser sessions opened before:
 * real HTTP through the login form with session cookies; a page load goes to the login form, any
 * other request answers 401.
 */
class SessionEndIT extends PortalIT {

  private static final String OLD = "correct horse battery";
  private static final String NEW = "a brand new long password";
  private static final String SIGNED_IN_PAGE = "/swagger-ui/index.html";

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Autowired PasswordResets resets;
  @Autowired LoginAttempts attempts;
  @Autowired PlatformAccounts platform;
  @Autowired PasswordEncoder passwords;

  @Test
  void a_session_signed_in_before_a_password_reset_is_signed_out_while_a_new_login_works() throws Exception {
    String email = "sessions-" + UUID.randomUUID() + "@example.com";
    api.signUp(email, OLD, "Sessions Org");
    String browser = login(email, OLD);
    String laptop = login(email, OLD);
    assertThat(page(browser).statusCode()).as("signed in").isEqualTo(200);
    assertThat(page(laptop).statusCode()).isEqualTo(200);
    assertThat(apiCall(laptop).statusCode()).as("the management API takes bearer tokens, never the session")
        .isEqualTo(401);

    String token = resets.issue(email).orElseThrow().token();
    Api.Response reset = api.post("/api/v1/password-resets/" + token, null, Map.of("password", NEW));
    assertThat(reset.status()).as(reset.raw()).isEqualTo(204);

    HttpResponse<String> navigation = page(browser);
    assertThat(navigation.statusCode()).isEqualTo(302);
    assertThat(navigation.headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(page(browser).statusCode()).as("the session stays ended").isEqualTo(302);
    HttpResponse<String> xhr = send(laptop, "application/json");
    assertThat(xhr.statusCode()).isEqualTo(401);
    assertThat(xhr.body()).contains("session-ended");
    assertThat(apiCall(laptop).statusCode()).isEqualTo(401);

    String fresh = login(email, NEW);
    assertThat(page(fresh).statusCode()).as("a new login after the reset").isEqualTo(200);
    assertThat(page(fresh).statusCode()).isEqualTo(200);
  }

  @Test
  void disabling_a_user_ends_their_sessions_and_enabling_lets_them_sign_in_again_with_a_new_one() throws Exception {
    Api.Tenant tenant = signUp();
    member(tenant, "developer");
    UUID developerId = jdbc.sql("select id from users where tenant_id = ? and role = 'developer'").param(tenant.id())
        .query(UUID.class).single();
    String email = jdbc.sql("select email from users where id = ?").param(developerId).query(String.class).single();
    jdbc.sql("update users set password_hash = ? where id = ?").params(passwords.encode(OLD), developerId).update();
    String developer = login(email, OLD);
    assertThat(page(developer).statusCode()).isEqualTo(200);
    String admin = adminToken();

    assertThat(api.patch("/api/v1/admin/users/" + developerId, admin, Map.of("disabled", true)).status()).isEqualTo(200);

    assertThat(send(developer, "application/json").statusCode()).isEqualTo(401);
    assertThat(page(developer).statusCode()).isEqualTo(302);

    assertThat(api.patch("/api/v1/admin/users/" + developerId, admin, Map.of("disabled", false)).status()).isEqualTo(200);
    assertThat(page(developer).statusCode()).as("the old session stays ended").isEqualTo(302);
    assertThat(page(login(email, OLD)).statusCode()).isEqualTo(200);
  }

  private String adminToken() {
    UUID admin = jdbc.sql("select id from platform_users where role = 'platform-admin' order by created_at limit 1")
        .query(UUID.class).single();
    return platform.issueToken(admin, "test");
  }

  private HttpResponse<String> page(String cookie) throws Exception {
    return send(cookie, "text/html,application/xhtml+xml");
  }

  private HttpResponse<String> send(String cookie, String accept) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SIGNED_IN_PAGE))
        .header("Cookie", cookie).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> apiCall(String cookie) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/members"))
        .header("Cookie", cookie).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts the login form; answers the new session's cookie. */
  private String login(String email, String password) throws Exception {
    attempts.succeeded(LoginAttempts.address("127.0.0.1")); // FormLoginIT may have locked the address
    HttpResponse<String> response = LoginForm.post(port, email, password);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.split(";")[0]).findFirst().orElseThrow();
  }
}
