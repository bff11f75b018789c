package dev.flowgate.portal.workflows;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ready-made workflow definitions ({@code classpath:workflow-templates/*.json}): approval chain,
 * webhook fan-out, scheduled report. Each is checked like any saved definition when loaded, so a
 * broken template stops the start rather than a user's create.
 */
@Service
public class WorkflowTemplates {

  /** A template as listed; {@code suggestedTrigger} is the trigger type it is meant for. */
  public record WorkflowTemplate(String id, String title, String description, String suggestedTrigger,
      JsonNode definition) {}

  /** {@code POST /api/v1/workflows/from-template} body; {@code name} defaults to the template's. */
  public record FromTemplate(@Nullable String template, @Nullable String name) {}

  private final List<WorkflowTemplate> templates;
  private final WorkflowManagement workflows;

  WorkflowTemplates(WorkflowManagement workflows) {
    this.workflows = workflows;
    this.templates = load();
  }

  public List<WorkflowTemplate> list() {
    return templates;
  }

  public WorkflowTemplate get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("workflow template", id));
  }

  /** A new workflow whose first version is the template's definition. */
  public WorkflowView create(Actor actor, FromTemplate request) {
    if (request.template() == null || request.template().isBlank()) {
      throw new InvalidInputException("template", "must name a template, one of "
          + String.join(", ", templates.stream().map(WorkflowTemplate::id).toList()));
    }
    WorkflowTemplate template = find(request.template().strip()).orElseThrow(() -> new InvalidInputException(
        "template", "is not a known template; see GET /api/v1/workflow-templates"));
    ObjectNode definition = (ObjectNode) template.definition().deepCopy();
    if (request.name() != null && !request.name().isBlank()) {
      definition.put("name", request.name().strip());
    }
    return workflows.create(actor, definition);
  }

  private Optional<WorkflowTemplate> find(String id) {
    return templates.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  private static List<WorkflowTemplate> load() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:workflow-templates/*.json");
      return java.util.Arrays.stream(resources).map(WorkflowTemplates::read)
          .sorted(Comparator.comparing(WorkflowTemplate::id)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WorkflowTemplate read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      WorkflowTemplate template = EventCodec.mapper().readValue(in, WorkflowTemplate.class);
      var errors = WorkflowDefinitions.validate(template.definition());
      if (!errors.isEmpty()) {
        throw new IllegalStateException("workflow template " + resource.getFilename() + " is invalid: " + errors);
      }
      return template;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
