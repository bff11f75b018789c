package dev.flowgate.worker.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionValidatorTest {

  static final String PRODUCT_EXAMPLE = """
      {
        "name": "customer-onboarding",
        "steps": [
          {"id": "validate", "type": "http_request",
           "config": {"url": "https://validation.example/verify", "method": "POST", "timeoutMs": 5000},
           "retry": {"maxAttempts": 3, "backoff": "exponential", "initialIntervalMs": 1000}},
          {"id": "approve", "type": "wait_for_signal", "dependsOn": ["validate"],
           "config": {"signal": "approval", "timeoutSeconds": 86400}},
          {"id": "notify", "type": "webhook", "dependsOn": ["approve"],
           "config": {"url": "https://hooks.example/done"}}
        ]
      }
      """;

  private final DefinitionValidator validator = new DefinitionValidator();

  private List<ValidationError> errorsOf(String stepsJson) {
    return validator.validate(DefinitionParser.parse("{\"name\": \"t\", \"steps\": " + stepsJson + "}"));
  }

  @Test
  void the_product_example_is_valid() {
    assertThat(validator.validate(DefinitionParser.parse(PRODUCT_EXAMPLE))).isEmpty();
  }

  @Test
  void every_step_type_with_good_config_is_valid() {
    assertThat(errorsOf("""
        [{"id": "a", "type": "transform", "config": {"mapping": {"total": "$sum(input.items.price)"}}},
         {"id": "b", "type": "condition", "dependsOn": ["a"], "config": {"expression": "steps.a.output.total > 10", "onFalse": ["small"]}},
         {"id": "big", "type": "delay", "dependsOn": ["b"], "config": {"seconds": 5}},
         {"id": "small", "type": "notify", "dependsOn": ["b"], "config": {"to": "ops@example.com", "subject": "small order"}},
         {"id": "join", "type": "parallel", "dependsOn": ["big", "small"]},
         {"id": "child", "type": "sub_workflow", "dependsOn": ["join"],
          "config": {"input": "input", "definition": {"name": "c", "steps": [{"id": "x", "type": "transform", "config": {"expression": "1"}}]}}}]
        """)).isEmpty();
  }

  @Test
  void an_unknown_step_type_is_refused_at_its_type_field() {
    assertThat(errorsOf("[{\"id\": \"a\", \"type\": \"ftp_upload\"}]"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.stepId()).isEqualTo("a");
          assertThat(e.field()).isEqualTo("type");
          assertThat(e.message()).contains("unknown step type 'ftp_upload'");
        });
  }

  @Test
  void duplicate_step_ids_are_refused() {
    assertThat(errorsOf("""
        [{"id": "a", "type": "delay", "config": {"seconds": 1}}, {"id": "a", "type": "delay", "config": {"seconds": 1}}]
        """)).containsExactly(new ValidationError("a", "id", "duplicate step id 'a'"));
  }

  @Test
  void a_dangling_depends_on_is_refused() {
    assertThat(errorsOf("[{\"id\": \"a\", \"type\": \"delay\", \"dependsOn\": [\"ghost\"], \"config\": {\"seconds\": 1}}]"))
        .containsExactly(new ValidationError("a", "dependsOn", "depends on unknown step 'ghost'"));
  }

  @Test
  void a_cycle_is_refused_on_each_of_its_steps_and_steps_after_it_are_unreachable() {
    List<ValidationError> errors = errorsOf("""
        [{"id": "a", "type": "delay", "dependsOn": ["b"], "config": {"seconds": 1}},
         {"id": "b", "type": "delay", "dependsOn": ["a"], "config": {"seconds": 1}},
         {"id": "c", "type": "delay", "dependsOn": ["b"], "config": {"seconds": 1}}]
        """);
    assertThat(errors).extracting(ValidationError::stepId, ValidationError::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "dependsOn"),
            org.assertj.core.groups.Tuple.tuple("b", "dependsOn"),
            org.assertj.core.groups.Tuple.tuple("c", "dependsOn"));
    assertThat(errors.get(0).message()).contains("cycle");
    assertThat(errors.get(2).message()).contains("unreachable");
  }

  @Test
  void a_self_dependency_is_refused() {
    assertThat(errorsOf("[{\"id\": \"a\", \"type\": \"delay\", \"dependsOn\": [\"a\"], \"config\": {\"seconds\": 1}}]"))
        .extracting(ValidationError::message).contains("a step cannot depend on itself");
  }

  @Test
  void an_http_request_without_url_is_refused() {
    assertThat(errorsOf("[{\"id\": \"h\", \"type\": \"http_request\", \"config\": {}}]"))
        .containsExactly(new ValidationError("h", "config.url", "url is required"));
  }

  @Test
  void a_non_http_url_is_refused() {
    assertThat(errorsOf("[{\"id\": \"h\", \"type\": \"webhook\", \"config\": {\"url\": \"file:///etc/passwd\"}}]"))
        .extracting(ValidationError::field).containsExactly("config.url");
  }

  @Test
  void a_bad_method_is_refused() {
    assertThat(errorsOf("[{\"id\": \"h\", \"type\": \"http_request\", \"config\": {\"url\": \"https://x.example\", \"method\": \"FETCH\"}}]"))
        .extracting(ValidationError::field).containsExactly("config.method");
  }

  @Test
  void negative_timeouts_are_refused() {
    assertThat(errorsOf("""
        [{"id": "h", "type": "http_request", "config": {"url": "https://x.example", "timeoutMs": -5}},
         {"id": "w", "type": "wait_for_signal", "timeoutMs": -1, "config": {"signal": "s", "timeoutSeconds": -1}},
         {"id": "d", "type": "delay", "config": {"seconds": -3}}]
        """)).extracting(ValidationError::stepId, ValidationError::field)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("h", "config.timeoutMs"),
            org.assertj.core.groups.Tuple.tuple("w", "timeoutMs"),
            org.assertj.core.groups.Tuple.tuple("w", "config.timeoutSeconds"),
            org.assertj.core.groups.Tuple.tuple("d", "config.seconds"));
  }

  @Test
  void bad_retry_settings_are_refused() {
    assertThat(errorsOf("""
        [{"id": "h", "type": "http_request", "config": {"url": "https://x.example"},
          "retry": {"maxAttempts": 0, "backoff": "random", "initialIntervalMs": 0}}]
        """)).extracting(ValidationError::field)
        .containsExactly("retry.maxAttempts", "retry.backoff", "retry.initialIntervalMs");
  }

  @Test
  void expressions_that_do_not_compile_are_refused_at_their_field() {
    List<ValidationError> errors = errorsOf("""
        [{"id": "t", "type": "transform", "config": {"expression": "input.(("}},
         {"id": "c", "type": "condition", "config": {"expression": "steps.t.output >"}},
         {"id": "m", "type": "transform", "config": {"mapping": {"x": "$sum("}}},
         {"id": "h", "type": "http_request", "config": {"url": "https://x.example", "body": "{ 'a': }"}}]
        """);
    assertThat(errors).extracting(ValidationError::stepId, ValidationError::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("t", "config.expression"),
            org.assertj.core.groups.Tuple.tuple("c", "config.expression"),
            org.assertj.core.groups.Tuple.tuple("m", "config.mapping.x"),
            org.assertj.core.groups.Tuple.tuple("h", "config.body"));
    assertThat(errors).allSatisfy(e -> assertThat(e.message()).startsWith("bad expression"));
  }

  @Test
  void a_transform_without_expression_or_mapping_is_refused() {
    assertThat(errorsOf("[{\"id\": \"t\", \"type\": \"transform\"}]"))
        .extracting(ValidationError::field).containsExactly("config.expression");
  }

  @Test
  void a_wait_for_signal_needs_a_well_formed_signal_name() {
    assertThat(errorsOf("""
        [{"id": "a", "type": "wait_for_signal", "config": {}},
         {"id": "b", "type": "wait_for_signal", "config": {"signal": "no spaces please"}}]
        """)).extracting(ValidationError::stepId, ValidationError::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "config.signal"),
            org.assertj.core.groups.Tuple.tuple("b", "config.signal"));
  }

  @Test
  void a_notify_needs_email_recipients_and_a_subject() {
    assertThat(errorsOf("[{\"id\": \"n\", \"type\": \"notify\", \"config\": {\"to\": [\"not-an-email\"]}}]"))
        .extracting(ValidationError::field).containsExactly("config.to", "config.subject");
  }

  @Test
  void condition_branches_must_name_dependents_and_not_both_branches() {
    List<ValidationError> errors = errorsOf("""
        [{"id": "c", "type": "condition", "config": {"expression": "true", "onTrue": ["x", "other"], "onFalse": ["x"]}},
         {"id": "x", "type": "delay", "dependsOn": ["c"], "config": {"seconds": 1}},
         {"id": "other", "type": "delay", "config": {"seconds": 1}}]
        """);
    assertThat(errors).contains(
        new ValidationError("c", "config.onTrue", "'other' must be a step that depends on this condition"));
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.stepId()).isEqualTo("x");
      assertThat(e.message()).contains("both branches");
    });
  }

  @Test
  void a_sub_workflow_definition_is_validated_with_its_errors_pointing_into_it() {
    assertThat(errorsOf("""
        [{"id": "s", "type": "sub_workflow", "config": {"definition": {"name": "c", "steps": [{"id": "x", "type": "nope"}]}}}]
        """)).singleElement().satisfies(e -> {
          assertThat(e.stepId()).isEqualTo("s");
          assertThat(e.field()).isEqualTo("config.definition.steps.x.type");
        });
  }

  @Test
  void a_definition_needs_a_name_and_steps() {
    assertThat(validator.validate(new WorkflowDefinition(" ", List.of())))
        .extracting(ValidationError::field).containsExactly("name", "steps");
  }

  @Test
  void malformed_json_is_refused_by_the_parser() {
    assertThatThrownBy(() -> DefinitionParser.parse("{\"name\": \"x\", \"steps\": [}"))
        .isInstanceOf(DefinitionParser.MalformedDefinitionException.class);
  }

  @Test
  void schedules_need_a_six_field_cron_and_a_known_time_zone() {
    assertThat(validator.validateSchedule("0 0 9 * * MON-FRI", "Europe/Berlin")).isEmpty();
    assertThat(validator.validateSchedule("0 9 * *", "Mars/Olympus"))
        .extracting(ValidationError::field).containsExactly("cron", "timeZone");
  }

  @Test
  void approver_roles_are_a_non_empty_list_of_the_portals_roles() {
    assertThat(errorsOf("""
        [{"id": "a", "type": "wait_for_signal", "config": {"signal": "approval", "approverRoles": ["owner", "admin"]}}]
        """)).isEmpty();
    assertThat(errorsOf("""
        [{"id": "a", "type": "wait_for_signal", "config": {"signal": "approval", "approverRoles": ["owner", "Admin"]}}]
        """)).singleElement().satisfies(e -> {
          assertThat(e.field()).isEqualTo("config.approverRoles");
          assertThat(e.message()).contains("'Admin' is not a role");
        });
    assertThat(errorsOf("""
        [{"id": "a", "type": "wait_for_signal", "config": {"signal": "approval", "approverRoles": []}}]
        """)).extracting(ValidationError::field).containsExactly("config.approverRoles");
  }

  @Test
  void a_definition_may_declare_itself_idempotent() {
    WorkflowDefinition definition = DefinitionParser.parse("""
        {"name": "t", "idempotent": true, "steps": [{"id": "a", "type": "transform", "config": {"expression": "1"}}]}
        """);
    assertThat(definition.restartable()).isTrue();
    assertThat(validator.validate(definition)).isEmpty();
    assertThat(DefinitionParser.parse(PRODUCT_EXAMPLE).restartable()).isFalse();
  }
}
