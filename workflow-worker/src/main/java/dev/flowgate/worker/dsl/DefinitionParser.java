package dev.flowgate.worker.dsl;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads definitions from their JSON form. Unknown fields (designer layout, notes) are ignored. */
public final class DefinitionParser {

  private static final JsonMapper mapper =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private DefinitionParser() {}

  /** Parses {@code json}; a malformed document is a {@link MalformedDefinitionException}. */
  public static WorkflowDefinition parse(String json) {
    try {
      WorkflowDefinition definition = mapper.readValue(json, WorkflowDefinition.class);
      if (definition == null) {
        throw new MalformedDefinitionException("the definition is empty");
      }
      return definition;
    } catch (JacksonException e) {
      throw new MalformedDefinitionException("the definition is not well-formed JSON: " + e.getOriginalMessage());
    }
  }

  /** Converts an already parsed JSON object (a map) to a definition. */
  public static WorkflowDefinition fromMap(Object json) {
    try {
      return mapper.convertValue(json, WorkflowDefinition.class);
    } catch (JacksonException e) {
      throw new MalformedDefinitionException(e.getOriginalMessage());
    }
  }

  /** A definition that is not even well-formed JSON of the DSL's shape. */
  public static final class MalformedDefinitionException extends RuntimeException {
    public MalformedDefinitionException(String message) {
      super(message);
    }
  }
}
