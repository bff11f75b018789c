package dev.flowgate.billing.web;

import dev.flowgate.billing.BillingProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/** Requires {@code Authorization: Bearer <FLOWGATE_INTERNAL_TOKEN>} on every {@code /internal/**} request. */
class InternalTokenFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Bearer ";

  private final byte[] token;
  private final JsonMapper json;

  InternalTokenFilter(String token, JsonMapper json) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      byte[] presented = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
      if (MessageDigest.isEqual(presented, token)) {
        chain.doFilter(request, response);
        return;
      }
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", Problems.type("unauthorized").toString());
    problem.put("title", "Unauthorized");
    problem.put("status", 401);
    problem.put("detail", "A valid internal bearer token is required.");
    problem.put("instance", request.getRequestURI());
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(BillingProperties properties, JsonMapper json) {
      var registration = new FilterRegistrationBean<>(new InternalTokenFilter(properties.internalToken(), json));
      registration.addUrlPatterns("/internal/*");
      registration.setOrder(0);
      return registration;
    }
  }
}
