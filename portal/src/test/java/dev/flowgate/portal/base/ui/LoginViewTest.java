package dev.flowgate.portal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.security.OidcLoginFailureHandler;
import dev.flowgate.portal.base.security.OidcProperties;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginViewTest {

  private static final OidcProperties OFF = new OidcProperties("", "", "SSO", "", "", "", "", "", "");
  private static final OidcProperties ACME = new OidcProperties("portal", "secret", "Acme ID", "https://id.acme.test",
      "https://id.acme.test/authorize", "https://id.acme.test/token", "https://id.acme.test/jwks", "", "");

  @Test
  void without_a_provider_the_page_has_the_login_form_only() {
    LoginView view = new LoginView(new AuthenticationContext(), OFF);

    assertThat(byId(view, "login-form")).isPresent();
    assertThat(byId(view, "oidc-login")).isEmpty();
  }

  @Test
  void with_a_provider_a_keyboard_reachable_link_starts_its_sign_in() {
    LoginView view = new LoginView(new AuthenticationContext(), ACME);

    Anchor link = (Anchor) byId(view, "oidc-login").orElseThrow();
    assertThat(link.getText()).isEqualTo("Sign in with Acme ID");
    assertThat(link.getHref()).isEqualTo("oauth2/authorization/oidc");
    assertThat(link.isRouterIgnore()).as("a full request to Spring's filter, not a router navigation").isTrue();
    assertThat(link.getElement().hasAttribute("tabindex")).as("in the tab order as any link").isFalse();
    assertThat(byId(view, "login-form")).as("the form stays").isPresent();
  }

  @Test
  void a_refused_oidc_sign_in_shows_its_reason_once() {
    LoginView view = new LoginView(new AuthenticationContext(), ACME);
    Paragraph error = (Paragraph) byId(view, "oidc-error").orElseThrow();
    assertThat(error.isVisible()).isFalse();
    WrappedSession session = mock(WrappedSession.class);
    when(session.getAttribute(OidcLoginFailureHandler.MESSAGE_ATTRIBUTE)).thenReturn("No Flowgate account for a@b.test");

    view.showOidcFailure(session);

    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).isEqualTo("No Flowgate account for a@b.test");
    assertThat(error.getElement().getAttribute("role")).isEqualTo("alert");
    verify(session).removeAttribute(OidcLoginFailureHandler.MESSAGE_ATTRIBUTE);
  }

  private static Optional<Component> byId(Component root, String id) {
    if (root.getId().filter(id::equals).isPresent()) {
      return Optional.of(root);
    }
    return root.getChildren().map(c -> byId(c, id)).flatMap(Optional::stream).findFirst();
  }
}
