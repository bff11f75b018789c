package dev.flowgate.portal.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection for the login form. Vaadin exempts {@code POST /login} from Spring's CSRF
 * token (its login web component posts a plain form without one), which leaves login CSRF open: a
 * foreign page could sign a victim in to the attacker's account. Browsers say where a POST comes
 * from, so a login posted by another site ({@code Sec-Fetch-Site: cross-site}/{@code same-site},
 * or an {@code Origin} whose host differs from the request's) is refused with 403 before any
 * credentials are looked at. Non-browser clients that send neither header are unaffected.
 */
final class CrossSiteLoginFilter extends OncePerRequestFilter {

  private final String loginPath;

  CrossSiteLoginFilter(String loginPath) {
    this.loginPath = loginPath;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !(request.getContextPath() + loginPath).equals(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (crossSite(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Cross-site login refused");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean crossSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      return true;
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      return false;
    }
    String host = request.getHeader(HttpHeaders.HOST);
    try {
      URI uri = URI.create(origin.strip());
      String authority = uri.getRawAuthority();
      // "null" (a sandboxed or file page) has no authority: never the portal itself
      return authority == null || host == null
          || !authority.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
