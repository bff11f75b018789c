package dev.flowgate.portal.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.LoginForm;
import dev.flowgate.portal.PortalIT;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The portal's security checklist over HTTP: response headers, login CSRF, session fixation,
 * lockout per account and per address, and the password policy. Each login test comes from its
 * own loopback address (127.x.y.z), so one test's lockout of an address never touches another's.
 */
class SecurityHardeningIT extends PortalIT {

  private static final String PASSWORD = "correct horse battery";

  private final InetAddress address = randomLoopback();

  @Test
  void every_response_carries_the_security_headers_and_hsts_comes_with_https() throws Exception {
    for (String path : new String[] {"/login", "/api/v1/services", "/"}) {
      HttpResponse<String> page = client().send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());

      assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
      assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
          .hasValue(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
      assertThat(page.headers().firstValue("Strict-Transport-Security")).as("not over plain http").isEmpty();
    }

    MockHttpServletRequest https = new MockHttpServletRequest("GET", "/login");
    https.setSecure(true);
    MockHttpServletResponse response = new MockHttpServletResponse();
    new SecurityHeadersFilter().doFilter(https, response, new MockFilterChain());
    assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
  }

  @Test
  void a_login_posted_from_another_site_is_refused_before_the_password_is_checked() throws Exception {
    String email = signUpUser();

    assertThat(login(email, PASSWORD, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
    assertThat(login(email, PASSWORD, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
    assertThat(login(email, PASSWORD, "Origin", "null").statusCode()).isEqualTo(403);
    HttpResponse<String> sameSite = login(email, PASSWORD, "Origin", "http://127.0.0.1:" + port, "Sec-Fetch-Site", "same-origin");
    assertThat(sameSite.statusCode()).isEqualTo(302);
    assertThat(sameSite.headers().firstValue("Location").orElse("")).doesNotContain("error");
  }

  @Test
  void signing_in_gives_the_session_a_new_id() throws Exception {
    String email = signUpUser();
    HttpResponse<String> page = client().send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
    String before = sessionCookie(page);
    assertThat(before).as("the login page starts a session").isNotNull();

    HttpResponse<String> login = login(email, PASSWORD, "Cookie", "JSESSIONID=" + before);

    assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    assertThat(sessionCookie(login)).isNotNull().isNotEqualTo(before);
  }

  @Test
  void five_failures_from_one_address_lock_that_address_for_every_account() throws Exception {
    String victim = signUpUser();
    for (int i = 0; i < 5; i++) {
      assertThat(location(login("nobody-" + i + "-" + UUID.randomUUID() + "@example.com", "wrong password"))).contains("error");
    }

    assertThat(location(login(victim, PASSWORD))).as("the address is locked").contains("error");
  }

  @Test
  void five_failures_on_one_account_lock_it_from_every_address() throws Exception {
    String victim = signUpUser();
    for (int i = 0; i < 5; i++) {
      assertThat(location(login(victim, "wrong password " + i))).contains("error");
    }
    SecurityHardeningIT elsewhere = new SecurityHardeningIT();
    elsewhere.port = port;

    assertThat(location(elsewhere.login(victim, PASSWORD))).as("locked from another address too").contains("error");
  }

  @Test
  void passwords_shorter_than_twelve_characters_are_refused_at_sign_up() {
    var response = api.post("/api/v1/signup", null,
        Map.of("email", "short-" + UUID.randomUUID() + "@example.com", "password", "elevenchars", "organization", "Short Org"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.raw()).contains("password").contains("at least 12 characters");
  }

  private String signUpUser() {
    String email = "hardening-" + UUID.randomUUID() + "@example.com";
    api.signUp(email, PASSWORD, "Hardening Org");
    return email;
  }

  private HttpResponse<String> login(String email, String password, String... headers) throws IOException, InterruptedException {
    String form = LoginForm.body(email, password);
    HttpRequest.Builder request = request("/login").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return response.headers().firstValue("Location").orElse("");
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst().orElse(null);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private HttpClient client() {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).localAddress(address).build();
  }

  private static InetAddress randomLoopback() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try {
      return InetAddress.getByAddress(new byte[] {127, (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255),
          (byte) random.nextInt(1, 255)});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
