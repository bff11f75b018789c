package dev.flowgate.portal.base.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A refused or failed OIDC sign-in goes back to the login page with a message that says why. The
 * message rides in the session, not the URL, so nobody can craft a login link that shows their
 * text; the portal's own refusals (error codes starting {@link #REFUSAL_PREFIX}) are shown as they
 * are, anything else (the provider's errors, a bad token) as one generic sentence.
 */
public final class OidcLoginFailureHandler implements AuthenticationFailureHandler {

  /** Session attribute holding the message until the login view shows it once. */
  public static final String MESSAGE_ATTRIBUTE = OidcLoginFailureHandler.class.getName() + ".message";
  public static final String REFUSAL_PREFIX = "flowgate_";
  static final String FAILURE_URL = "/login?oidc-error";

  private static final Logger log = LoggerFactory.getLogger(OidcLoginFailureHandler.class);

  private final String providerName;
  private final RedirectStrategy redirect = new DefaultRedirectStrategy();

  OidcLoginFailureHandler(String providerName) {
    this.providerName = providerName;
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "unknown";
    String message;
    if (code.startsWith(REFUSAL_PREFIX) && exception instanceof OAuth2AuthenticationException oauth
        && oauth.getError().getDescription() != null) {
      log.info("OIDC sign-in refused: {}", code);
      message = oauth.getError().getDescription();
    } else {
      log.warn("OIDC sign-in failed: {} ({})", code, exception.getClass().getSimpleName());
      message = "Signing in with " + providerName + " did not work. Try again, or log in with your email and password.";
    }
    request.getSession().setAttribute(MESSAGE_ATTRIBUTE, message);
    redirect.sendRedirect(request, response, FAILURE_URL);
  }
}
