package dev.flowgate.portal.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** The sign-in page; Spring Security handles the POST to {@code /login}. */
@Route("login")
@PageTitle("Log in · Flowgate")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

  final LoginForm login = new LoginForm();
  private final AuthenticationContext authentication;

  public LoginView(AuthenticationContext authentication) {
    this.authentication = authentication;
    addClassName("flowgate-auth");
    H1 brand = new H1("Flowgate");
    brand.addClassName("flowgate-brand");

    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getForm().setTitle("Log in");
    i18n.getForm().setUsername("Email");
    login.setI18n(i18n);
    login.setAction("login");
    // the reset view says so itself when the portal cannot mail (no SMTP server)
    login.setForgotPasswordButtonVisible(true);
    login.addForgotPasswordListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("forgot-password")));
    login.setId("login-form");

    Anchor signup = new Anchor("signup", "Create an account");
    signup.setId("signup-link");
    Paragraph noAccount = new Paragraph("New to Flowgate? ");
    noAccount.add(signup);
    noAccount.addClassName("flowgate-muted");

    Div card = new Div(login, noAccount);
    card.addClassName("flowgate-auth-card");
    add(brand, card);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (authentication.isAuthenticated()) {
      event.forwardTo("");
      return;
    }
    if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
      login.setError(true);
    }
    ColorSchemes.apply(event.getUI());
  }
}
