import {
  Background, Controls, ReactFlow, useReactFlow,
  type Connection, type Edge, type NodeChange, type EdgeChange, applyNodeChanges,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import { connect, disconnect, moveSteps, removeSteps, type Definition } from './model';
import { StepNode, type StepNodeType } from './StepNode';

export const DRAG_TYPE = 'application/x-flowgate-step';

type Props = {
  definition: Definition;
  stepErrors: Record<string, string[]>;
  stepStates: Record<string, string>;
  selected: string | undefined;
  dark: boolean;
  readOnly: boolean;
  onSelect: (id: string | undefined) => void;
  /** Edits compose: each gets the definition as the previous edit left it. */
  onChange: (edit: (current: Definition) => Definition) => void;
  onDropType: (type: string, position: { x: number; y: number }) => void;
};

const nodeTypes = { step: StepNode };

/**
 * The graph: one node per step, an edge source → target for each id in the target's dependsOn.
 * Positions move locally while dragging and reach the definition only when a move ends (drag
 * stop or arrow keys), so the server hears one change per move.
 */
export function Canvas({ definition, stepErrors, stepStates, selected, dark, readOnly, onSelect, onChange, onDropType }: Props) {
  const flow = useReactFlow();
  const fromDefinition = useMemo<StepNodeType[]>(() => definition.steps.map((s) => ({
    id: s.id,
    type: 'step',
    position: s.ui ?? { x: 0, y: 0 },
    selected: s.id === selected,
    ariaLabel: `Step ${s.id} (${s.type})${(stepErrors[s.id]?.length ?? 0) > 0 ? ', has errors' : ''}`,
    data: { stepId: s.id, type: s.type, errors: stepErrors[s.id] ?? [], state: stepStates[s.id] },
  })), [definition, stepErrors, stepStates, selected]);
  const [nodes, setNodes] = useState<StepNodeType[]>(fromDefinition);
  useEffect(() => setNodes(fromDefinition), [fromDefinition]);
  // another workflow loaded, or steps added or removed: keep every step in sight
  const stepIds = definition.steps.map((s) => s.id).join('\n');
  useEffect(() => {
    const timer = setTimeout(() => flow.fitView({ maxZoom: 1, duration: 200 }), 50);
    return () => clearTimeout(timer);
  }, [stepIds, flow]);

  const edges = useMemo<Edge[]>(() => definition.steps.flatMap((s) => (s.dependsOn ?? [])
    .filter((d) => definition.steps.some((o) => o.id === d))
    .map((d) => ({
      id: `${d}->${s.id}`, source: d, target: s.id, ariaLabel: `${s.id} depends on ${d}`,
      animated: stepStates[s.id] === 'EXECUTING',
    }))), [definition, stepStates]);

  const onNodesChange = useCallback((changes: NodeChange<StepNodeType>[]) => {
    setNodes((current) => applyNodeChanges(changes, current));
    // a move that ended (drag stop, or arrow keys on a selected node) is the one the server hears of
    const ended = new Map<string, { x: number; y: number }>();
    for (const c of changes) {
      if (c.type === 'position' && c.position && !c.dragging) ended.set(c.id, c.position);
    }
    if (ended.size > 0 && !readOnly) onChange((d) => moveSteps(d, ended));
    for (const c of changes) {
      if (c.type === 'select' && c.selected) onSelect(c.id);
    }
  }, [onChange, onSelect, readOnly]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id.split('->'));
    if (removed.length > 0) onChange((d) => removed.reduce((next, [source, target]) => disconnect(next, source, target), d));
  }, [onChange]);

  const onConnect = useCallback((c: Connection) => onChange((d) => connect(d, c.source, c.target)), [onChange]);

  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(DRAG_TYPE);
    if (!type || readOnly) return;
    event.preventDefault();
    onDropType(type, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  return (
    <div className="fg-canvas" data-testid="designer-canvas" onDrop={onDrop}
         onDragOver={(e) => { if (!readOnly) { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; } }}>
      <ReactFlow<StepNodeType>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={dark ? 'dark' : 'light'}
        onNodesChange={onNodesChange}
        onEdgesChange={readOnly ? undefined : onEdgesChange}
        onNodesDelete={(deleted) => onChange((d) => removeSteps(d, deleted.map((n) => n.id)))}
        onConnect={readOnly ? undefined : onConnect}
        onPaneClick={() => onSelect(undefined)}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        proOptions={{ hideAttribution: false }}
      >
        <Background />
        <Controls />
      </ReactFlow>
    </div>
  );
}
