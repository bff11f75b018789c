package dev.flowgate.gateway.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void a_problem_body_has_type_title_status_detail_instance_and_request_id() {
    Problem problem = Problem.of(ProblemType.INVALID_CREDENTIAL, "The API key is not known.");

    JsonNode body = EventCodec.mapper().readTree(problem.toJson("/orders/7", "req-1"));

    assertThat(body.get("type").asString()).isEqualTo("https://flowgate.dev/problems/invalid-credential");
    assertThat(body.get("title").asString()).isEqualTo("Invalid credential");
    assertThat(body.get("status").asInt()).isEqualTo(401);
    assertThat(body.get("detail").asString()).isEqualTo("The API key is not known.");
    assertThat(body.get("instance").asString()).isEqualTo("/orders/7");
    assertThat(body.get("requestId").asString()).isEqualTo("req-1");
    assertThat(body.has("retry_after")).isFalse();
  }

  @Test
  void a_retryable_problem_says_when_to_retry() {
    JsonNode body = EventCodec.mapper().readTree(new Problem(ProblemType.NOT_READY, "starting", 5).toJson("/", "r"));

    assertThat(body.get("retry_after").asInt()).isEqualTo(5);
    assertThat(body.get("status").asInt()).isEqualTo(503);
  }

  @Test
  void every_problem_type_has_its_own_slug_and_a_status_that_fits_the_contract() {
    assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug)).doesNotHaveDuplicates();
    assertThat(ProblemType.MISSING_CREDENTIAL.status()).isEqualTo(401);
    assertThat(ProblemType.KEY_NOT_ALLOWED.status()).isEqualTo(403);
    assertThat(ProblemType.TENANT_SUSPENDED.status()).isEqualTo(403);
    assertThat(ProblemType.TENANT_MISMATCH.status()).isEqualTo(403);
    assertThat(ProblemType.NO_ROUTE.status()).isEqualTo(404);
    assertThat(ProblemType.UPSTREAM_UNAVAILABLE.status()).isEqualTo(502);
    assertThat(ProblemType.UPSTREAM_FORBIDDEN.status()).isEqualTo(502);
    assertThat(ProblemType.UPSTREAM_TIMEOUT.status()).isEqualTo(504);
  }
}
