package dev.flowgate.portal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.LoginForm;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.admin.PlatformAccounts;
import dev.flowgate.portal.base.security.OidcLoginFailureHandler;
import dev.flowgate.portal.base.security.PlatformScope;
import dev.flowgate.portal.base.security.PlatformUser;
import dev.flowgate.portal.base.security.PortalUser;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Sign in with …" against a stub OIDC provider (started here), through the real authorization-code
 * flow with a cookie-keeping client; what the session then holds is read from the server's own
 * session store.
 *
 * <p>Its own application context (the provider is configured), closed after the class. Each context
 * installs its own Vaadin security-context strategy (its own ThreadLocal) as the JVM-wide
 * {@link SecurityContextHolder} strategy, while its filters keep the one they were built with: the
 * shared context's bearer-token filter would write where its authorization filter no longer reads
 * (401s in every later API test). So the strategy of before is put back afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OidcLoginIT extends PortalIT {

  /** Initialised before this class's context starts (its property sources need the class). */
  private static final SecurityContextHolderStrategy STRATEGY_BEFORE = SecurityContextHolder.getContextHolderStrategy();
  static final StubOidcProvider provider = new StubOidcProvider();

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    registry.add("flowgate.portal.oidc.client-id", () -> StubOidcProvider.CLIENT_ID);
    registry.add("flowgate.portal.oidc.client-secret", () -> StubOidcProvider.CLIENT_SECRET);
    registry.add("flowgate.portal.oidc.name", () -> "Stub ID");
    registry.add("flowgate.portal.oidc.issuer-uri", provider::issuer);
    registry.add("flowgate.portal.oidc.authorization-uri", () -> provider.issuer() + "/authorize");
    registry.add("flowgate.portal.oidc.token-uri", () -> provider.issuer() + "/token");
    registry.add("flowgate.portal.oidc.jwk-set-uri", () -> provider.issuer() + "/jwks");
    registry.add("flowgate.portal.oidc.user-info-uri", () -> provider.issuer() + "/userinfo");
    registry.add("flowgate.portal.oidc.end-session-uri", () -> provider.issuer() + "/logout");
  }

  @AfterAll
  static void stop() {
    provider.close();
    SecurityContextHolder.setContextHolderStrategy(STRATEGY_BEFORE);
  }

  @Autowired WebServerApplicationContext server;
  @Autowired LoginAttempts attempts;
  @Autowired PlatformAccounts platform;

  @Test
  void a_portal_user_whose_verified_email_matches_is_signed_in_as_with_the_login_form() throws Exception {
    Api.Tenant tenant = signUp();
    Browser browser = signInWithProvider(tenant.email(), true);

    assertThat(browser.visited.getLast()).isEqualTo(portal("/"));
    PortalUser user = (PortalUser) principal(browser);
    assertThat(user.actor().tenantId()).isEqualTo(tenant.id());
    assertThat(user.actor().id()).isEqualTo(userId(tenant.email()));
    assertThat(user.role()).isEqualTo("owner");
    assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OWNER");
    assertThat(browser.sessionIds.getFirst()).as("the authorization request lives in a session").isNotNull();
    assertThat(browser.sessionIds.getLast()).as("a new session id at sign-in").isNotEqualTo(browser.sessionIds.getFirst());
    assertThat(browser.open(portal("/swagger-ui.html")).statusCode()).as("a page for signed-in users only").isEqualTo(200);
    assertThat(browser.visited.getLast()).as("not sent back to the login page").isEqualTo(portal("/swagger-ui/index.html"));
    assertThat(principal(browser)).as("still signed in after the next request (SessionCredentialsFilter)").isNotNull();
  }

  @Test
  void an_unknown_email_comes_back_to_the_login_page_with_the_reason() throws Exception {
    String email = "nobody-" + UUID.randomUUID() + "@example.com";
    Browser browser = signInWithProvider(email, true);

    assertRefused(browser, "No Flowgate account for " + email + "; sign up first or ask your admin for an invitation.");
  }

  @Test
  void an_email_the_provider_has_not_verified_is_refused() throws Exception {
    Api.Tenant tenant = signUp();
    Browser browser = signInWithProvider(tenant.email(), false);

    assertRefused(browser, "Stub ID has not verified " + tenant.email() + "; verify it there, then sign in again.");
  }

  @Test
  void a_disabled_user_is_refused_as_by_the_login_form() throws Exception {
    Api.Tenant tenant = signUp();
    jdbc.sql("update users set disabled_at = now() where id = ?").param(userId(tenant.email())).update();

    assertThat(formLogin(tenant.email())).contains("/login?error");
    assertRefused(signInWithProvider(tenant.email(), true), "The Flowgate account " + tenant.email() + " is disabled; ask your admin.");
  }

  @Test
  void a_suspended_tenants_user_gets_in_to_read_as_with_the_login_form() throws Exception {
    Api.Tenant tenant = signUp();
    jdbc.sql("update tenants set status = 'suspended', suspended_reason = 'test' where id = ?").param(tenant.id()).update();

    assertThat(formLogin(tenant.email())).doesNotContain("error");
    Browser browser = signInWithProvider(tenant.email(), true);
    assertThat(((PortalUser) principal(browser)).actor().tenantId()).isEqualTo(tenant.id());
  }

  @Test
  void a_platform_operator_is_signed_in_as_the_operator() throws Exception {
    String email = "operator-" + UUID.randomUUID() + "@example.com";
    UUID id = PlatformScope.call(() -> platform.create(email, "x", "billing-team"));

    PlatformUser operator = (PlatformUser) principal(signInWithProvider(email, true));
    assertThat(operator.userId()).isEqualTo(id);
    assertThat(operator.role()).isEqualTo("billing-team");
  }

  @Test
  void a_sign_in_clears_the_failed_password_count_as_a_form_login_does() throws Exception {
    Api.Tenant tenant = signUp();
    String account = LoginAttempts.account(tenant.email());
    for (int i = 0; i < LoginAttempts.MAX_FAILURES - 1; i++) {
      attempts.failed(account);
    }

    principal(signInWithProvider(tenant.email(), null)); // email_verified left out: the provider's own address
    attempts.failed(account);

    assertThat(attempts.isLocked(account)).as("the count started again").isFalse();
  }

  @Test
  void logging_out_ends_the_session_at_the_provider_too_and_comes_back_to_the_portal() throws Exception {
    Api.Tenant tenant = signUp();
    Browser browser = signInWithProvider(tenant.email(), true);
    String idToken = ((OidcUser) principal(browser)).getIdToken().getTokenValue();

    HttpResponse<String> page = browser.post(portal("/logout"), "_csrf=" + browser.csrfToken(portal("/")));

    assertThat(browser.visited).as("through the provider's end-session endpoint").anyMatch(url ->
        url.startsWith(provider.issuer() + "/logout?") && url.contains("id_token_hint=" + idToken));
    assertThat(provider.endedSessions).containsExactly(idToken);
    assertThat(page.statusCode()).as(browser.visited.toString()).isEqualTo(200);
    assertThat(browser.visited.getLast()).as("back at the portal, signed out").isEqualTo(portal("/login"));
  }

  @Test
  void a_form_login_session_logs_out_without_a_trip_to_the_provider() throws Exception {
    Api.Tenant tenant = signUp();
    Browser browser = new Browser();
    browser.post(portal("/login"), LoginForm.body(tenant.email(), "correct horse battery"));
    assertThat(principal(browser)).isInstanceOf(PortalUser.class);
    int ended = provider.endedSessions.size();

    HttpResponse<String> page = browser.post(portal("/logout"), "_csrf=" + browser.csrfToken(portal("/")));

    assertThat(browser.visited).noneMatch(url -> url.startsWith(provider.issuer()));
    assertThat(provider.endedSessions).hasSize(ended);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(browser.visited.getLast()).isEqualTo(portal("/login"));
  }

  private Browser signInWithProvider(String email, @Nullable Boolean verified) throws Exception {
    provider.signInAs(new StubOidcProvider.Identity(UUID.randomUUID().toString(), email, verified));
    Browser browser = new Browser();
    HttpResponse<String> page = browser.open(portal("/oauth2/authorization/oidc"));
    assertThat(browser.visited).as("through the provider").anyMatch(url -> url.startsWith(provider.issuer() + "/authorize?"));
    assertThat(page.statusCode()).as(browser.visited.toString()).isEqualTo(200);
    return browser;
  }

  private void assertRefused(Browser browser, String message) throws Exception {
    assertThat(browser.visited.getLast()).isEqualTo(portal("/login?oidc-error"));
    HttpSession session = session(browser);
    assertThat(session.getAttribute(OidcLoginFailureHandler.MESSAGE_ATTRIBUTE)).isEqualTo(message);
    assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).as("not signed in").isNull();
    assertThat(browser.open(portal("/swagger-ui.html")).uri().getPath()).isEqualTo("/login");
  }

  private Object principal(Browser browser) {
    SecurityContext context = (SecurityContext) session(browser).getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    assertThat(context).as("signed in").isNotNull();
    return context.getAuthentication().getPrincipal();
  }

  /** The browser's session as the server keeps it. */
  private HttpSession session(Browser browser) {
    Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
    try {
      Session session = context.getManager().findSession(browser.sessionId());
      assertThat(session).as("session " + browser.sessionId()).isNotNull();
      return session.getSession();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private UUID userId(String email) {
    return jdbc.sql("select id from users where email = ?").param(email).query(UUID.class).single();
  }

  /** Where the login form sends this user with the right password. */
  private String formLogin(String email) throws Exception {
    String form = LoginForm.body(email, "correct horse battery");
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal("/login")))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.headers().firstValue("Location").orElse("");
  }

  private String portal(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
