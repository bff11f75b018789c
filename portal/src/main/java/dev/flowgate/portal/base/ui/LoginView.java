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
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.security.OidcLoginFailureHandler;
import dev.flowgate.portal.base.security.OidcProperties;
import org.jspecify.annotations.Nullable;

/**
 * The sign-in page; Spring Security handles the POST to {@code /login}. With an OIDC provider
 * configured, "Sign in with …" below the form starts Spring's authorization-code flow, and a
 * refused OIDC sign-in comes back here with its reason.
 */
@Route("login")
@PageTitle("Log in · Flowgate")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

  final LoginForm login = new LoginForm();
  private final Paragraph oidcError = new Paragraph();
  private final AuthenticationContext authentication;

  public LoginView(AuthenticationContext authentication, OidcProperties oidc) {
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

    oidcError.setId("oidc-error");
    oidcError.getElement().setAttribute("role", "alert");
    oidcError.getStyle().set("color", "var(--lumo-error-text-color)");
    oidcError.setVisible(false);

    Div card = new Div(oidcError, login);
    if (oidc.enabled()) {
      card.add(oidcLink(oidc));
    }
    card.add(noAccount);
    card.addClassName("flowgate-auth-card");
    add(brand, card);
  }

  /** A real link (keyboard reachable, works without script), styled as a secondary button from the theme's tokens. */
  private static Anchor oidcLink(OidcProperties oidc) {
    Anchor link = new Anchor(oidc.authorizationPath(), "Sign in with " + oidc.name());
    link.setId("oidc-login");
    link.setRouterIgnore(true); // a full request: Spring's filter answers it, not the Vaadin router
    link.getStyle().set("display", "block").set("text-align", "center").set("font-weight", "600")
        .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin", "0 var(--lumo-space-l) var(--lumo-space-m)")
        .set("border", "1px solid var(--flowgate-border)").set("border-radius", "var(--lumo-border-radius-m)")
        .set("background", "var(--flowgate-surface-raised)").set("color", "var(--lumo-primary-text-color)")
        .set("text-decoration", "none");
    return link;
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
    VaadinSession session = VaadinSession.getCurrent();
    showOidcFailure(session == null ? null : session.getSession());
    ColorSchemes.apply(event.getUI());
  }

  /** The reason of a refused OIDC sign-in, once: the failure handler left it in the session. */
  void showOidcFailure(@Nullable WrappedSession http) {
    if (http != null && http.getAttribute(OidcLoginFailureHandler.MESSAGE_ATTRIBUTE) instanceof String message) {
      http.removeAttribute(OidcLoginFailureHandler.MESSAGE_ATTRIBUTE);
      oidcError.setText(message);
      oidcError.setVisible(true);
    }
  }
}
