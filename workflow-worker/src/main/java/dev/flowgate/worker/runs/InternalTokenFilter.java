package dev.flowgate.worker.runs;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every {@code /internal/**} call must carry {@code Authorization: Bearer <FLOWGATE_INTERNAL_TOKEN>}. */
@Component
class InternalTokenFilter extends OncePerRequestFilter {

  private final byte[] expected;

  InternalTokenFilter(RunsProperties properties) {
    this.expected = ("Bearer " + properties.internalToken()).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/internal/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader("Authorization");
    boolean configured = expected.length > "Bearer ".length();
    if (configured && given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(401);
    response.setContentType("application/problem+json");
    response.setHeader("WWW-Authenticate", "Bearer");
    String detail = configured ? "a valid internal bearer token is required" : "the internal API is disabled: FLOWGATE_INTERNAL_TOKEN is not set";
    response.getWriter().write("{\"type\":\"https://flowgate.dev/problems/unauthorized\",\"title\":\"Unauthorized\","
        + "\"status\":401,\"detail\":\"" + detail + "\"}");
  }
}
