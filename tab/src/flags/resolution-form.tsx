import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  useId,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import {
  flagResolutionActions,
  flagViewSchema,
  type FlagView,
} from '../../../src/contracts/feedback.js';
import { workflowListSchema } from '../../../src/contracts/workflows.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery } from '../api/use-api-query.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useFormSubmission } from '../common/use-form-submission.js';
import { actionLabels } from './flag-format.js';
import { useFlagsStyles } from './flags.styles.js';
import {
  checkResolution,
  emptyResolutionDraft,
  fieldErrorsFromProblem,
  type ResolutionDraft,
} from './resolution-draft.js';

interface TaskFieldProps {
  readonly client: ApiClient;
  readonly value: string;
  readonly error: string | undefined;
  readonly onChange: (taskId: string) => void;
}

/** Loaded only when the action needs it, so dismissing a flag never asks for the workflows. */
function TaskField({ client, value, error, onChange }: TaskFieldProps): JSX.Element {
  const controls = useFormControlStyles();
  const tasks = useApiQuery(client, '/api/workflows', workflowListSchema);
  const items = tasks.state.status === 'success' ? tasks.state.data.items : [];
  const problem = tasks.state.status === 'error' ? tasks.state.problem.title : undefined;
  return (
    <Field label="Workflow task" required validationMessage={error ?? problem ?? null}>
      <Dropdown
        className={controls.fill}
        placeholder={tasks.state.status === 'loading' ? 'Loading tasks…' : 'Choose a task'}
        value={items.find((task) => task.id === value)?.name ?? ''}
        selectedOptions={value === '' ? [] : [value]}
        onOptionSelect={(_, data) => onChange(data.optionValue ?? '')}
      >
        {items.map((task) => (
          <Option key={task.id} value={task.id}>
            {task.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export interface ResolutionFormProps {
  readonly client: ApiClient;
  readonly flag: FlagView;
  readonly onResolved: (flag: FlagView) => void;
}

/** What became of the flag: the action taken and its details, sent once. */
export function ResolutionForm({ client, flag, onResolved }: ResolutionFormProps): JSX.Element {
  const styles = useFlagsStyles();
  const titleId = useId('resolution-title');
  // The panel shows the flagged prompt only as a link, so its id comes filled in for "Prompt adjusted".
  const [draft, setDraft] = useState<ResolutionDraft>(() => ({
    ...emptyResolutionDraft,
    promptId: flag.promptId ?? '',
  }));
  const { errors, problem, busy, handleSubmit } = useFormSubmission(fieldErrorsFromProblem);
  const set = (change: Partial<ResolutionDraft>): void => setDraft({ ...draft, ...change });
  const error = (field: string): string | null => errors[field] ?? null;

  const send = handleSubmit(() => {
    const check = checkResolution(draft);
    if (!check.ok) return { errors: check.errors };
    const path = `/api/flags/${encodeURIComponent(flag.id)}/resolution`;
    return {
      send: () => client.send('POST', path, check.resolution, flagViewSchema),
      onSent: (resolved) => onResolved(resolved.value),
    };
  });

  return (
    <form className={styles.form} onSubmit={send} aria-labelledby={titleId} noValidate>
      <Text as="h3" id={titleId} size={400} weight="semibold">
        Resolve
      </Text>
      <Field label="What was done" required>
        <RadioGroup
          value={draft.action}
          onChange={(_, data) => {
            const action = flagResolutionActions.find((value) => value === data.value);
            if (action) set({ action });
          }}
        >
          {flagResolutionActions.map((action) => (
            <Radio key={action} value={action} label={actionLabels[action]} />
          ))}
        </RadioGroup>
      </Field>
      {draft.action === 'prompt-adjusted' ? (
        <>
          <Field label="Prompt id" required validationMessage={error('promptId')}>
            <Input value={draft.promptId} onChange={(_, data) => set({ promptId: data.value })} />
          </Field>
          <Field label="Version with the fix" validationMessage={error('promptVersion')}>
            <Input
              type="number"
              min={1}
              value={draft.promptVersion}
              onChange={(_, data) => set({ promptVersion: data.value })}
            />
          </Field>
        </>
      ) : null}
      {draft.action === 'workflow-changed' ? (
        <TaskField
          client={client}
          value={draft.taskId}
          error={errors['taskId']}
          onChange={(taskId) => set({ taskId })}
        />
      ) : null}
      {draft.action === 'escalated-to-vendor' ? (
        <>
          <Field label="Vendor" required validationMessage={error('vendor')}>
            <Input value={draft.vendor} onChange={(_, data) => set({ vendor: data.value })} />
          </Field>
          <Field label="Vendor’s reference" required validationMessage={error('reference')}>
            <Input value={draft.reference} onChange={(_, data) => set({ reference: data.value })} />
          </Field>
          <Field label="Escalated on" validationMessage={error('escalatedOn')}>
            <Input
              type="date"
              value={draft.escalatedOn}
              onChange={(_, data) => set({ escalatedOn: data.value })}
            />
          </Field>
        </>
      ) : null}
      <Field
        label={draft.action === 'dismissed' ? 'Why it is dismissed' : 'Note'}
        required={draft.action === 'dismissed'}
        validationMessage={error('note')}
      >
        <Textarea
          value={draft.note}
          onChange={(_, data) => set({ note: data.value })}
          resize="vertical"
        />
      </Field>
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          Submit the resolution
        </Button>
      </div>
    </form>
  );
}
ResolutionForm.displayName = 'ResolutionForm';
