package dev.flowgate.worker.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masks what the run index shows of step outputs: values under sensitive keys (passwords,
 * secrets, tokens, card numbers...) become {@code ***}, and e-mail addresses keep only their first
 * letter and domain. The run itself keeps the real values; only the index and the API are masked.
 */
final class PiiMasker {

  static final String MASK = "***";
  private static final Pattern SENSITIVE_KEY = Pattern.compile(
      "(?i).*(password|passwd|secret|token|authorization|api[-_]?key|cookie|ssn|card|cvv|iban|signature).*");
  private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

  private PiiMasker() {}

  static @Nullable Object mask(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> masked = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        String key = String.valueOf(k);
        masked.put(key, SENSITIVE_KEY.matcher(key).matches() && v != null ? MASK : mask(v));
      });
      return masked;
    }
    if (value instanceof List<?> list) {
      List<Object> masked = new ArrayList<>(list.size());
      list.forEach(v -> masked.add(mask(v)));
      return masked;
    }
    if (value instanceof String text) {
      Matcher m = EMAIL.matcher(text);
      return m.find() ? m.replaceAll("$1***@$2") : text;
    }
    return value;
  }
}
