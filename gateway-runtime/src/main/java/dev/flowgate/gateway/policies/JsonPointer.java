package dev.flowgate.gateway.policies;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An RFC 6901 JSON Pointer ({@code /user/mail}, {@code ~1} for {@code /}, {@code ~0} for
 * {@code ~}) and the three edits a body mapping makes with it. Jackson's own pointer accepts a
 * stray {@code ~}; this one refuses it, as the RFC does. Array tokens are decimal indices without
 * leading zeros; {@code -} (after the last element) is allowed where a value is added.
 *
 * @param tokens the unescaped reference tokens; empty for the whole document
 */
public record JsonPointer(List<String> tokens) {

  public JsonPointer {
    tokens = List.copyOf(tokens);
  }

  /** @throws IllegalArgumentException when {@code text} is not a JSON Pointer */
  public static JsonPointer parse(String text) {
    if (text.isEmpty()) {
      return new JsonPointer(List.of());
    }
    if (text.charAt(0) != '/') {
      throw new IllegalArgumentException("must start with '/'");
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 1; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '/';
      if (c == '/') {
        tokens.add(token.toString());
        token.setLength(0);
      } else if (c == '~') {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        if (next != '0' && next != '1') {
          throw new IllegalArgumentException("'~' must be followed by 0 or 1 (~0 is '~', ~1 is '/')");
        }
        token.append(next == '0' ? '~' : '/');
        i++;
      } else {
        token.append(c);
      }
    }
    return new JsonPointer(tokens);
  }

  public boolean isRoot() {
    return tokens.isEmpty();
  }

  /** Whether {@code other} lies strictly inside the value this pointer names. */
  public boolean isAncestorOf(JsonPointer other) {
    return other.tokens.size() > tokens.size() && other.tokens.subList(0, tokens.size()).equals(tokens);
  }

  /** The value this pointer names in {@code root}, or null when there is none. */
  public @Nullable JsonNode find(JsonNode root) {
    return walk(root, tokens.size());
  }

  /** Removes the value this pointer names; returns it, or null when there was none. */
  public @Nullable JsonNode remove(JsonNode root) {
    JsonNode parent = walk(root, tokens.size() - 1);
    String last = last();
    if (parent instanceof ObjectNode object) {
      return object.remove(last);
    }
    if (parent instanceof ArrayNode array) {
      int index = index(last, array.size() - 1);
      return index < 0 ? null : array.remove(index);
    }
    return null;
  }

  /**
   * Sets {@code value} here (replacing a member, inserting into an array, {@code -} appending), as
   * JSON Patch's {@code add}; false when the parent does not exist or the index is out of range.
   */
  public boolean add(JsonNode root, JsonNode value) {
    JsonNode parent = walk(root, tokens.size() - 1);
    String last = last();
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
      return true;
    }
    if (parent instanceof ArrayNode array) {
      int index = last.equals("-") ? array.size() : index(last, array.size());
      if (index >= 0) {
        array.insert(index, value);
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    tokens.forEach(token -> text.append('/').append(token.replace("~", "~0").replace("/", "~1")));
    return text.toString();
  }

  private String last() {
    return tokens.isEmpty() ? "" : tokens.getLast();
  }

  /** The node after the first {@code depth} tokens; null when the path leaves the document. */
  private @Nullable JsonNode walk(JsonNode root, int depth) {
    if (depth < 0) {
      return null;
    }
    JsonNode node = root;
    for (int i = 0; i < depth && node != null; i++) {
      String token = tokens.get(i);
      if (node instanceof ObjectNode object) {
        node = object.get(token);
      } else if (node instanceof ArrayNode array) {
        int index = index(token, array.size() - 1);
        node = index < 0 ? null : array.get(index);
      } else {
        node = null;
      }
    }
    return node;
  }

  /** A canonical decimal index in {@code [0, max]}, or -1. */
  private static int index(String token, int max) {
    if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= max ? value : -1;
  }
}
