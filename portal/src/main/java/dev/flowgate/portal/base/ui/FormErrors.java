package dev.flowgate.portal.base.ui;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.HasValidation;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shows a service's field errors beside the form fields they belong to ({@code paths[2]} goes to
 * the {@code paths} field). The fields keep what was typed.
 */
public final class FormErrors {

  private FormErrors() {}

  public static void clear(Map<String, ? extends HasValidation> fields) {
    fields.values().forEach(field -> {
      field.setInvalid(false);
      field.setErrorMessage(null);
    });
  }

  /** @return the messages no field took, for a status line */
  public static List<String> show(Map<String, ? extends HasValidation> fields, InvalidInputException e) {
    clear(fields);
    List<String> unplaced = new ArrayList<>();
    for (InvalidInputException.FieldError error : e.errors()) {
      String name = error.field().replaceAll("[\\[.].*$", "");
      HasValidation field = fields.get(name);
      if (field == null) {
        unplaced.add(error.field() + ": " + error.message());
      } else {
        String previous = field.isInvalid() ? field.getErrorMessage() + "; " : "";
        field.setErrorMessage(previous + error.message());
        field.setInvalid(true);
      }
    }
    return unplaced;
  }

  /**
   * Shows why a save was refused while keeping what was typed: field errors beside their fields, a
   * name clash on the {@code name} field, and a concurrent change or deletion in the status line.
   */
  public static void showSaveFailure(RuntimeException failure, Map<String, ? extends HasValidation> fields,
      HasText status, String resource) {
    if (failure instanceof InvalidInputException invalid) {
      String unplaced = String.join("; ", show(fields, invalid));
      status.setText(unplaced.isEmpty() ? "Fix the highlighted fields." : unplaced);
    } else if (failure instanceof ConflictException conflict) {
      HasValidation name = fields.get("name");
      if (name != null) {
        name.setInvalid(true);
        name.setErrorMessage(conflict.getMessage());
      }
      status.setText(conflict.getMessage());
    } else {
      status.setText("Someone else changed or deleted this " + resource
          + " meanwhile; your input is kept — reopen it to compare.");
    }
  }
}
