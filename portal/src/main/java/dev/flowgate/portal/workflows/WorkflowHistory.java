package dev.flowgate.portal.workflows;

import dev.flowgate.portal.base.security.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * A workflow's version history as people read it: the difference between two versions as lines,
 * and rollback (a new version equal to an old one; history is never rewritten).
 */
@Service
public class WorkflowHistory {

  private final WorkflowManagement workflows;

  WorkflowHistory(WorkflowManagement workflows) {
    this.workflows = workflows;
  }

  /** What changed from version {@code from} to version {@code to}, for the actor's tenant only. */
  public WorkflowDiff diff(Actor actor, UUID id, int from, int to) {
    return WorkflowDiff.between(id, from, workflows.version(actor.tenantId(), id, from).definition(), to,
        workflows.version(actor.tenantId(), id, to).definition());
  }

  /** Makes {@code version} current again by saving it as the next version. */
  public WorkflowView rollBack(Actor actor, UUID id, int version) {
    return workflows.restore(actor, id, version, null);
  }

  /** The diff as lines: {@code + step 'x' added}, {@code - step 'y' removed}, {@code ~ step 'z' config.url: a → b}. */
  public static List<String> describe(WorkflowDiff diff) {
    List<String> lines = new ArrayList<>();
    diff.definition().forEach(c -> lines.add("~ " + c.path() + ": " + text(c.from()) + " → " + text(c.to())));
    diff.added().forEach(s -> lines.add("+ step '" + s + "' added"));
    diff.removed().forEach(s -> lines.add("- step '" + s + "' removed"));
    diff.changed().forEach(s -> s.fields().forEach(c ->
        lines.add("~ step '" + s.step() + "' " + c.path() + ": " + text(c.from()) + " → " + text(c.to()))));
    return lines;
  }

  private static String text(@Nullable JsonNode value) {
    return value == null ? "(none)" : value.toString();
  }
}
