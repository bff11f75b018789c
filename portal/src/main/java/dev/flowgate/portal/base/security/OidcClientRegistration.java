package dev.flowgate.portal.base.security;

import java.util.HashMap;
import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/** The one client registration {@link OidcProperties} describe (built only when they are enabled). */
final class OidcClientRegistration {

  /** Where OIDC discovery names the RP-initiated logout endpoint, and where Spring's logout handler reads it. */
  static final String END_SESSION_ENDPOINT = "end_session_endpoint";

  private OidcClientRegistration() {}

  static ClientRegistration of(OidcProperties oidc) {
    ClientRegistration.Builder builder;
    if (oidc.explicitEndpoints()) {
      builder = ClientRegistration.withRegistrationId(OidcProperties.REGISTRATION_ID)
          .authorizationUri(oidc.authorizationUri())
          .tokenUri(oidc.tokenUri())
          .jwkSetUri(oidc.jwkSetUri())
          .userNameAttributeName(IdTokenClaimNames.SUB);
      if (!oidc.issuerUri().isBlank()) {
        builder.issuerUri(oidc.issuerUri());
      }
      if (!oidc.userInfoUri().isBlank()) {
        builder.userInfoUri(oidc.userInfoUri());
      }
    } else if (!oidc.issuerUri().isBlank()) {
      // discovery: reaches the provider now, so a start without it fails here rather than at the first login
      builder = ClientRegistrations.fromIssuerLocation(oidc.issuerUri()).registrationId(OidcProperties.REGISTRATION_ID);
    } else {
      throw new IllegalStateException("FLOWGATE_OIDC_CLIENT_ID is set but the provider is not: set FLOWGATE_OIDC_ISSUER_URI, "
          + "or FLOWGATE_OIDC_AUTHORIZATION_URI, FLOWGATE_OIDC_TOKEN_URI and FLOWGATE_OIDC_JWK_SET_URI");
    }
    ClientRegistration registration = builder
        .clientName(oidc.name())
        .clientId(oidc.clientId())
        .clientSecret(oidc.clientSecret())
        .clientAuthenticationMethod(oidc.clientSecret().isBlank()
            ? ClientAuthenticationMethod.NONE : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope("openid", "profile", "email")
        .build();
    if (oidc.endSessionUri().isBlank()) {
      return registration;
    }
    // on top of what discovery found, which is kept
    Map<String, Object> metadata = new HashMap<>(registration.getProviderDetails().getConfigurationMetadata());
    metadata.put(END_SESSION_ENDPOINT, oidc.endSessionUri());
    return ClientRegistration.withClientRegistration(registration).providerConfigurationMetadata(metadata).build();
  }
}
