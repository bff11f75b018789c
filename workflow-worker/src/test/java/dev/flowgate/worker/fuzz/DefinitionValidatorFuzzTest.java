package dev.flowgate.worker.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowgate.worker.dsl.DagPlanner;
import dev.flowgate.worker.dsl.DefinitionParser;
import dev.flowgate.worker.dsl.DefinitionParser.MalformedDefinitionException;
import dev.flowgate.worker.dsl.DefinitionValidator;
import dev.flowgate.worker.dsl.ValidationError;
import dev.flowgate.worker.dsl.WorkflowDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The workflow DSL's parser and validator on any text. Properties: parsing fails only with
 * {@link MalformedDefinitionException}; validation never throws and answers a list of errors, each
 * naming a field; a definition it finds valid has no cycle and can be planned; a schedule's cron
 * and time zone are judged the same way. Regression inputs under
 * {@code DefinitionValidatorFuzzTestInputs/}; to fuzz, see {@code package-info}.
 */
class DefinitionValidatorFuzzTest {

  private final DefinitionValidator validator = new DefinitionValidator();

  @FuzzTest(maxDuration = "10s")
  void any_text_is_refused_with_a_documented_error_or_is_a_plannable_workflow(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    WorkflowDefinition definition;
    try {
      definition = DefinitionParser.parse(text);
    } catch (MalformedDefinitionException documented) {
      return;
    }

    List<ValidationError> errors = validator.validate(definition);

    assertThat(errors).allSatisfy(e -> assertThat(e.field()).isNotBlank());
    if (errors.isEmpty()) {
      DagPlanner planner = new DagPlanner(definition);
      assertThat(planner.stepsOnCycles()).isEmpty();
    }
    int cut = text.indexOf('|');
    List<ValidationError> schedule = cut < 0 ? validator.validateSchedule(text, null)
        : validator.validateSchedule(text.substring(0, cut), text.substring(cut + 1));
    assertThat(schedule).allSatisfy(e -> assertThat(e.field()).isIn("cron", "timeZone"));
  }
}
