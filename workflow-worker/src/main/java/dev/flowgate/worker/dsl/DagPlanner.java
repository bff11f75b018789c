package dev.flowgate.worker.dsl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code dependsOn} graph of a definition, and what may run next. Pure and deterministic (it
 * iterates in definition order), so the interpreting workflow calls it on every step change.
 *
 * <p>A step starts once all its dependencies have ended, if at least one incoming edge is active:
 * the dependency succeeded and, for a {@code condition}, the branch taken leads to this step.
 * With no active edge it is skipped, so a skip flows down a branch, while a join after an if/else
 * still runs.
 */
public final class DagPlanner {

  /** PRODUCT.md: at most 10 steps run in parallel per run. */
  public static final int MAX_PARALLEL = 10;

  private final Map<String, StepDefinition> steps = new LinkedHashMap<>();
  private final Map<String, List<String>> dependents = new LinkedHashMap<>();
  private final Map<String, List<?>> onFalse = new LinkedHashMap<>();

  public DagPlanner(WorkflowDefinition definition) {
    for (StepDefinition step : definition.steps()) {
      steps.putIfAbsent(step.id(), step);
      dependents.putIfAbsent(step.id(), new ArrayList<>());
      if (step.config().get("onFalse") instanceof List<?> branch) {
        onFalse.put(step.id(), branch);
      }
    }
    for (StepDefinition step : steps.values()) {
      for (String dependency : step.dependsOn()) {
        List<String> list = dependents.get(dependency);
        if (list != null && !list.contains(step.id())) {
          list.add(step.id());
        }
      }
    }
  }

  /** The steps that name {@code id} in their {@code dependsOn}, in definition order. */
  public List<String> dependents(String id) {
    return dependents.getOrDefault(id, List.of());
  }

  /** Steps on a cycle, in definition order; empty for a DAG. */
  public Set<String> stepsOnCycles() {
    Set<String> onCycles = new LinkedHashSet<>();
    for (String id : steps.keySet()) {
      if (reaches(id, id)) {
        onCycles.add(id);
      }
    }
    return onCycles;
  }

  /** Steps that are not on a cycle but depend, directly or not, on one: they can never start. */
  public Set<String> stepsAfterCycles() {
    Set<String> onCycles = stepsOnCycles();
    Set<String> after = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(onCycles);
    while (!queue.isEmpty()) {
      for (String next : dependents(queue.poll())) {
        if (!onCycles.contains(next) && after.add(next)) {
          queue.add(next);
        }
      }
    }
    return after;
  }

  private boolean reaches(String from, String target) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(dependents(from));
    while (!queue.isEmpty()) {
      String next = queue.poll();
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next)) {
        queue.addAll(dependents(next));
      }
    }
    return false;
  }

  /**
   * What to do now.
   *
   * @param states every step's state
   * @param conditionResults the outcome of each {@code condition} that succeeded
   * @param stopping true once the run is failing: nothing new starts, everything queued is skipped
   */
  public Plan next(Map<String, StepState> states, Map<String, Boolean> conditionResults, boolean stopping) {
    int running = (int) states.values().stream().filter(s -> s == StepState.EXECUTING).count();
    List<String> start = new ArrayList<>();
    List<String> skip = new ArrayList<>();
    for (StepDefinition step : steps.values()) {
      if (states.get(step.id()) != StepState.QUEUED) {
        continue;
      }
      if (stopping) {
        skip.add(step.id());
        continue;
      }
      if (!step.dependsOn().stream().allMatch(d -> states.getOrDefault(d, StepState.SKIPPED).terminal())) {
        continue;
      }
      if (step.dependsOn().isEmpty() || step.dependsOn().stream().anyMatch(d -> active(d, step.id(), states, conditionResults))) {
        if (running + start.size() < MAX_PARALLEL) {
          start.add(step.id());
        }
      } else {
        skip.add(step.id());
      }
    }
    return new Plan(start, skip);
  }

  private boolean active(String dependency, String dependent, Map<String, StepState> states, Map<String, Boolean> conditionResults) {
    if (states.get(dependency) != StepState.SUCCESS) {
      return false;
    }
    Boolean result = conditionResults.get(dependency);
    if (result == null) {
      return true;
    }
    return onFalse.getOrDefault(dependency, List.of()).contains(dependent) ? !result : result;
  }

  /**
   * One decision of the planner.
   *
   * @param start steps to start now, within the parallel limit
   * @param skip steps that will never run
   */
  public record Plan(List<String> start, List<String> skip) {
    public boolean idle() {
      return start.isEmpty() && skip.isEmpty();
    }
  }
}
