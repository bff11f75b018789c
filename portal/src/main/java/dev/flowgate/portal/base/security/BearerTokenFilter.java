package dev.flowgate.portal.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} through a resolver; an unknown token is
 * simply not authenticated (the chain's entry point then answers 401).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

  private final Function<String, Optional<BearerAuthentication>> resolver;

  BearerTokenFilter(Function<String, Optional<BearerAuthentication>> resolver) {
    this.resolver = resolver;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<BearerAuthentication> resolved;
      try {
        resolved = resolver.apply(header.substring(7).strip());
      } catch (DataAccessException | TransactionException e) {
        // the token cannot be checked: say so, rather than 401 a caller whose token may be fine
        response.setHeader(HttpHeaders.RETRY_AFTER, "10");
        ProblemResponses.write(response, 503, "service-unavailable", "Service unavailable",
            "The portal cannot reach its database; retry shortly");
        return;
      }
      resolved.ifPresent(authentication -> {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
      });
    }
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** An authenticated bearer credential. */
  static final class BearerAuthentication extends AbstractAuthenticationToken {

    private final Object principal;

    BearerAuthentication(Object principal, Collection<? extends GrantedAuthority> authorities) {
      super(authorities);
      this.principal = principal;
      setAuthenticated(true);
    }

    @Override
    public @Nullable Object getCredentials() {
      return null;
    }

    @Override
    public Object getPrincipal() {
      return principal;
    }
  }
}
