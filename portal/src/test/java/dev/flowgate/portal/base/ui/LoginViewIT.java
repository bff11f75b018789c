package dev.flowgate.portal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.accounts.ForgotPasswordView;
import dev.flowgate.portal.accounts.ResetPasswordView;
import dev.flowgate.portal.base.security.OidcProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LoginViewIT extends PortalIT {

  @Autowired AuthenticationContext authentication;
  @Autowired OidcProperties oidc;

  @Test
  void the_login_form_offers_forgot_password_and_the_reset_screens_open_without_signing_in() {
    LoginView view = new LoginView(authentication, oidc);

    assertThat(view.login.isForgotPasswordButtonVisible()).isTrue();
    AccessAnnotationChecker access = new AccessAnnotationChecker();
    assertThat(access.hasAccess(ForgotPasswordView.class, null, role -> false)).isTrue();
    assertThat(access.hasAccess(ResetPasswordView.class, null, role -> false)).isTrue();
  }
}
