import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './designer.css';
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import { isDark, onSchemeChange } from '../color-scheme';
import { Canvas, DRAG_TYPE } from './Canvas';
import { addStep, nextFreePosition, normalize, parseDefinition, replaceStep, removeSteps, withLayout, type Definition } from './model';
import { StepForm } from './StepForm';
import { STEP_TYPES } from './step-types';

/** Validation errors as the server sends them: per step id, and those of the whole definition. */
type Errors = { steps: Record<string, string[]>; general: string[] };

/**
 * <flowgate-workflow-designer>: edits a workflow DSL definition (state `definition`) on a canvas,
 * in a side form and as JSON. The server owns validation (`errors`), run states (`stepStates`,
 * `runStatus`) and messages (`message`); Save and Run are the events `designer-save` and
 * `designer-run` (detail.input: the sample input as JSON text).
 */
class WorkflowDesignerElement extends ReactAdapterElement {
  protected render(hooks: RenderHooks): ReactElement | null {
    const [rawDefinition, setDefinition] = hooks.useState<Definition>('definition');
    const [errors] = hooks.useState<Errors>('errors', { steps: {}, general: [] });
    const [stepStates] = hooks.useState<Record<string, string>>('stepStates', {});
    const [runStatus] = hooks.useState<string>('runStatus', '');
    const [message] = hooks.useState<string>('message', '');
    const [readOnly] = hooks.useState<boolean>('readOnly', false);
    const save = hooks.useCustomEvent('designer-save');
    const run = hooks.useCustomEvent<{ input: string }>('designer-run');
    return (
      <ReactFlowProvider>
        <Designer definition={withLayout(normalize(rawDefinition))} setDefinition={setDefinition}
                  errors={errors ?? { steps: {}, general: [] }} stepStates={stepStates ?? {}} runStatus={runStatus ?? ''}
                  message={message ?? ''} readOnly={readOnly === true}
                  onSave={() => save()} onRun={(input) => run({ input })} />
      </ReactFlowProvider>
    );
  }
}

type DesignerProps = {
  definition: Definition;
  setDefinition: (d: Definition) => void;
  errors: Errors;
  stepStates: Record<string, string>;
  runStatus: string;
  message: string;
  readOnly: boolean;
  onSave: () => void;
  onRun: (input: string) => void;
};

function Designer({ definition, setDefinition, errors, stepStates, runStatus, message, readOnly, onSave, onRun }: DesignerProps) {
  const [tab, setTab] = useState<'canvas' | 'json'>('canvas');
  const [selected, setSelected] = useState<string | undefined>();
  const [dark, setDark] = useState(isDark());
  const [runInput, setRunInput] = useState('{}');
  useEffect(() => onSchemeChange(setDark), []);

  // edits in one event (node removed, then its edges) must build on each other, not on the last render
  const latest = useRef(definition);
  latest.current = definition;
  const update = useCallback((edit: (current: Definition) => Definition) => {
    const next = edit(latest.current);
    if (next !== latest.current) {
      latest.current = next;
      setDefinition(next);
    }
  }, [setDefinition]);

  const add = (type: string, position = nextFreePosition(latest.current)) => {
    const next = addStep(latest.current, type, position);
    update(() => next);
    setSelected(next.steps[next.steps.length - 1].id);
  };
  const step = definition.steps.find((s) => s.id === selected);

  return (
    <div className="fg-designer" data-testid="workflow-designer">
      <div className="fg-toolbar">
        <NameField name={definition.name} readOnly={readOnly} commit={(name) => update((d) => ({ ...d, name }))} />
        <div role="tablist" aria-label="Designer view" className="fg-tabs">
          <button type="button" role="tab" aria-selected={tab === 'canvas'} data-testid="tab-canvas"
                  onClick={() => setTab('canvas')}>Canvas</button>
          <button type="button" role="tab" aria-selected={tab === 'json'} data-testid="tab-json"
                  onClick={() => setTab('json')}>JSON</button>
        </div>
        {!readOnly && (
          <button type="button" className="fg-button fg-button--primary" data-testid="designer-save" onClick={onSave}>
            Save (new version)
          </button>
        )}
      </div>
      <div className="fg-status" role="status" aria-live="polite" data-testid="designer-message">{message}</div>
      {errors.general.length > 0 && (
        <ul className="fg-general-errors" role="alert" data-testid="designer-errors">
          {errors.general.map((e, i) => <li key={i}>{e}</li>)}
        </ul>
      )}
      {tab === 'canvas' ? (
        <div className="fg-body">
          {!readOnly && (
            <nav className="fg-palette" aria-label="Step types: drag onto the canvas, or press to add">
              {STEP_TYPES.map((t) => (
                <button key={t.type} type="button" className="fg-palette__item" draggable data-testid={`palette-${t.type}`}
                        onDragStart={(e) => { e.dataTransfer.setData(DRAG_TYPE, t.type); e.dataTransfer.effectAllowed = 'move'; }}
                        onClick={() => add(t.type)}>
                  {t.label}
                </button>
              ))}
            </nav>
          )}
          <Canvas definition={definition} stepErrors={errors.steps} stepStates={stepStates} selected={selected}
                  dark={dark} readOnly={readOnly} onSelect={setSelected} onChange={update}
                  onDropType={(type, position) => add(type, position)} />
          <aside className="fg-side" aria-label="Selected step">
            {step ? (
              <StepForm key={step.id} step={step} readOnly={readOnly} errors={errors.steps[step.id] ?? []}
                        otherIds={definition.steps.map((s) => s.id).filter((id) => id !== step.id)}
                        onChange={(next) => { update((d) => replaceStep(d, step.id, next)); setSelected(next.id); }}
                        onDelete={() => { update((d) => removeSteps(d, [step.id])); setSelected(undefined); }} />
            ) : (
              <p className="fg-muted" data-testid="step-form-empty">
                Select a step to edit it (Tab to a node, then Enter), or add one from the palette.
              </p>
            )}
          </aside>
        </div>
      ) : (
        <JsonTab definition={definition} readOnly={readOnly} commit={(d) => update(() => withLayout(d))} />
      )}
      {!readOnly && (
      <div className="fg-run">
        <label className="fg-field">
          <span>Sample input (JSON) for a test run of the saved version</span>
          <textarea rows={2} data-testid="designer-run-input" value={runInput} onChange={(e) => setRunInput(e.target.value)} />
        </label>
        <button type="button" className="fg-button" data-testid="designer-run" onClick={() => onRun(runInput)}>
          Test run
        </button>
        {runStatus && <span className="fg-run__status" data-testid="designer-run-status">Run: {runStatus}</span>}
      </div>
      )}
    </div>
  );
}

function NameField({ name, readOnly, commit }: { name: string; readOnly: boolean; commit: (name: string) => void }) {
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  const done = () => draft !== name && commit(draft);
  return (
    <label className="fg-field fg-field--inline">
      <span>Name</span>
      <input data-testid="designer-name" value={draft} readOnly={readOnly} onChange={(e) => setDraft(e.target.value)}
             onBlur={done} onKeyDown={(e) => e.key === 'Enter' && done()} />
    </label>
  );
}

/** The definition as JSON text; a valid edit replaces the definition when the field loses focus. */
function JsonTab({ definition, readOnly, commit }: { definition: Definition; readOnly: boolean; commit: (d: Definition) => void }) {
  const pretty = JSON.stringify(definition, null, 2);
  const [text, setText] = useState(pretty);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => { setText(pretty); setError(undefined); }, [pretty]);
  const done = () => {
    if (text === pretty) return;
    const parsed = parseDefinition(text);
    setError(parsed.error);
    if (parsed.definition) commit(normalize(parsed.definition));
  };
  return (
    <div className="fg-json">
      <label className="fg-field">
        <span>Definition (JSON)</span>
        <textarea data-testid="designer-json" spellCheck={false} readOnly={readOnly} value={text}
                  aria-invalid={error ? true : undefined} onChange={(e) => setText(e.target.value)} onBlur={done} />
      </label>
      {error && <div className="fg-field__error" role="alert" data-testid="designer-json-error">Not valid: {error}</div>}
    </div>
  );
}

customElements.define('flowgate-workflow-designer', WorkflowDesignerElement);
