package dev.flowgate.portal.base.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * "Sign in with …" through an OpenID Connect provider, next to the login form. Off while
 * {@code clientId} is empty: then the portal has form login only, no OIDC endpoints and no button.
 * With the four endpoint URIs set the portal starts without reaching the provider; with only
 * {@code issuerUri} it reads the provider's discovery document at start-up.
 *
 * @param clientId the portal's client id at the provider (FLOWGATE_OIDC_CLIENT_ID); empty: OIDC off
 * @param clientSecret its secret (FLOWGATE_OIDC_CLIENT_SECRET); empty: a public client (PKCE only)
 * @param name the provider as the button names it, "Sign in with {name}" (FLOWGATE_OIDC_NAME)
 * @param issuerUri the provider's issuer; ID tokens must carry it as {@code iss} (FLOWGATE_OIDC_ISSUER_URI)
 * @param endSessionUri the provider's RP-initiated logout endpoint (FLOWGATE_OIDC_END_SESSION_URI): logging
 *     out of the portal then ends the provider's session too. With discovery, the provider's own
 *     {@code end_session_endpoint} is used unless this names another.
 */
@ConfigurationProperties("flowgate.portal.oidc")
public record OidcProperties(
    @DefaultValue("") String clientId,
    @DefaultValue("") String clientSecret,
    @DefaultValue("SSO") String name,
    @DefaultValue("") String issuerUri,
    @DefaultValue("") String authorizationUri,
    @DefaultValue("") String tokenUri,
    @DefaultValue("") String jwkSetUri,
    @DefaultValue("") String userInfoUri,
    @DefaultValue("") String endSessionUri) {

  /** The registration id: the button's link is {@code /oauth2/authorization/oidc}, the callback {@code /login/oauth2/code/oidc}. */
  public static final String REGISTRATION_ID = "oidc";

  public boolean enabled() {
    return !clientId.isBlank();
  }

  /** Where the button sends the browser to start the authorization-code flow (relative to the portal's root). */
  public String authorizationPath() {
    return "oauth2/authorization/" + REGISTRATION_ID;
  }

  /** Whether start-up needs no discovery: the endpoints are all given. */
  boolean explicitEndpoints() {
    return !authorizationUri.isBlank() && !tokenUri.isBlank() && !jwkSetUri.isBlank();
  }

  @Override
  public String toString() {
    return "OidcProperties[clientId=" + clientId + ", name=" + name + ", issuerUri=" + issuerUri + "]";
  }
}
