package dev.flowgate.portal.base.problems;

import java.util.List;
import tools.jackson.core.JacksonException;

/** The JSON path of a body field as problem details name it: {@code steps[1].id}. */
final class BodyFields {

  private BodyFields() {}

  static String path(List<JacksonException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : references) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }
}
