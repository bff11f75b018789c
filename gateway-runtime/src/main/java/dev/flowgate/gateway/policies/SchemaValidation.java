package dev.flowgate.gateway.policies;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A route's {@code json_schema_validation} policy, {@code {"schema": {...}}}: request bodies must
 * be JSON matching the schema (draft 2020-12 unless it names its own {@code $schema}). The schema
 * is compiled when the snapshot loads; remote {@code $ref}s are never fetched (no I/O, no SSRF
 * from a tenant's schema). A schema that does not compile is logged and the policy left out.
 */
public record SchemaValidation(Schema schema) {

  public static final String POLICY = "json_schema_validation";
  private static final int MAX_ERRORS = 20;
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));

  /** One failure: where in the body (a JSON pointer, {@code ""} for the whole body) and what. */
  public record Violation(String pointer, String message) {

    public Map<String, String> toMap() {
      return Map.of("pointer", pointer, "message", message);
    }
  }

  public static @Nullable SchemaValidation of(Route route) {
    for (Policy policy : route.policies()) {
      if (POLICY.equals(policy.type()) && policy.config() != null && policy.config().path("schema").isObject()) {
        try {
          Schema schema = REGISTRY.getSchema(policy.config().get("schema"));
          schema.initializeValidators();
          return new SchemaValidation(schema);
        } catch (RuntimeException e) {
          LoggerFactory.getLogger(SchemaValidation.class)
              .warn("Route {}: json_schema_validation schema does not compile, ignored: {}", route.id(), e.toString());
        }
      }
    }
    return null;
  }

  /** Empty when the body is JSON that matches. */
  public List<Violation> validate(byte[] body) {
    JsonNode document;
    try {
      document = EventCodec.mapper().readTree(body);
    } catch (JacksonException e) {
      return List.of(new Violation("", "is not valid JSON"));
    }
    if (document == null || document.isMissingNode()) {
      return List.of(new Violation("", "is empty; a JSON body is required"));
    }
    List<Violation> violations = new ArrayList<>();
    for (Error error : schema.validate(document)) {
      if (violations.size() == MAX_ERRORS) {
        break;
      }
      violations.add(new Violation(pointer(error.getInstanceLocation()), error.getMessage()));
    }
    return violations;
  }

  /** RFC 6901: {@code /items/0/name}, with {@code ~} and {@code /} escaped. */
  static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer.append('/').append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }
}
