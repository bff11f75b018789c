package dev.flowgate.portal.accounts;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Feeds form-login outcomes into {@link LoginAttempts}. */
@Component
class LoginAttemptListener {

  private final LoginAttempts attempts;

  LoginAttemptListener(LoginAttempts attempts) {
    this.attempts = attempts;
  }

  @EventListener
  void on(AuthenticationFailureBadCredentialsEvent event) {
    Authentication authentication = event.getAuthentication();
    attempts.failed(LoginAttempts.account(authentication.getName()));
    if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
      attempts.failed(LoginAttempts.address(details.getRemoteAddress()));
    }
  }

  @EventListener
  void on(AuthenticationSuccessEvent event) {
    attempts.succeeded(LoginAttempts.account(event.getAuthentication().getName()));
  }
}
