package dev.flowgate.gateway.policies;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Masks personal data. Configured fields (a name matches that field anywhere; a dotted path such
 * as {@code $.customer.email} or {@code customer.email} only there, arrays passed through) are
 * replaced whole with {@code "****"}. In every other JSON string value, and in any text given to
 * {@link #maskText}, built-in detectors mask emails ({@code j***@example.com}), card numbers that
 * pass the Luhn check and IBANs that pass mod-97 (all but the last four characters), and phone
 * numbers written as such ({@code +…}, {@code (…)}, {@code 0…} or {@code 555-123-4567}; all but
 * the last two digits). Thread-safe.
 */
public final class PiiMasker {

  public static final String POLICY = "pii_masking";
  public static final String MASK = "****";

  private static final PiiMasker BUILT_IN = new PiiMasker(Set.of(), List.of());
  private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\\b");
  private static final Pattern CARD = Pattern.compile("(?<![\\w.])[0-9](?:[ -]?[0-9]){12,18}(?![\\w.])");
  private static final Pattern EMAIL =
      Pattern.compile("\\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})\\b");
  private static final Pattern PHONE = Pattern.compile("(?<![\\w+*])\\+?\\(?[0-9][0-9 ().-]{6,}[0-9](?![\\w*])");
  private static final Pattern NANP = Pattern.compile("\\(?[0-9]{3}\\)?[ .-]?[0-9]{3}[ .-][0-9]{4}");

  private final Set<String> names;
  private final List<List<String>> paths;

  private PiiMasker(Set<String> names, List<List<String>> paths) {
    this.names = names;
    this.paths = paths;
  }

  /** Only the detectors; what logging uses. */
  public static PiiMasker builtIn() {
    return BUILT_IN;
  }

  /** The route's masker, or null when it has no {@code pii_masking} policy. */
  public static @Nullable PiiMasker of(Route route) {
    for (Policy policy : route.policies()) {
      if (POLICY.equals(policy.type())) {
        List<String> fields = new ArrayList<>();
        if (policy.config() != null) {
          policy.config().path("fields").forEach(field -> fields.add(field.asString("")));
        }
        return forFields(fields);
      }
    }
    return null;
  }

  public static PiiMasker forFields(List<String> fields) {
    Set<String> names = new java.util.HashSet<>();
    List<List<String>> paths = new ArrayList<>();
    for (String field : fields) {
      String path = field.strip();
      if (path.startsWith("$.")) {
        path = path.substring(2);
      } else if (path.startsWith("$")) {
        path = path.substring(1);
      }
      path = path.replace("[*]", "").replace("[]", "");
      if (path.isEmpty()) {
        continue;
      }
      if (path.contains(".")) {
        paths.add(List.of(path.split("\\.")));
      } else {
        names.add(path);
      }
    }
    return new PiiMasker(Set.copyOf(names), List.copyOf(paths));
  }

  /** A JSON document masked; a body that is not JSON is masked as text. */
  public byte[] maskJson(byte[] json) {
    JsonNode tree;
    try {
      tree = EventCodec.mapper().readTree(json);
    } catch (RuntimeException notJson) {
      return maskText(new String(json, java.nio.charset.StandardCharsets.UTF_8))
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return EventCodec.toBytes(mask(tree));
  }

  public JsonNode mask(JsonNode node) {
    return mask(node, new ArrayList<>());
  }

  private JsonNode mask(JsonNode node, List<String> at) {
    if (node.isString()) {
      String masked = maskText(node.asString());
      return masked.equals(node.asString()) ? node : StringNode.valueOf(masked);
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, mask(array.get(i), at));
      }
      return array;
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
        at.add(field.getKey());
        object.set(field.getKey(), configured(at) ? StringNode.valueOf(MASK) : mask(field.getValue(), at));
        at.removeLast();
      }
    }
    return node;
  }

  private boolean configured(List<String> at) {
    return names.contains(at.getLast()) || paths.contains(at);
  }

  /** Every detector over free text. */
  public String maskText(String text) {
    if (text.length() < 6) {
      return text;
    }
    String masked = replace(text, IBAN, match -> ibanValid(match) ? keepLast(match, 4, true) : null);
    masked = replace(masked, CARD, match -> luhnValid(match) ? keepLast(match, 4, false) : null);
    masked = replace(masked, EMAIL, null);
    return replace(masked, PHONE, match -> phone(match) ? keepLast(match, 2, false) : null);
  }

  private interface Masking {
    @Nullable String apply(String match);
  }

  private static String replace(String text, Pattern pattern, @Nullable Masking masking) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (matcher.find()) {
      String replacement = masking == null ? matcher.group(1) + "***@" + matcher.group(2) : masking.apply(matcher.group());
      if (replacement == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, matcher.start()).append(replacement);
      last = matcher.end();
    }
    return out == null ? text : out.append(text, last, text.length()).toString();
  }

  /** Digits (and, for IBANs, letters after the country code) replaced by {@code *}, but the last {@code keep}. */
  private static String keepLast(String value, int keep, boolean iban) {
    int significant = 0;
    for (int i = 0; i < value.length(); i++) {
      significant += Character.isLetterOrDigit(value.charAt(i)) ? 1 : 0;
    }
    StringBuilder out = new StringBuilder(value.length());
    int seen = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean maskable = Character.isLetterOrDigit(c);
      if (maskable) {
        seen++;
      }
      boolean visible = !maskable || seen > significant - keep || (iban && seen <= 2);
      out.append(visible ? c : '*');
    }
    return out.toString();
  }

  static boolean luhnValid(String candidate) {
    int sum = 0;
    int digits = 0;
    boolean twice = false;
    for (int i = candidate.length() - 1; i >= 0; i--) {
      char c = candidate.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      digits++;
      twice = !twice;
    }
    return digits >= 13 && digits <= 19 && sum % 10 == 0;
  }

  static boolean ibanValid(String candidate) {
    String iban = candidate.replace(" ", "");
    if (iban.length() < 15 || iban.length() > 34) {
      return false;
    }
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    int remainder = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      int value = Character.digit(rearranged.charAt(i), 36);
      if (value < 0) {
        return false;
      }
      remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
    }
    return remainder == 1;
  }

  private static boolean phone(String candidate) {
    int digits = 0;
    for (int i = 0; i < candidate.length(); i++) {
      digits += Character.isDigit(candidate.charAt(i)) ? 1 : 0;
    }
    if (digits < 8 || digits > 15) {
      return false;
    }
    char first = candidate.charAt(0);
    return first == '+' || first == '(' || first == '0' || NANP.matcher(candidate).matches();
  }
}
