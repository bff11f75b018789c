package dev.flowgate.portal.accounts;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The portal's own principal ({@code PortalUser} or {@code PlatformUser}, what every view and
 * service expects) signed in through OIDC: it also answers as the provider's {@link OidcUser},
 * which Spring's OAuth2 login requires of a principal. Its name is the portal account's email.
 */
interface OidcSignedIn extends OidcUser {

  /** The user as the provider described them (ID token and user info). */
  OidcUser provider();

  String getUsername();

  @Override
  default Map<String, Object> getClaims() {
    return provider().getClaims();
  }

  @Override
  default @Nullable OidcUserInfo getUserInfo() {
    return provider().getUserInfo();
  }

  @Override
  default OidcIdToken getIdToken() {
    return provider().getIdToken();
  }

  @Override
  default Map<String, Object> getAttributes() {
    return provider().getAttributes();
  }

  @Override
  default String getName() {
    return getUsername();
  }
}
