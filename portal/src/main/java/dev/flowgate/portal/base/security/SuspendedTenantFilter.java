package dev.flowgate.portal.base.security;

import dev.flowgate.portal.base.problems.TenantSuspendedException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A suspended tenant's callers still read, but every write answers 403 {@code tenant-suspended}
 * (the gateway refuses its API traffic the same way, from the snapshot).
 */
final class SuspendedTenantFilter extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final Predicate<UUID> suspended;

  SuspendedTenantFilter(Predicate<UUID> suspended) {
    this.suspended = suspended;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!READS.contains(request.getMethod())
        && authentication != null && authentication.getPrincipal() instanceof TenantPrincipal principal
        && suspended.test(principal.actor().tenantId())) {
      ProblemResponses.write(response, 403, "tenant-suspended", "Tenant suspended", TenantSuspendedException.DETAIL);
      return;
    }
    chain.doFilter(request, response);
  }
}
