package dev.flowgate.portal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PolicyRulesTest {

  private static final UUID KNOWN_WORKFLOW = UUID.randomUUID();

  private static List<String> errors(String type, String config) {
    List<FieldError> errors = new ArrayList<>();
    PolicyRules.check(2, new Policy(type, config == null ? null : EventCodec.mapper().readTree(config.replace('\'', '"'))),
        KNOWN_WORKFLOW::equals, errors);
    return errors.stream().map(e -> e.field() + ": " + e.message()).toList();
  }

  @Test
  void a_rate_limit_needs_a_positive_limit_and_a_window() {
    assertThat(errors("rate_limit", "{'limit': 10, 'windowSeconds': 1}")).isEmpty();
    assertThat(errors("rate_limit", "{'limit': 0}")).containsExactly(
        "policies[2].config.limit: must be a whole number from 1 to 1000000000",
        "policies[2].config.windowSeconds: must be a whole number from 1 to 86400");
  }

  @Test
  void an_unknown_policy_type_is_refused_with_the_known_ones() {
    assertThat(errors("teleport", "{}")).singleElement().asString()
        .startsWith("policies[2].type: unknown policy type 'teleport'").contains("rate_limit").contains("cors");
  }

  @Test
  void a_workflow_trigger_must_name_one_of_the_tenants_workflows() {
    assertThat(errors("workflow_trigger", "{'workflowId': '" + KNOWN_WORKFLOW + "', 'mode': 'passthrough'}")).isEmpty();
    assertThat(errors("workflow_trigger", "{'workflowId': '" + UUID.randomUUID() + "', 'mode': 'later'}")).containsExactly(
        "policies[2].config.workflowId: must be the id of one of your workflows",
        "policies[2].config.mode: must be async or passthrough");
  }

  @Test
  void cors_ip_filter_and_jwt_configs_are_checked_field_by_field() {
    assertThat(errors("cors", "{'allowedOrigins': ['https://app.example', '*'], 'allowedMethods': ['GET']}")).isEmpty();
    assertThat(errors("cors", "{'allowedOrigins': ['javascript:x']}")).singleElement().asString().startsWith("policies[2].config.allowedOrigins");
    assertThat(errors("ip_filter", "{'deny': ['10.0.0.0/8', '2001:db8::/32']}")).isEmpty();
    assertThat(errors("ip_filter", "{'allow': ['10.0.0.0/99']}")).singleElement().asString().startsWith("policies[2].config.allow:");
    assertThat(errors("ip_filter", "{}")).containsExactly("policies[2].config: must set allow or deny");
    assertThat(errors("jwt_auth", "{'jwksUri': 'http://idp.example/jwks', 'issuer': 'i'}")).containsExactly(
        "policies[2].config.jwksUri: must be an https URL", "policies[2].config.audience: must not be empty");
    assertThat(errors("key_auth", null)).isEmpty();
  }
}
