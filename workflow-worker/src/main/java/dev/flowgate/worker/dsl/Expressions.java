package dev.flowgate.worker.dsl;

import com.dashjoin.jsonata.Jsonata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * JSONata expressions over the run context {@code {input, steps: {<id>: {output}}}}.
 *
 * <p>Results are plain JSON values (maps, lists, strings, numbers, booleans, null), so they travel
 * through Temporal's payload converter unchanged. Evaluation happens in activities, never in
 * workflow code, because JSONata has clock and random functions.
 */
public final class Expressions {

  /** Bounds of one evaluation, so a runaway expression (deep recursion, endless loop) stops. */
  static final long TIMEOUT_MS = 5_000;
  static final int MAX_DEPTH = 100;

  private Expressions() {}

  /** Why {@code expression} does not compile, or empty when it does. */
  public static Optional<String> compileError(String expression) {
    try {
      compile(expression);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** Evaluates {@code expression} over {@code context}; a JSONata error is an {@link ExpressionException}. */
  public static @Nullable Object evaluate(String expression, Object context) {
    try {
      Jsonata compiled = compile(expression);
      Jsonata.Frame frame = compiled.createFrame();
      frame.setRuntimeBounds(TIMEOUT_MS, MAX_DEPTH);
      return toJson(compiled.evaluate(context, frame));
    } catch (RuntimeException e) {
      throw new ExpressionException("expression '" + expression + "' failed: " + e.getMessage(), e);
    }
  }

  /** JSONata truthiness: false for null, false, 0, "", empty arrays and objects. */
  public static boolean truthy(@Nullable Object value) {
    return switch (value) {
      case null -> false;
      case Boolean b -> b;
      case Number n -> n.doubleValue() != 0;
      case String s -> !s.isEmpty();
      case List<?> l -> l.stream().anyMatch(Expressions::truthy);
      case Map<?, ?> m -> !m.isEmpty();
      default -> true;
    };
  }

  // compiled per call: a Jsonata instance keeps evaluation state, so it is not shared across threads
  private static Jsonata compile(String expression) {
    return Jsonata.jsonata(expression);
  }

  /** Converts a JSONata result to plain JSON values: its null marker to null, functions to null. */
  static @Nullable Object toJson(@Nullable Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), toJson(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(toJson(v)));
      return copy;
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return null;
  }

  /** An expression that failed at run time. */
  public static final class ExpressionException extends RuntimeException {
    public ExpressionException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
