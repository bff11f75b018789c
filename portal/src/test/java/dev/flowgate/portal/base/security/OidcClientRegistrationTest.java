package dev.flowgate.portal.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

class OidcClientRegistrationTest {

  @Test
  void explicit_endpoints_make_a_registration_without_asking_the_provider() {
    // nothing listens on these: building must not reach them
    ClientRegistration registration = OidcClientRegistration.of(new OidcProperties("portal", "s3cret", "Acme ID",
        "http://127.0.0.1:9/issuer", "http://127.0.0.1:9/authorize", "http://127.0.0.1:9/token", "http://127.0.0.1:9/jwks", "", ""));

    assertThat(registration.getRegistrationId()).isEqualTo(OidcProperties.REGISTRATION_ID);
    assertThat(registration.getClientName()).isEqualTo("Acme ID");
    assertThat(registration.getScopes()).contains("openid", "email");
    assertThat(registration.getProviderDetails().getIssuerUri()).as("ID tokens are checked against it").isEqualTo("http://127.0.0.1:9/issuer");
    assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUri()).isNull();
    assertThat(registration.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
  }

  @Test
  void an_issuer_alone_is_discovered_at_start_up() throws Exception {
    HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
    String discovery = "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/auth\","
        + "\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\","
        + "\"userinfo_endpoint\":\"" + issuer + "/me\",\"end_session_endpoint\":\"" + issuer + "/bye\","
        + "\"response_types_supported\":[\"code\"],"
        + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    provider.createContext("/.well-known/openid-configuration", exchange -> {
      byte[] body = discovery.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    provider.start();
    try {
      ClientRegistration registration = OidcClientRegistration.of(new OidcProperties("portal", "s3cret", "Acme ID", issuer, "", "", "", "", ""));

      assertThat(registration.getRegistrationId()).isEqualTo(OidcProperties.REGISTRATION_ID);
      assertThat(registration.getProviderDetails().getAuthorizationUri()).isEqualTo(issuer + "/auth");
      assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo(issuer + "/jwks");
      assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUri()).isEqualTo(issuer + "/me");
      assertThat(registration.getClientId()).isEqualTo("portal");
      assertThat(registration.getProviderDetails().getConfigurationMetadata())
          .as("logging out ends the provider's session there").containsEntry("end_session_endpoint", issuer + "/bye");

      ClientRegistration elsewhere = OidcClientRegistration.of(
          new OidcProperties("portal", "s3cret", "Acme ID", issuer, "", "", "", "", "https://sso.test/logout"));
      assertThat(elsewhere.getProviderDetails().getConfigurationMetadata())
          .as("the configured endpoint wins; the rest of discovery is kept")
          .containsEntry("end_session_endpoint", "https://sso.test/logout")
          .containsEntry("userinfo_endpoint", issuer + "/me");
    } finally {
      provider.stop(0);
    }
  }

  @Test
  void explicit_endpoints_name_the_end_session_endpoint_when_one_is_configured() {
    ClientRegistration without = OidcClientRegistration.of(new OidcProperties("portal", "", "SSO", "",
        "https://id.test/authorize", "https://id.test/token", "https://id.test/jwks", "", ""));
    ClientRegistration with = OidcClientRegistration.of(new OidcProperties("portal", "", "SSO", "",
        "https://id.test/authorize", "https://id.test/token", "https://id.test/jwks", "", "https://id.test/logout"));

    assertThat(without.getProviderDetails().getConfigurationMetadata()).doesNotContainKey("end_session_endpoint");
    assertThat(with.getProviderDetails().getConfigurationMetadata())
        .containsEntry("end_session_endpoint", "https://id.test/logout");
  }

  @Test
  void a_client_without_a_secret_is_a_public_client() {
    ClientRegistration registration = OidcClientRegistration.of(new OidcProperties("portal", "", "SSO", "",
        "https://id.test/authorize", "https://id.test/token", "https://id.test/jwks", "https://id.test/userinfo", ""));

    assertThat(registration.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
  }

  @Test
  void a_client_id_without_a_provider_fails_start_up_naming_the_variables() {
    OidcProperties incomplete = new OidcProperties("portal", "", "SSO", "", "https://id.test/authorize", "", "", "", "");

    assertThat(incomplete.enabled()).isTrue();
    assertThatThrownBy(() -> OidcClientRegistration.of(incomplete))
        .hasMessageContaining("FLOWGATE_OIDC_ISSUER_URI").hasMessageContaining("FLOWGATE_OIDC_JWK_SET_URI");
  }
}
