package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.security.OidcLoginFailureHandler;
import dev.flowgate.portal.base.security.OidcProperties;
import dev.flowgate.portal.base.security.PlatformUser;
import dev.flowgate.portal.base.security.PortalUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Who an OIDC sign-in is: the provider's verified email names the portal account, looked up as the
 * login form looks it up (platform operators first, then tenants' users), so the session holds the
 * same principal, role and tenant as after a form login. No account, an unverified or missing
 * email, or a disabled user: refused with a message for the login page. A lockout from failed
 * passwords does not apply (it guards the password, which this sign-in never uses).
 */
@Component
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OAuth2UserService<OidcUserRequest, OidcUser> provider = new OidcUserService();
  private final PortalUserDetailsService accounts;
  private final OidcProperties properties;

  OidcAccounts(PortalUserDetailsService accounts, OidcProperties properties) {
    this.accounts = accounts;
    this.properties = properties;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = provider.loadUser(request);
    String email = verifiedEmail(user);
    UserDetails account;
    try {
      account = accounts.loadUserByUsername(email);
    } catch (UsernameNotFoundException e) {
      throw refused("no_account", "No Flowgate account for " + email + "; sign up first or ask your admin for an invitation.");
    }
    if (!account.isEnabled()) {
      throw refused("account_disabled", "The Flowgate account " + email + " is disabled; ask your admin.");
    }
    return switch (account) {
      case PlatformUser operator -> new OidcPlatformUser(operator, user);
      case PortalUser member -> new OidcPortalUser(member, user);
      default -> throw new IllegalStateException("unexpected account type " + account.getClass().getName());
    };
  }

  /** The email, unless the provider says it is unverified ({@code email_verified} absent: trusted as the provider's own). */
  private String verifiedEmail(OidcUser user) {
    String email = user.getEmail();
    if (email == null || email.isBlank()) {
      throw refused("no_email", properties.name() + " did not share an email address, which Flowgate needs to find your account.");
    }
    if (user.getClaims().containsKey("email_verified") && !Boolean.TRUE.equals(user.getEmailVerified())) {
      throw refused("email_not_verified", properties.name() + " has not verified " + email
          + "; verify it there, then sign in again.");
    }
    return email.strip();
  }

  private static OAuth2AuthenticationException refused(String reason, String message) {
    return new OAuth2AuthenticationException(new OAuth2Error(OidcLoginFailureHandler.REFUSAL_PREFIX + reason, message, null), message);
  }
}
