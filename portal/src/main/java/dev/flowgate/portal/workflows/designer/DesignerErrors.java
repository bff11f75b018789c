package dev.flowgate.portal.workflows.designer;

import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Validation errors as the designer shows them: those whose field points into a step
 * ({@code steps[2].dependsOn}) on that step's node, the rest above the canvas.
 *
 * @param steps messages by step id
 * @param general messages about the whole definition (name, no steps) and about step ids (a
 *     missing or duplicate id names no single node)
 */
public record DesignerErrors(Map<String, List<String>> steps, List<String> general) {

  private static final Pattern STEP_FIELD = Pattern.compile("^steps\\[(\\d+)](?:\\.(.*))?$");

  public static final DesignerErrors NONE = new DesignerErrors(Map.of(), List.of());

  public DesignerErrors {
    steps = Map.copyOf(steps);
    general = List.copyOf(general);
  }

  public static DesignerErrors of(JsonNode definition, List<FieldError> errors) {
    Map<String, List<String>> byStep = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    for (FieldError error : errors) {
      Matcher m = STEP_FIELD.matcher(error.field());
      String id = m.matches() ? definition.path("steps").path(Integer.parseInt(m.group(1))).path("id").asString("") : "";
      if (id.isEmpty() || "id".equals(m.group(2))) {
        general.add(error.field() + ": " + error.message());
      } else {
        byStep.computeIfAbsent(id, k -> new ArrayList<>()).add(m.group(2) == null ? error.message()
            : m.group(2) + ": " + stripStepLabel(error.message()));
      }
    }
    return new DesignerErrors(byStep, general);
  }

  public boolean isEmpty() {
    return steps.isEmpty() && general.isEmpty();
  }

  /** "step 'notify': depends on ..." reads as "depends on ..." on the node that is the step. */
  private static String stripStepLabel(String message) {
    return message.replaceFirst("^step ('[^']*'|\\d+): ", "");
  }
}
