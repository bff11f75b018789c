/** The step types of the palette and the config fields the side form offers for each (see the worker's StepConfigReader). */

export type FieldKind = 'text' | 'number' | 'textarea' | 'list' | 'select' | 'checkbox' | 'json';

export type FieldSpec = { key: string; label: string; kind: FieldKind; options?: string[] };

export type StepTypeSpec = { type: string; label: string; fields: FieldSpec[] };

export const STEP_TYPES: StepTypeSpec[] = [
  {
    type: 'http_request', label: 'HTTP request', fields: [
      { key: 'url', label: 'URL', kind: 'text' },
      { key: 'method', label: 'Method', kind: 'select', options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
      { key: 'timeoutMs', label: 'Timeout (ms)', kind: 'number' },
      { key: 'headers', label: 'Headers (JSON object)', kind: 'json' },
      { key: 'body', label: 'Body (JSONata)', kind: 'textarea' },
    ],
  },
  {
    type: 'transform', label: 'Transform', fields: [
      { key: 'expression', label: 'Expression (JSONata)', kind: 'textarea' },
      { key: 'mapping', label: 'Mapping (JSON: field → expression)', kind: 'json' },
    ],
  },
  {
    type: 'condition', label: 'Condition', fields: [
      { key: 'expression', label: 'Expression (JSONata)', kind: 'textarea' },
      { key: 'onTrue', label: 'On true: step ids (comma separated)', kind: 'list' },
      { key: 'onFalse', label: 'On false: step ids (comma separated)', kind: 'list' },
    ],
  },
  { type: 'parallel', label: 'Parallel (fan-in)', fields: [] },
  {
    type: 'delay', label: 'Delay', fields: [
      { key: 'seconds', label: 'Seconds', kind: 'number' },
      { key: 'durationMs', label: 'Duration (ms)', kind: 'number' },
    ],
  },
  {
    type: 'wait_for_signal', label: 'Wait for signal', fields: [
      { key: 'signal', label: 'Signal name', kind: 'text' },
      { key: 'timeoutSeconds', label: 'Timeout (s)', kind: 'number' },
      { key: 'continueOnReject', label: 'Continue on reject', kind: 'checkbox' },
    ],
  },
  {
    type: 'webhook', label: 'Webhook', fields: [
      { key: 'url', label: 'URL', kind: 'text' },
      { key: 'timeoutMs', label: 'Timeout (ms)', kind: 'number' },
      { key: 'body', label: 'Body (JSONata)', kind: 'textarea' },
    ],
  },
  {
    type: 'notify', label: 'Notify (email)', fields: [
      { key: 'to', label: 'To (comma separated)', kind: 'list' },
      { key: 'subject', label: 'Subject', kind: 'text' },
      { key: 'body', label: 'Body', kind: 'textarea' },
      { key: 'bodyExpression', label: 'Body expression (JSONata)', kind: 'textarea' },
    ],
  },
  {
    type: 'sub_workflow', label: 'Sub-workflow', fields: [
      { key: 'definition', label: 'Definition (JSON)', kind: 'json' },
      { key: 'input', label: 'Input (JSONata)', kind: 'textarea' },
    ],
  },
];

export function specOf(type: string): StepTypeSpec {
  return STEP_TYPES.find((t) => t.type === type) ?? { type, label: type, fields: [] };
}
