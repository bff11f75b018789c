package dev.flowgate.portal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowDefinitionsTest {

  private static List<FieldError> validate(String json) {
    return WorkflowDefinitions.validate(EventCodec.mapper().readTree(json.replace('\'', '"')));
  }

  @Test
  void the_example_of_the_product_contract_is_valid() {
    assertThat(validate("""
        {'name': 'customer-onboarding', 'steps': [
          {'id': 'validate', 'type': 'http_request', 'config': {'url': 'https://validation.example/verify'}},
          {'id': 'approve', 'type': 'wait_for_signal', 'dependsOn': ['validate'], 'config': {'signal': 'approval'}},
          {'id': 'notify', 'type': 'webhook', 'dependsOn': ['approve'], 'config': {'url': 'https://hooks.example/done'}}]}
        """)).isEmpty();
  }

  @Test
  void a_definition_needs_a_name_and_steps() {
    assertThat(validate("{'steps': []}")).extracting(FieldError::field).containsExactly("name", "steps");
  }

  @Test
  void an_unknown_step_type_names_the_step() {
    assertThat(validate("{'name': 'w', 'steps': [{'id': 'a', 'type': 'teleport'}]}"))
        .singleElement().satisfies(e -> {
          assertThat(e.field()).isEqualTo("steps[0].type");
          assertThat(e.message()).contains("step 'a'").contains("teleport");
        });
  }

  @Test
  void duplicate_ids_and_dangling_depends_on_are_refused() {
    assertThat(validate("""
        {'name': 'w', 'steps': [{'id': 'a', 'type': 'delay'}, {'id': 'a', 'type': 'delay'},
                                {'id': 'b', 'type': 'delay', 'dependsOn': ['ghost']}]}"""))
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("steps[1].id", "step 'a': id is used by another step"),
            org.assertj.core.groups.Tuple.tuple("steps[2].dependsOn", "step 'b': depends on unknown step 'ghost'"));
  }

  @Test
  void a_cycle_is_refused_and_names_a_step_on_it() {
    List<FieldError> errors = validate("""
        {'name': 'w', 'steps': [{'id': 'a', 'type': 'delay', 'dependsOn': ['c']},
                                {'id': 'b', 'type': 'delay', 'dependsOn': ['a']},
                                {'id': 'c', 'type': 'delay', 'dependsOn': ['b']},
                                {'id': 'd', 'type': 'delay'}]}""");
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.field()).matches("steps\\[[012]\\]\\.dependsOn");
      assertThat(e.message()).contains("cycle");
    });
  }

  @Test
  void a_step_depending_on_itself_is_refused() {
    assertThat(validate("{'name': 'w', 'steps': [{'id': 'a', 'type': 'delay', 'dependsOn': ['a']}]}"))
        .singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("step 'a': depends on itself"));
  }

  @Test
  void a_diamond_of_parallel_steps_is_not_a_cycle() {
    assertThat(validate("""
        {'name': 'w', 'steps': [{'id': 'a', 'type': 'parallel'},
          {'id': 'b', 'type': 'transform', 'dependsOn': ['a']}, {'id': 'c', 'type': 'transform', 'dependsOn': ['a']},
          {'id': 'd', 'type': 'notify', 'dependsOn': ['b', 'c']}]}""")).isEmpty();
  }
}
