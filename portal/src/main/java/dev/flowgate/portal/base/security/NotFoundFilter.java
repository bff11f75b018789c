package dev.flowgate.portal.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 404 under the given path prefixes. The UI serves its start page for every path (the
 * router decides on the client), so endpoints that are switched off, such as OIDC login without a
 * provider, need saying so explicitly.
 */
final class NotFoundFilter extends OncePerRequestFilter {

  private final List<String> prefixes;

  NotFoundFilter(String... prefixes) {
    this.prefixes = List.of(prefixes);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return prefixes.stream().noneMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
  }
}
