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

  @Test
  void a_transform_body_mapping_with_valid_pointers_is_accepted() {
    assertThat(errors("response_transform", "{'setHeaders': {'X-A': '1'}, 'body': {'remove': ['/internal', '/items/0'], "
        + "'rename': {'/user/mail': '/user/email', '/a~1b': '/c~0d'}, 'add': {'/source': 'flowgate', '/user/tags': []}}}"))
        .isEmpty();
    assertThat(errors("request_transform", "{'body': {'remove': ['/user'], 'rename': {'/person': '/user'}, "
        + "'add': {'/user/id': 1}}}")).isEmpty();
  }

  @Test
  void a_malformed_pointer_is_refused_at_its_own_field() {
    assertThat(errors("response_transform", "{'body': {'rename': {'/user/mail': 'user/email', 'x': '/y'}, "
        + "'remove': ['/ok', '/bad~2', ''], 'add': {'/a~': 1}}}")).containsExactly(
        "policies[2].config.body.remove[1]: '/bad~2' is not a JSON Pointer: '~' must be followed by 0 or 1 (~0 is '~', ~1 is '/')",
        "policies[2].config.body.remove[2]: must point inside the body: a JSON Pointer such as /user/email",
        "policies[2].config.body.rename./user/mail: 'user/email' is not a JSON Pointer: it must start with '/', e.g. /user/email",
        "policies[2].config.body.rename.x: 'x' is not a JSON Pointer: it must start with '/', e.g. /user/email",
        "policies[2].config.body.add./a~: '/a~' is not a JSON Pointer: '~' must be followed by 0 or 1 (~0 is '~', ~1 is '/')");
  }

  @Test
  void a_body_mapping_of_the_wrong_shape_is_refused() {
    assertThat(errors("request_transform", "{'body': ['/a']}")).containsExactly(
        "policies[2].config.body: must be an object {remove?, rename?, add?}");
    assertThat(errors("request_transform", "{'body': {'remove': '/a', 'rename': ['/a'], 'add': 3, 'replace': {}}}"))
        .containsExactly(
            "policies[2].config.body.replace: unknown part (known: add, remove, rename)",
            "policies[2].config.body.remove: must list JSON Pointers such as /internal",
            "policies[2].config.body.rename: must be an object keyed by JSON Pointers",
            "policies[2].config.body.add: must be an object keyed by JSON Pointers");
    assertThat(errors("response_transform", "{'body': {'rename': {'/a': 5}}}")).containsExactly(
        "policies[2].config.body.rename./a: must be a JSON Pointer such as /user/email");
  }

  @Test
  void adding_or_renaming_under_a_parent_an_earlier_step_removed_is_refused() {
    assertThat(errors("response_transform", "{'body': {'remove': ['/internal'], 'rename': {'/user/mail': '/internal/mail'}, "
        + "'add': {'/user/mail/first': 1, '/internal/x': 2}}}")).containsExactly(
        "policies[2].config.body.rename./user/mail: its parent /internal is removed by an earlier step "
            + "(remove, then rename, then add), so it would be missing",
        "policies[2].config.body.add./user/mail/first: its parent /user/mail is removed by an earlier step "
            + "(remove, then rename, then add), so it would be missing",
        "policies[2].config.body.add./internal/x: its parent /internal is removed by an earlier step "
            + "(remove, then rename, then add), so it would be missing");
    assertThat(errors("response_transform", "{'body': {'rename': {'/user': '/user/old'}}}")).containsExactly(
        "policies[2].config.body.rename./user: cannot move a value into itself (/user/old)");
  }
}
