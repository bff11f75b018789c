import { useEffect, useState } from 'react';
import type { Json, Step } from './model';
import { STEP_TYPES, specOf, type FieldSpec } from './step-types';

type Props = {
  step: Step;
  otherIds: string[];
  errors: string[];
  readOnly: boolean;
  onChange: (next: Step) => void;
  onDelete: () => void;
};

/**
 * The selected step's settings. Text fields keep a local draft and commit on blur or Enter, so
 * the server hears one change per edit rather than one per keystroke.
 */
export function StepForm({ step, otherIds, errors, readOnly, onChange, onDelete }: Props) {
  const spec = specOf(step.type);
  const config = step.config ?? {};
  const setConfig = (key: string, value: Json | undefined) => {
    const next = { ...config };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange({ ...step, config: next });
  };
  const retry = step.retry ?? {};
  const setRetry = (key: string, value: number | string | undefined) => {
    const next: Record<string, unknown> = { ...retry };
    if (value === undefined) delete next[key];
    else next[key] = value;
    const copy = { ...step, retry: next as Step['retry'] };
    if (Object.keys(next).length === 0) delete copy.retry;
    onChange(copy);
  };
  const toggleDependency = (id: string, on: boolean) => {
    const deps = (step.dependsOn ?? []).filter((d) => d !== id);
    const next: Step = { ...step, dependsOn: on ? [...deps, id] : deps };
    if (next.dependsOn!.length === 0) delete next.dependsOn;
    onChange(next);
  };

  return (
    <form className="fg-form" aria-label={`Step ${step.id}`} data-testid="step-form" onSubmit={(e) => e.preventDefault()}>
      <DraftInput label="Id" testId="field-id" value={step.id} readOnly={readOnly}
                  commit={(v) => v && v !== step.id && onChange({ ...step, id: v })} />
      <label className="fg-field">
        <span>Type</span>
        <select data-testid="field-type" value={step.type} disabled={readOnly}
                onChange={(e) => onChange({ ...step, type: e.target.value })}>
          {STEP_TYPES.map((t) => <option key={t.type} value={t.type}>{t.label}</option>)}
        </select>
      </label>
      {errors.length > 0 && (
        <ul className="fg-form__errors" role="alert" data-testid="step-form-errors">
          {errors.map((e, i) => <li key={i}>{e}</li>)}
        </ul>
      )}
      <fieldset className="fg-fieldset">
        <legend>Depends on</legend>
        {otherIds.length === 0 && <span className="fg-muted">No other steps yet.</span>}
        {otherIds.map((id) => (
          <label key={id} className="fg-check">
            <input type="checkbox" data-testid={`field-dependsOn-${id}`} disabled={readOnly}
                   checked={step.dependsOn?.includes(id) ?? false}
                   onChange={(e) => toggleDependency(id, e.target.checked)} />
            {id}
          </label>
        ))}
      </fieldset>
      <fieldset className="fg-fieldset">
        <legend>Config</legend>
        {spec.fields.length === 0 && <span className="fg-muted">Nothing to set.</span>}
        {spec.fields.map((f) => (
          <ConfigField key={`${step.id}-${f.key}`} spec={f} value={config[f.key]} readOnly={readOnly}
                       commit={(v) => setConfig(f.key, v)} />
        ))}
      </fieldset>
      <fieldset className="fg-fieldset">
        <legend>Retry (empty: 3 attempts, exponential from 1 s)</legend>
        <DraftInput label="Max attempts" testId="field-retry-maxAttempts" type="number" readOnly={readOnly}
                    value={retry.maxAttempts?.toString() ?? ''} commit={(v) => setRetry('maxAttempts', toNumber(v))} />
        <label className="fg-field">
          <span>Back-off</span>
          <select data-testid="field-retry-backoff" value={retry.backoff ?? ''} disabled={readOnly}
                  onChange={(e) => setRetry('backoff', e.target.value || undefined)}>
            <option value="">default (exponential)</option>
            <option value="exponential">exponential</option>
            <option value="fixed">fixed</option>
          </select>
        </label>
        <DraftInput label="Initial interval (ms)" testId="field-retry-initialIntervalMs" type="number" readOnly={readOnly}
                    value={retry.initialIntervalMs?.toString() ?? ''}
                    commit={(v) => setRetry('initialIntervalMs', toNumber(v))} />
      </fieldset>
      {!readOnly && (
        <button type="button" className="fg-button fg-button--danger" data-testid="step-delete" onClick={onDelete}>
          Delete step
        </button>
      )}
    </form>
  );
}

function ConfigField({ spec, value, readOnly, commit }: {
  spec: FieldSpec; value: Json | undefined; readOnly: boolean; commit: (v: Json | undefined) => void;
}) {
  const testId = `field-config-${spec.key}`;
  switch (spec.kind) {
    case 'checkbox':
      return (
        <label className="fg-check">
          <input type="checkbox" data-testid={testId} checked={value === true} disabled={readOnly}
                 onChange={(e) => commit(e.target.checked ? true : undefined)} />
          {spec.label}
        </label>
      );
    case 'select':
      return (
        <label className="fg-field">
          <span>{spec.label}</span>
          <select data-testid={testId} value={typeof value === 'string' ? value : ''} disabled={readOnly}
                  onChange={(e) => commit(e.target.value || undefined)}>
            <option value="">—</option>
            {spec.options!.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
      );
    case 'number':
      return <DraftInput label={spec.label} testId={testId} type="number" readOnly={readOnly}
                         value={typeof value === 'number' ? String(value) : ''} commit={(v) => commit(toNumber(v))} />;
    case 'list':
      return <DraftInput label={spec.label} testId={testId} readOnly={readOnly}
                         value={Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : ''}
                         commit={(v) => {
                           const items = v.split(',').map((s) => s.trim()).filter(Boolean);
                           commit(items.length ? items : undefined);
                         }} />;
    case 'json':
      return <DraftInput label={spec.label} testId={testId} multiline readOnly={readOnly}
                         value={value === undefined ? '' : JSON.stringify(value, null, 2)}
                         validate={(v) => { try { if (v.trim()) JSON.parse(v); return undefined; } catch (e) { return (e as Error).message; } }}
                         commit={(v) => commit(v.trim() ? JSON.parse(v) : undefined)} />;
    default:
      return <DraftInput label={spec.label} testId={testId} multiline={spec.kind === 'textarea'} readOnly={readOnly}
                         value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
                         commit={(v) => commit(v === '' ? undefined : v)} />;
  }
}

function DraftInput({ label, testId, value, commit, type = 'text', multiline = false, readOnly, validate }: {
  label: string; testId: string; value: string; commit: (v: string) => void; type?: string;
  multiline?: boolean; readOnly: boolean; validate?: (v: string) => string | undefined;
}) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setDraft(value), [value]);
  const done = () => {
    if (draft === value) return;
    const problem = validate?.(draft);
    setError(problem);
    if (!problem) commit(draft);
  };
  const common = {
    'data-testid': testId, value: draft, readOnly, 'aria-invalid': error ? true : undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: done,
  };
  return (
    <label className="fg-field">
      <span>{label}</span>
      {multiline
        ? <textarea rows={3} {...common} />
        : <input type={type} {...common} onKeyDown={(e) => e.key === 'Enter' && done()} />}
      {error && <span className="fg-field__error" role="alert">{error}</span>}
    </label>
  );
}

function toNumber(v: string): number | undefined {
  const n = Number(v);
  return v.trim() === '' || Number.isNaN(n) ? undefined : n;
}
