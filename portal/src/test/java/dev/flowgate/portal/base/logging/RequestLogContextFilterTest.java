package dev.flowgate.portal.base.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.TenantPrincipal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class RequestLogContextFilterTest {

  private final RequestLogContextFilter filter = new RequestLogContextFilter();
  private final Map<String, String> seen = new HashMap<>();

  @AfterEach
  void clearSecurity() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void logLinesOfARequestCarryItsRequestIdTenantAndActor() throws Exception {
    UUID tenant = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    TenantPrincipal principal = new TenantPrincipal() {
      public Actor actor() {
        return Actor.user(tenant, user);
      }

      public String email() {
        return "dev@example.com";
      }
    };
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(principal, null, List.of()));
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/keys");
    request.addHeader("X-Request-ID", "req-42");
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(request, response, (req, res) -> seen.putAll(MDC.getCopyOfContextMap()));

    assertThat(seen).containsEntry("requestId", "req-42")
        .containsEntry("tenantId", tenant.toString())
        .containsEntry("actorType", "user")
        .containsEntry("actorId", user.toString());
    assertThat(response.getHeader("X-Request-ID")).isEqualTo("req-42");
  }

  @Test
  void theContextIsClearedWhenTheRequestEnds() throws Exception {
    filter.doFilter(new MockHttpServletRequest("GET", "/login"), new MockHttpServletResponse(), (req, res) -> {});

    assertThat(MDC.get("requestId")).isNull();
    assertThat(MDC.get("tenantId")).isNull();
  }

  @Test
  void anUnprintableOrOverlongRequestIdIsReplacedByANewOne() {
    assertThat(RequestLogContextFilter.requestId("evil\nline")).isNotEqualTo("evil\nline").hasSize(36);
    assertThat(RequestLogContextFilter.requestId("x".repeat(200))).hasSize(36);
    assertThat(RequestLogContextFilter.requestId(null)).hasSize(36);
    assertThat(RequestLogContextFilter.requestId("abc-123")).isEqualTo("abc-123");
  }
}
