/** The workflow DSL (PRODUCT.md "Workflow DSL") as the designer edits it, and pure edits on it. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type Step = {
  id: string;
  type: string;
  dependsOn?: string[];
  config?: { [key: string]: Json };
  retry?: { maxAttempts?: number; backoff?: string; initialIntervalMs?: number; maxIntervalMs?: number };
  /** Designer layout; the worker and the portal's validator ignore unknown step fields. */
  ui?: { x: number; y: number };
  [other: string]: unknown;
};

export type Definition = { name: string; steps: Step[]; [other: string]: unknown };

export const COLUMN_WIDTH = 240;
export const ROW_HEIGHT = 110;

/** Steps with no `ui` position get one: columns by longest dependency chain, rows in order. */
export function withLayout(definition: Definition): Definition {
  if (definition.steps.every((s) => s.ui)) {
    return definition;
  }
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string>): number => {
    if (depth.has(id)) return depth.get(id)!;
    if (seen.has(id)) return 0; // a cycle: the validator reports it, layout just stops
    seen.add(id);
    const deps = (byId.get(id)?.dependsOn ?? []).filter((d) => byId.has(d));
    const d = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((p) => depthOf(p, seen)));
    depth.set(id, d);
    return d;
  };
  const rows = new Map<number, number>();
  const steps = definition.steps.map((step) => {
    if (step.ui) return step;
    const column = depthOf(step.id, new Set());
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { ...step, ui: { x: 40 + column * COLUMN_WIDTH, y: 40 + row * ROW_HEIGHT } };
  });
  return { ...definition, steps };
}

/** A free id for a new step of `type`: `type_1`, `type_2`, ... */
export function freshId(definition: Definition, type: string): string {
  const taken = new Set(definition.steps.map((s) => s.id));
  let n = 1;
  while (taken.has(`${type}_${n}`)) n++;
  return `${type}_${n}`;
}

/** A place for a node added without a pointer: below the lowest node. */
export function nextFreePosition(definition: Definition): { x: number; y: number } {
  const lowest = Math.max(-ROW_HEIGHT + 40, ...definition.steps.map((s) => s.ui?.y ?? 0));
  return { x: 40, y: lowest + ROW_HEIGHT };
}

export function addStep(definition: Definition, type: string, position: { x: number; y: number }): Definition {
  const step: Step = { id: freshId(definition, type), type, config: { ...(DEFAULT_CONFIG[type] ?? {}) }, ui: position };
  return { ...definition, steps: [...definition.steps, step] };
}

/** Removes steps and every `dependsOn` that named them. */
export function removeSteps(definition: Definition, ids: string[]): Definition {
  const gone = new Set(ids);
  const steps = definition.steps
    .filter((s) => !gone.has(s.id))
    .map((s) => (s.dependsOn?.some((d) => gone.has(d)) ? withDependsOn(s, s.dependsOn.filter((d) => !gone.has(d))) : s));
  return { ...definition, steps };
}

/** `target` starts after `source`: an edge source → target is `target.dependsOn` naming `source`. */
export function connect(definition: Definition, source: string, target: string): Definition {
  if (source === target) return definition;
  return mapStep(definition, target, (s) =>
    s.dependsOn?.includes(source) ? s : withDependsOn(s, [...(s.dependsOn ?? []), source]));
}

export function disconnect(definition: Definition, source: string, target: string): Definition {
  return mapStep(definition, target, (s) => withDependsOn(s, (s.dependsOn ?? []).filter((d) => d !== source)));
}

/** Replaces one step; a changed id is carried into every `dependsOn` and condition branch. */
export function replaceStep(definition: Definition, oldId: string, next: Step): Definition {
  const renamed = next.id !== oldId;
  const rename = (ids: Json | undefined) =>
    Array.isArray(ids) ? ids.map((d) => (d === oldId ? next.id : d)) : ids;
  const steps = definition.steps.map((s) => {
    if (s.id === oldId) return next;
    if (!renamed) return s;
    let changed: Step = s;
    if (s.dependsOn?.includes(oldId)) changed = withDependsOn(changed, s.dependsOn.map((d) => (d === oldId ? next.id : d)));
    if (s.type === 'condition' && s.config) {
      changed = { ...changed, config: { ...s.config, onTrue: rename(s.config.onTrue) ?? null, onFalse: rename(s.config.onFalse) ?? null } };
      if (changed.config!.onTrue === null) delete changed.config!.onTrue;
      if (changed.config!.onFalse === null) delete changed.config!.onFalse;
    }
    return changed;
  });
  return { ...definition, steps };
}

export function moveSteps(definition: Definition, positions: Map<string, { x: number; y: number }>): Definition {
  const steps = definition.steps.map((s) => {
    const p = positions.get(s.id);
    return p ? { ...s, ui: { x: Math.round(p.x), y: Math.round(p.y) } } : s;
  });
  return { ...definition, steps };
}

function mapStep(definition: Definition, id: string, change: (s: Step) => Step): Definition {
  return { ...definition, steps: definition.steps.map((s) => (s.id === id ? change(s) : s)) };
}

function withDependsOn(step: Step, dependsOn: string[]): Step {
  const next: Step = { ...step, dependsOn };
  if (dependsOn.length === 0) delete next.dependsOn;
  return next;
}

/** A definition from JSON text, or why not. */
export function parseDefinition(text: string): { definition?: Definition; error?: string } {
  try {
    const value = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'must be a JSON object' };
    if (!Array.isArray(value.steps)) return { error: '"steps" must be an array' };
    if (!value.steps.every((s: unknown) => typeof s === 'object' && s !== null && !Array.isArray(s))) {
      return { error: 'every step must be an object' };
    }
    return { definition: value as Definition };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

export function normalize(value: unknown): Definition {
  const d = (typeof value === 'object' && value !== null ? value : {}) as Partial<Definition>;
  return { ...d, name: typeof d.name === 'string' ? d.name : '', steps: Array.isArray(d.steps) ? d.steps : [] };
}

/** What a new step of each type starts with: the fields the worker requires, as placeholders. */
const DEFAULT_CONFIG: { [type: string]: { [key: string]: Json } } = {
  http_request: { url: 'https://example.com/', method: 'POST' },
  transform: { expression: '$' },
  condition: { expression: 'true' },
  delay: { seconds: 60 },
  wait_for_signal: { signal: 'approval' },
  webhook: { url: 'https://example.com/hook' },
  notify: { to: ['ops@example.com'], subject: 'Workflow update' },
  sub_workflow: { definition: { name: 'child', steps: [{ id: 'wait', type: 'delay', config: { seconds: 1 } }] } },
};
