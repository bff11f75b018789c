package dev.flowgate.worker.dsl;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a step's untyped {@code config} into its {@link StepConfig}, filling defaults and reporting
 * each bad field as a {@link ValidationError}. Deterministic, so workflow code may call it.
 */
public final class StepConfigReader {

  public static final long DEFAULT_HTTP_TIMEOUT_MS = 5_000;
  public static final long DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_SIGNAL_TIMEOUT_SECONDS = 7 * 24 * 3600;
  static final long MAX_TIMEOUT_MS = 10 * 60_000;
  static final long MAX_DELAY_MS = 366L * 24 * 3600 * 1000;
  static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
  private static final Pattern SIGNAL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final StepDefinition step;
  private final List<ValidationError> errors;

  private StepConfigReader(StepDefinition step, List<ValidationError> errors) {
    this.step = step;
    this.errors = errors;
  }

  /** The typed config of {@code step} of {@code type}; errors go to {@code errors}. */
  public static StepConfig read(StepDefinition step, StepType type, List<ValidationError> errors) {
    return new StepConfigReader(step, errors).read(type);
  }

  /** The typed config of a step already validated; a bad config here is a programming error. */
  public static StepConfig readValid(StepDefinition step) {
    List<ValidationError> errors = new ArrayList<>();
    StepType type = StepType.of(step.type()).orElseThrow(() -> new IllegalArgumentException(step.type()));
    StepConfig config = read(step, type, errors);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("invalid step " + step.id() + ": " + errors);
    }
    return config;
  }

  private StepConfig read(StepType type) {
    return switch (type) {
      case HTTP_REQUEST -> {
        String method = string("method", false);
        method = method == null ? "GET" : method.toUpperCase();
        if (!METHODS.contains(method)) {
          error("config.method", "method must be one of " + METHODS.stream().sorted().toList());
        }
        yield new StepConfig.HttpRequest(
            url(), method, headers(), expression("body", false), timeout(DEFAULT_HTTP_TIMEOUT_MS));
      }
      case WEBHOOK -> new StepConfig.Webhook(url(), expression("body", false), timeout(DEFAULT_WEBHOOK_TIMEOUT_MS));
      case TRANSFORM -> {
        String expression = expression("expression", false);
        Map<String, String> mapping = mapping();
        if (expression == null && mapping.isEmpty()) {
          error("config.expression", "a transform needs an expression or a mapping");
        }
        yield new StepConfig.Transform(expression, mapping);
      }
      case CONDITION -> {
        String expression = expression("expression", true);
        yield new StepConfig.Condition(expression == null ? "false" : expression, ids("onTrue"), ids("onFalse"));
      }
      case PARALLEL -> new StepConfig.Parallel();
      case DELAY -> new StepConfig.Delay(delayMillis());
      case WAIT_FOR_SIGNAL -> {
        String signal = string("signal", true);
        if (signal != null && !SIGNAL_NAME.matcher(signal).matches()) {
          error("config.signal", "signal names are 1 to 64 letters, digits, '_', '.' or '-'");
        }
        Long timeout = number("timeoutSeconds", 1, MAX_DELAY_MS / 1000);
        Object onReject = step.config().get("continueOnReject");
        yield new StepConfig.WaitForSignal(
            signal == null ? "" : signal,
            timeout == null ? DEFAULT_SIGNAL_TIMEOUT_SECONDS : timeout,
            Boolean.TRUE.equals(onReject), approverRoles());
      }
      case NOTIFY -> new StepConfig.Notify(
          recipients(), orEmpty(string("subject", true)), string("body", false), expression("bodyExpression", false));
      case SUB_WORKFLOW -> new StepConfig.SubWorkflow(subDefinition(), expression("input", false));
    };
  }

  private String url() {
    String url = string("url", true);
    if (url == null) {
      return "";
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        error("config.url", "url must be an absolute http or https URL");
      } else if (uri.getHost() == null || uri.getHost().isBlank()) {
        error("config.url", "url has no host");
      } else if (uri.getUserInfo() != null) {
        error("config.url", "url must not carry credentials");
      }
    } catch (Exception e) {
      error("config.url", "url is not a valid URL: " + e.getMessage());
    }
    return url;
  }

  private long timeout(long fallback) {
    Long own = number("timeoutMs", 1, MAX_TIMEOUT_MS);
    if (own != null) {
      return own;
    }
    Long stepLevel = step.timeoutMs();
    return stepLevel != null && stepLevel > 0 ? stepLevel : fallback;
  }

  private long delayMillis() {
    Long seconds = number("seconds", 0, MAX_DELAY_MS / 1000);
    Long millis = number("durationMs", 0, MAX_DELAY_MS);
    if (seconds == null && millis == null && !hasError("config.seconds") && !hasError("config.durationMs")) {
      error("config.seconds", "a delay needs seconds or durationMs");
    }
    return millis != null ? millis : seconds == null ? 0 : seconds * 1000;
  }

  private Map<String, String> headers() {
    Object raw = step.config().get("headers");
    Map<String, String> headers = new LinkedHashMap<>();
    if (raw == null) {
      return headers;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      error("config.headers", "headers must be an object of strings");
      return headers;
    }
    map.forEach((k, v) -> {
      if (v instanceof String s && k instanceof String name && !name.isBlank()) {
        headers.put(name, s);
      } else {
        error("config.headers." + k, "header values must be strings");
      }
    });
    return headers;
  }

  private Map<String, String> mapping() {
    Object raw = step.config().get("mapping");
    Map<String, String> mapping = new LinkedHashMap<>();
    if (raw == null) {
      return mapping;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      error("config.mapping", "mapping must be an object of JSONata expressions");
      return mapping;
    }
    map.forEach((k, v) -> {
      String field = "config.mapping." + k;
      if (!(v instanceof String expression) || expression.isBlank()) {
        error(field, "must be a JSONata expression");
      } else {
        Expressions.compileError(expression).ifPresent(m -> error(field, "bad expression: " + m));
        mapping.put(String.valueOf(k), expression);
      }
    });
    return mapping;
  }

  private List<String> ids(String key) {
    Object raw = step.config().get(key);
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      error("config." + key, key + " must be a list of step ids");
      return List.of();
    }
    return list.stream().map(String.class::cast).toList();
  }

  /** A role nobody has would leave the step unapprovable, so only the portal's roles are accepted. */
  private List<String> approverRoles() {
    Object raw = step.config().get("approverRoles");
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
      error("config.approverRoles", "approverRoles must be a non-empty list of roles " + SignalActor.ROLES);
      return List.of();
    }
    list.stream().map(String.class::cast).filter(role -> !SignalActor.ROLES.contains(role))
        .forEach(role -> error("config.approverRoles", "'" + role + "' is not a role; roles are " + SignalActor.ROLES));
    return list.stream().map(String.class::cast).toList();
  }

  private List<String> recipients() {
    Object raw = step.config().get("to");
    List<String> to = raw instanceof String s ? List.of(s)
        : raw instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
            ? list.stream().map(String.class::cast).toList() : null;
    if (to == null || to.isEmpty()) {
      error("config.to", "to must be an email address or a list of them");
      return List.of();
    }
    to.stream().filter(a -> !EMAIL.matcher(a).matches())
        .forEach(a -> error("config.to", "'" + a + "' is not an email address"));
    return to;
  }

  private WorkflowDefinition subDefinition() {
    Object raw = step.config().get("definition");
    if (!(raw instanceof Map<?, ?>)) {
      error("config.definition", "a sub_workflow needs an inline definition object");
      return new WorkflowDefinition("", List.of());
    }
    try {
      return DefinitionParser.fromMap(raw);
    } catch (RuntimeException e) {
      error("config.definition", "definition is not well-formed: " + e.getMessage());
      return new WorkflowDefinition("", List.of());
    }
  }

  private @Nullable String expression(String key, boolean required) {
    String expression = string(key, required);
    if (expression != null) {
      Expressions.compileError(expression).ifPresent(m -> error("config." + key, "bad expression: " + m));
    }
    return expression;
  }

  private @Nullable String string(String key, boolean required) {
    Object raw = step.config().get(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      if (required) {
        error("config." + key, key + " is required");
      }
      return null;
    }
    if (!(raw instanceof String s)) {
      error("config." + key, key + " must be a string");
      return null;
    }
    return s;
  }

  private @Nullable Long number(String key, long min, long max) {
    Object raw = step.config().get(key);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      error("config." + key, key + " must be a whole number");
      return null;
    }
    long value = n.longValue();
    if (value < min || value > max) {
      error("config." + key, key + " must be between " + min + " and " + max);
      return null;
    }
    return value;
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  private boolean hasError(String field) {
    return errors.stream().anyMatch(e -> java.util.Objects.equals(step.id(), e.stepId()) && field.equals(e.field()));
  }

  private void error(String field, String message) {
    errors.add(new ValidationError(step.id(), field, message));
  }
}
