package dev.flowgate.portal.base.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.ui.LoginView;
import dev.flowgate.portal.accounts.PlatformMembers;
import dev.flowgate.portal.accounts.SessionCredentials;
import dev.flowgate.portal.admin.PlatformAccounts;
import dev.flowgate.portal.tenants.TenantService;
import dev.flowgate.portal.tokens.ManagementTokenService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Filter chains by path: the management API ({@code /api/**}, bearer management tokens,
 * stateless, role rules in {@link Roles}), the control plane ({@code /internal/**}, the internal
 * token), actuator probes, and everything else: the Vaadin UI with form login, plus OIDC login when
 * a provider is configured (the API reference, Swagger UI, for signed-in users).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain managementApi(HttpSecurity http, ManagementTokenService tokens, PlatformAccounts platform,
      TenantService tenants, PlatformMembers members) throws Exception {
    stateless(http.securityMatcher("/api/**"))
        .authorizeHttpRequests(Roles::authorize)
        .addFilterBefore(new BearerTokenFilter(token -> PlatformScope.call(() -> tokens.authenticate(token)
                .filter(p -> !members.isDisabled(p.userId())) // a disabled user's tokens stop at once
                .<BearerTokenFilter.BearerAuthentication>map(p -> bearer(p, p.role()))
                .or(() -> platform.authenticate(token).map(p -> bearer(p, p.role()))))),
            AnonymousAuthenticationFilter.class)
        .addFilterAfter(new SuspendedTenantFilter(tenants::isSuspended), AnonymousAuthenticationFilter.class);
    return http.build();
  }

  private static BearerTokenFilter.BearerAuthentication bearer(Object principal, String role) {
    return new BearerTokenFilter.BearerAuthentication(principal, List.of(new SimpleGrantedAuthority(Roles.authority(role))));
  }

  @Bean
  @Order(2)
  SecurityFilterChain internalApi(HttpSecurity http, PortalProperties properties) throws Exception {
    byte[] expected = properties.internalToken().getBytes(StandardCharsets.UTF_8);
    stateless(http.securityMatcher("/internal/**"))
        .authorizeHttpRequests(a -> a.anyRequest().hasRole("INTERNAL"))
        .addFilterBefore(new BearerTokenFilter(token ->
                MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))
                    ? Optional.of(new BearerTokenFilter.BearerAuthentication(InternalCaller.INSTANCE, List.of(new SimpleGrantedAuthority("ROLE_INTERNAL"))))
                    : Optional.empty()),
            AnonymousAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain actuator(HttpSecurity http) throws Exception {
    stateless(http.securityMatcher("/actuator/**"))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
            .anyRequest().denyAll());
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain ui(HttpSecurity http, SessionCredentials sessions, OidcProperties oidc,
      OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers) throws Exception {
    http.authorizeHttpRequests(a -> a
        .requestMatchers("/themes/**", "/lumo/**", "/error").permitAll()
        .requestMatchers("/swagger-ui.html", "/swagger-ui/**").authenticated());
    // response headers: SecurityHeadersFilter; a new session id at sign-in (Spring's default, made explicit)
    http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
    http.addFilterBefore(new CrossSiteLoginFilter("/login"), UsernamePasswordAuthenticationFilter.class);
    // a password reset or a disabled account ends the user's other sessions at their next request
    http.addFilterBefore(new SessionCredentialsFilter("/login", sessions::stillValid), AnonymousAuthenticationFilter.class);
    if (oidc.enabled()) {
      ClientRegistrationRepository registrations =
          new InMemoryClientRegistrationRepository(OidcClientRegistration.of(oidc));
      oidcLogin(http, registrations, oidc, oidcUsers);
      http.with(VaadinSecurityConfigurer.vaadin(),
          vaadin -> vaadin.loginView(LoginView.class).logoutSuccessHandler(oidcLogout(registrations)));
    } else {
      http.addFilterBefore(new NotFoundFilter("/oauth2/", "/login/oauth2/"), UsernamePasswordAuthenticationFilter.class);
      http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
    }
    return http.build();
  }

  /**
   * Logging out of a session that began at the provider ends the provider's session too, so that
   * "Sign in with …" does not quietly let the same person back in: where the provider names an
   * end-session endpoint, the browser goes there (RP-initiated logout, the ID token as hint) and
   * comes back to the portal's root. Without one, and for form-login sessions, it goes to the root
   * at once, as Vaadin's default does.
   */
  private static LogoutSuccessHandler oidcLogout(ClientRegistrationRepository registrations) {
    OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    handler.setPostLogoutRedirectUri("{baseUrl}");
    handler.setDefaultTargetUrl("/");
    return handler;
  }

  /**
   * "Sign in with …" beside the login form (which stays the entry point): the registration comes
   * from {@link OidcProperties}, never from spring.security.oauth2.client.*, so without a provider
   * no OAuth2 bean exists at all. Access tokens are kept in the session only (sign-in is all they are
   * for); the principal is the portal's own user, see accounts/OidcAccounts.
   */
  private static void oidcLogin(HttpSecurity http, ClientRegistrationRepository registrations, OidcProperties oidc,
      OAuth2UserService<OidcUserRequest, OidcUser> users) throws Exception {
    http.oauth2Login(o -> o
        .loginPage("/login")
        .clientRegistrationRepository(registrations)
        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
        .userInfoEndpoint(u -> u.oidcUserService(users))
        .failureHandler(new OidcLoginFailureHandler(oidc.name())));
  }

  private static HttpSecurity stateless(HttpSecurity http) throws Exception {
    return http
        .csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(ProblemResponses.unauthorized())
            .accessDeniedHandler(ProblemResponses.forbidden()));
  }
}
