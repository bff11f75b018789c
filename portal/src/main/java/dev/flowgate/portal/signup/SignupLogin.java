package dev.flowgate.portal.signup;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a just-registered user in to the current browser session. */
@Component
class SignupLogin {

  private static final Logger log = LoggerFactory.getLogger(SignupLogin.class);

  private final UserDetailsService users;
  private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

  SignupLogin(UserDetailsService users) {
    this.users = users;
  }

  boolean signIn(String email) {
    VaadinServletRequest request = VaadinServletRequest.getCurrent();
    VaadinServletResponse response = VaadinServletResponse.getCurrent();
    if (request == null || response == null) {
      return false;
    }
    try {
      UserDetails user = users.loadUserByUsername(email);
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
      SecurityContextHolder.setContext(context);
      repository.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
      return true;
    } catch (RuntimeException e) {
      log.warn("could not sign in after sign-up: {}", e.toString());
      return false;
    }
  }
}
