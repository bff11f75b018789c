package dev.flowgate.portal.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

class BearerTokenFilterTest {

  @Test
  void aTokenThatCannotBeCheckedForLackOfADatabaseGetsA503ProblemNotA401() throws Exception {
    BearerTokenFilter filter = new BearerTokenFilter(token -> {
      throw new CannotCreateTransactionException("Connection refused");
    });
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/keys");
    request.addHeader("Authorization", "Bearer fgm_anything");
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicBoolean reachedTheApp = new AtomicBoolean();

    filter.doFilter(request, response, (req, res) -> reachedTheApp.set(true));

    assertThat(reachedTheApp).isFalse();
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getHeader("Retry-After")).isEqualTo("10");
    assertThat(response.getContentAsString()).contains("service-unavailable");
  }
}
