package dev.flowgate.portal.base.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call what in {@code /api/v1}, by tenant role: a viewer reads; billing reads usage and
 * invoices and changes the plan; a developer manages services, routes, keys and workflows (and
 * tries routes in the catalog's console); owner
 * and admin do everything, including tokens and members. Anything not listed is owner/admin only,
 * so a new endpoint starts closed.
 *
 * <p>The admin area ({@code /api/v1/admin/**}) belongs to the platform roles only, never to a
 * tenant role: billing-team reads tenants and works the billing area ({@code /api/v1/admin/billing/**}:
 * revenue, usage, invoices, plans and credits), platform-admin does everything there, including
 * granting billing-team ({@code /api/v1/admin/billing/team}).
 */
public final class Roles {

  public static final String OWNER = "OWNER";
  public static final String ADMIN = "ADMIN";
  public static final String DEVELOPER = "DEVELOPER";
  public static final String VIEWER = "VIEWER";
  public static final String BILLING = "BILLING";
  public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
  public static final String BILLING_TEAM = "BILLING_TEAM";
  /** The platform roles as stored and shown. */
  public static final String PLATFORM_ADMIN_ROLE = "platform-admin";
  public static final String BILLING_TEAM_ROLE = "billing-team";

  private static final String[] BILLING_AREA = {
      "/api/v1/usage/**", "/api/v1/invoices/**", "/api/v1/billing/**"};
  private static final String[] DEVELOPER_AREA = {
      "/api/v1/services/**", "/api/v1/routes/**", "/api/v1/keys/**", "/api/v1/workflows/**",
      "/api/v1/workflow-runs/**", "/api/v1/config/**", "/api/v1/catalog/**"};
  private static final String[] ADMIN_AREA = {
      "/api/v1/tokens/**", "/api/v1/members/**"};

  private Roles() {}

  static void authorize(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.POST, "/api/v1/signup", "/api/v1/invitations/accept").permitAll()
        // the mailed link is the credential of a reset; asking for one needs only an email
        .requestMatchers(HttpMethod.POST, "/api/v1/password-resets", "/api/v1/password-resets/*").permitAll()
        .requestMatchers(HttpMethod.GET, "/api/v1/openapi.json", "/api/v1/openapi.json/**").permitAll()
        .requestMatchers("/api/v1/admin/billing/team", "/api/v1/admin/billing/team/**").hasRole(PLATFORM_ADMIN)
        .requestMatchers("/api/v1/admin/billing", "/api/v1/admin/billing/**").hasAnyRole(PLATFORM_ADMIN, BILLING_TEAM)
        .requestMatchers(HttpMethod.GET, "/api/v1/admin/tenants", "/api/v1/admin/tenants/**")
            .hasAnyRole(PLATFORM_ADMIN, BILLING_TEAM)
        .requestMatchers("/api/v1/admin", "/api/v1/admin/**").hasRole(PLATFORM_ADMIN)
        .requestMatchers(ADMIN_AREA).hasAnyRole(OWNER, ADMIN)
        .requestMatchers(HttpMethod.PUT, "/api/v1/billing/plan").hasAnyRole(OWNER, ADMIN, BILLING)
        .requestMatchers(HttpMethod.GET, BILLING_AREA).hasAnyRole(OWNER, ADMIN, DEVELOPER, VIEWER, BILLING)
        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(OWNER, ADMIN, DEVELOPER, VIEWER)
        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasAnyRole(OWNER, ADMIN, DEVELOPER, VIEWER)
        .requestMatchers(DEVELOPER_AREA).hasAnyRole(OWNER, ADMIN, DEVELOPER)
        .anyRequest().hasAnyRole(OWNER, ADMIN);
  }

  /** The granted authority of a tenant or platform role ({@code platform-admin} → {@code ROLE_PLATFORM_ADMIN}). */
  public static String authority(String role) {
    return "ROLE_" + role.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  /** Whether a tenant role may change services, routes, keys and workflows. */
  public static boolean canDevelop(String role) {
    return switch (role.toUpperCase(java.util.Locale.ROOT)) {
      case OWNER, ADMIN, DEVELOPER -> true;
      default -> false;
    };
  }
}
