package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.security.PlatformUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A platform operator signed in through OIDC: the same operator and role as with the login form. */
final class OidcPlatformUser extends PlatformUser implements OidcSignedIn {

  private final OidcUser provider;

  OidcPlatformUser(PlatformUser account, OidcUser provider) {
    // no password: this sign-in never saw one
    super(account.userId(), account.email(), "", account.role(), true);
    this.provider = provider;
  }

  @Override
  public OidcUser provider() {
    return provider;
  }
}
