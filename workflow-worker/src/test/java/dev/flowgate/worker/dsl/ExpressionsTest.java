package dev.flowgate.worker.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

  private final Map<String, Object> context = Map.of(
      "input", Map.of("items", List.of(Map.of("price", 4), Map.of("price", 6)), "name", "Ada"),
      "steps", Map.of("check", Map.of("output", Map.of("status", 200))));

  @Test
  void expressions_see_the_input_and_earlier_outputs() {
    assertThat(((Number) Expressions.evaluate("$sum(input.items.price)", context)).intValue()).isEqualTo(10);
    assertThat(Expressions.evaluate("steps.check.output.status = 200", context)).isEqualTo(true);
    assertThat(Expressions.evaluate("{'greeting': 'Hi ' & input.name}", context))
        .isEqualTo(Map.of("greeting", "Hi Ada"));
  }

  @Test
  void a_missing_path_is_null_and_falsy() {
    Object value = Expressions.evaluate("input.nothing", context);
    assertThat(value).isNull();
    assertThat(Expressions.truthy(value)).isFalse();
    assertThat(Expressions.truthy(List.of())).isFalse();
    assertThat(Expressions.truthy("x")).isTrue();
  }

  @Test
  void compile_errors_are_reported_and_runtime_errors_raised() {
    assertThat(Expressions.compileError("input.((")).isPresent();
    assertThat(Expressions.compileError("input.name")).isEmpty();
    assertThatThrownBy(() -> Expressions.evaluate("$number('abc')", context))
        .isInstanceOf(Expressions.ExpressionException.class);
  }

  @Test
  void a_runaway_expression_is_stopped() {
    assertThatThrownBy(() -> Expressions.evaluate("($f := function($n) { $f($n + 1) }; $f(0))", context))
        .isInstanceOf(Expressions.ExpressionException.class);
  }
}
