package dev.flowgate.portal.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the OpenAPI document a tenant attaches to a service: JSON or YAML text (JSON read as JSON,
 * since YAML refuses some valid JSON such as tab indentation), at most {@link #MAX_BYTES}, an object whose
 * {@code openapi} field says 3.x. Only what the catalog needs is checked; the document is stored
 * as given, so an export gives the tenant back exactly what it attached.
 */
public final class OpenApiDocuments {

  public static final int MAX_BYTES = 1024 * 1024;
  private static final Pattern VERSION_3 = Pattern.compile("3\\.\\d+(\\.\\d+)?(-[A-Za-z0-9.]+)?");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private OpenApiDocuments() {}

  /** Why the text is not an OpenAPI 3 document the catalog can use, or empty when it is. */
  public static Optional<String> refusal(String text) {
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("must be at most 1 MiB");
    }
    JsonNode root;
    try {
      root = read(text);
    } catch (JacksonException e) {
      return Optional.of("is neither JSON nor YAML: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return Optional.of("must be an OpenAPI document (an object with 'openapi: 3.x')");
    }
    JsonNode version = root.get("openapi");
    // YAML reads an unquoted "openapi: 3.1" as a number; take it as the version it plainly means
    String declared = version == null ? "" : version.isString() ? version.asString()
        : version.isFloatingPointNumber() ? version.decimalValue().toPlainString() : "";
    if (!VERSION_3.matcher(declared).matches()) {
      return Optional.of("must declare 'openapi: 3.x' (Swagger 2.0 documents are not supported)");
    }
    if (root.has("paths") && !root.get("paths").isObject()) {
      return Optional.of("'paths' must be an object");
    }
    return Optional.empty();
  }

  /** A stand-in for the document where its text would be too much (audit): its SHA-256 and size. */
  static String describe(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      return "OpenAPI document sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          + " (" + bytes.length + " bytes)";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** The document as a tree; call only with text that {@link #refusal} accepted (stored documents are). */
  public static ObjectNode parse(String text) {
    return (ObjectNode) read(text);
  }

  private static JsonNode read(String text) {
    return text.stripLeading().startsWith("{") ? JSON.readTree(text) : YAML.readTree(text);
  }
}
