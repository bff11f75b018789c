package dev.flowgate.portal.base.security;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.base.problems.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem details, for the filter chains (they answer before any controller advice). */
final class ProblemResponses {

  private ProblemResponses() {}

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      write(response, 401, "unauthorized", "Unauthorized", "A valid bearer token is required");
    };
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, e) -> write(response, 403, "forbidden", "Forbidden", "Not allowed");
  }

  static void write(HttpServletResponse response, int status, String slug, String title, String detail) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", Problems.TYPE_BASE + slug);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.getOutputStream().write(EventCodec.toBytes(body));
  }
}
