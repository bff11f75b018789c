package dev.flowgate.portal.base.logging;

import dev.flowgate.portal.base.security.TenantPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request id (the caller's {@code X-Request-ID} when it is sane, else a new one), the
 * tenant and the actor into the logging context, so structured (JSON) logs can be followed per
 * request and per tenant. Ordered after Spring Security, whose context is then known.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
public class RequestLogContextFilter extends OncePerRequestFilter {

  public static final String REQUEST_ID_HEADER = "X-Request-ID";

  // a caller's id ends up in every log line: accept only short, printable ids
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String requestId = requestId(request.getHeader(REQUEST_ID_HEADER));
    MDC.put("requestId", requestId);
    if (!response.containsHeader(REQUEST_ID_HEADER)) {
      response.setHeader(REQUEST_ID_HEADER, requestId);
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof TenantPrincipal principal) {
      MDC.put("tenantId", principal.actor().tenantId().toString());
      MDC.put("actorType", principal.actor().type());
      if (principal.actor().id() != null) {
        MDC.put("actorId", String.valueOf(principal.actor().id()));
      }
    }
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove("requestId");
      MDC.remove("tenantId");
      MDC.remove("actorType");
      MDC.remove("actorId");
    }
  }

  static String requestId(String given) {
    return given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
  }
}
