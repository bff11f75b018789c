package dev.flowgate.portal.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A whole journey through the portal's API (sign-up, a service, a route, an API key, its rotation,
 * calls with the management token, mistakes that fail, a form login) with the portal's own, Spring
 * MVC's and Spring Security's loggers at DEBUG; afterwards the captured log output must hold none
 * of the password, the management token or either key secret. One logger stays at INFO:
 * Spring Security's DaoAuthenticationProvider names an unknown username at DEBUG, which is the
 * password whenever someone types it into the email field; never run it at DEBUG in production.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsIT extends PortalIT {

  private static final Logger log = LoggerFactory.getLogger(SecretsStayOutOfLogsIT.class);
  private static final String[] LOGGERS = {"dev.flowgate", "org.springframework.security", "org.springframework.web"};

  @Autowired LoggingSystem logging;

  private static final String NAMES_UNKNOWN_USERS = "org.springframework.security.authentication.dao";

  @BeforeEach
  void verbose() {
    for (String logger : LOGGERS) {
      logging.setLogLevel(logger, LogLevel.DEBUG);
    }
    logging.setLogLevel(NAMES_UNKNOWN_USERS, LogLevel.INFO);
  }

  @AfterEach
  void quiet() {
    for (String logger : LOGGERS) {
      logging.setLogLevel(logger, null);
    }
    logging.setLogLevel(NAMES_UNKNOWN_USERS, null);
  }

  @Test
  void no_password_token_or_key_secret_reaches_the_log(CapturedOutput output) throws Exception {
    String email = "logs-" + UUID.randomUUID() + "@example.com";
    String password = "pw-" + UUID.randomUUID();
    Api.Tenant tenant = api.signUp(email, password, "Log Scan Org");
    String token = tenant.token();

    String service = api.post("/api/v1/services", token, Map.of("name", "echo", "url", "https://8.8.8.8")).json()
        .path("id").asString();
    api.post("/api/v1/routes", token, Map.of("name", "all", "serviceId", service, "paths", java.util.List.of("/echo")));
    Api.Response key = api.post("/api/v1/keys", token, Map.of("name", "scan"));
    assertThat(key.status()).as(key.raw()).isEqualTo(201);
    String secret = key.json().path("secret").asString();
    String keyId = key.json().path("id").asString();
    String rotated = api.post("/api/v1/keys/" + keyId + "/rotate", token, Map.of("gracePeriodSeconds", 60)).json()
        .path("secret").asString();
    api.get("/api/v1/keys", token);
    api.get("/api/v1/usage", token);
    // mistakes: a secret where it does not belong, a wrong token, a taken email with the password
    api.post("/api/v1/keys", token, Map.of("name", secret, "unknown", rotated));
    api.get("/api/v1/keys", token + "x");
    api.get("/api/v1/keys", secret);
    api.send("POST", "/api/v1/signup", null, Map.of("email", email, "password", password, "organization", "Again"));
    formLogin(email, password);
    formLogin(email, password + "-wrong");
    formLogin(password, password);
    log.info("log scan: journey finished for tenant {}", tenant.id());

    assertThat(output.getOut()).as("the capture works").contains("log scan: journey finished for tenant " + tenant.id());
    assertThat(secret).startsWith("fg_live_");
    assertThat(rotated).startsWith("fg_live_");
    assertThat(token).startsWith("fgm_");
    for (String leak : new String[] {password, token, secret, rotated}) {
      assertThat(output.getAll()).doesNotContain(leak);
    }
  }

  private void formLogin(String username, String password) throws Exception {
    String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(302);
  }
}
