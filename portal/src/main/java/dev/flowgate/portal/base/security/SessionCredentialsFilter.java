package dev.flowgate.portal.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a browser session out when its user's password changed after it signed in (a reset by
 * link) or a platform admin disabled the user. The check reads the users row on each request
 * rather than a per-instance session registry: the portal runs several replicas with plain servlet
 * sessions, and the reset may land on another replica than the session. A page load is sent to the
 * login form; anything else (Vaadin's own requests, XHR) answers 401, which Vaadin's client takes
 * as an ended session and reloads into the login form.
 */
final class SessionCredentialsFilter extends OncePerRequestFilter {

  private final String loginPath;
  /** (user id, credentials stamp) → whether the user may still use a session with that stamp */
  private final BiPredicate<UUID, String> stillValid;

  SessionCredentialsFilter(String loginPath, BiPredicate<UUID, String> stillValid) {
    this.loginPath = loginPath;
    this.stillValid = stillValid;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof PortalUser user)
        || stillValid.test(user.userId(), user.credentialsStamp())) {
      chain.doFilter(request, response);
      return;
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    if (isPageLoad(request)) {
      response.sendRedirect(request.getContextPath() + loginPath);
    } else {
      ProblemResponses.write(response, 401, "session-ended", "Session ended",
          "The password changed or the account was disabled since this session signed in; sign in again");
    }
  }

  /** A browser navigating (not Vaadin's {@code v-r} requests, not XHR asking for JSON). */
  private static boolean isPageLoad(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return "GET".equals(request.getMethod()) && request.getParameter("v-r") == null
        && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
  }
}
