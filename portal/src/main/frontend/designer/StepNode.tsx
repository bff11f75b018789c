import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { specOf } from './step-types';

export type StepNodeData = { stepId: string; type: string; errors: string[]; state?: string };

export type StepNodeType = Node<StepNodeData, 'step'>;

/** One step on the canvas: type, id, its run state while a test run goes, and its validation errors. */
export function StepNode({ data, selected }: NodeProps<StepNodeType>) {
  const invalid = data.errors.length > 0;
  const classes = ['fg-step', selected ? 'fg-step--selected' : '', invalid ? 'fg-step--invalid' : '',
    data.state ? `fg-step--${data.state.toLowerCase()}` : ''].join(' ');
  return (
    <div className={classes} data-testid={`node-${data.stepId}`} data-state={data.state ?? ''}
         data-invalid={invalid ? 'true' : 'false'}>
      {/* handles are a mouse affordance: the keyboard way is the side form's "Depends on" */}
      <Handle type="target" position={Position.Left} data-testid={`handle-${data.stepId}-in`}
              title={`${data.stepId}: depends on (drop a connection here)`} aria-hidden="true" />
      <div className="fg-step__type">{specOf(data.type).label}</div>
      <div className="fg-step__id">{data.stepId}</div>
      {data.state && <div className="fg-step__state" data-testid={`node-${data.stepId}-state`}>{data.state}</div>}
      {invalid && (
        <ul className="fg-step__errors" data-testid={`node-${data.stepId}-errors`} role="alert">
          {data.errors.map((e, i) => <li key={i}>{e}</li>)}
        </ul>
      )}
      <Handle type="source" position={Position.Right} data-testid={`handle-${data.stepId}-out`}
              title={`${data.stepId}: next steps (drag from here)`} aria-hidden="true" />
    </div>
  );
}
