package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.security.PortalUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A tenant's user signed in through OIDC: the same user, tenant and role as with the login form. */
final class OidcPortalUser extends PortalUser implements OidcSignedIn {

  private final OidcUser provider;

  OidcPortalUser(PortalUser account, OidcUser provider) {
    super(account);
    this.provider = provider;
  }

  @Override
  public OidcUser provider() {
    return provider;
  }
}
