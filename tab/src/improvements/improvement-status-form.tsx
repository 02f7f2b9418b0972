import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  useId,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import {
  improvementStatusSchema,
  improvementViewSchema,
  type ImprovementStatus,
  type ImprovementView,
} from '../../../src/contracts/feedback.js';
import type { ApiClient } from '../api/api-client.js';
import { StaleEditError } from '../api/api-error.js';
import type { Versioned } from '../api/use-document.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useFormSubmission } from '../common/use-form-submission.js';
import { fieldErrorsFromProblem } from '../flags/resolution-draft.js';
import { checkStatusChange, statusDraftOf, type StatusDraft } from './improvement-draft.js';
import { improvementPath, improvementStatusLabels } from './improvement-format.js';
import { useImprovementsStyles } from './improvements.styles.js';

const noteLabels: Readonly<Record<ImprovementStatus, string>> = {
  new: 'Note',
  planned: 'What is planned, and when',
  done: 'What was done',
  'pushed-to-vendor': 'The vendor’s reference, or a note',
  declined: 'Why it is declined',
};

export interface ImprovementStatusFormProps {
  readonly client: ApiClient;
  /** The suggestion as last read, with the ETag the change must send as `If-Match`. */
  readonly improvement: Versioned<ImprovementView>;
  readonly onSaved: (next: Versioned<ImprovementView>) => void;
  /** Someone else changed it first: the latest version, to decide on again. */
  readonly onStale: (latest: Versioned<ImprovementView>) => void;
}

/** What becomes of a suggestion, decided by a champion or an admin from the version they see. */
export function ImprovementStatusForm({
  client,
  improvement,
  onSaved,
  onStale,
}: ImprovementStatusFormProps): JSX.Element {
  const styles = useImprovementsStyles();
  const titleId = useId('status-title');
  const [draft, setDraft] = useState<StatusDraft>(() => statusDraftOf(improvement.value));
  const { errors, problem, busy, handleSubmit } = useFormSubmission(fieldErrorsFromProblem);
  const set = (change: Partial<StatusDraft>): void => setDraft({ ...draft, ...change });

  const send = handleSubmit(() => {
    const check = checkStatusChange(draft);
    if (!check.ok) return { errors: check.errors };
    const path = `${improvementPath(improvement.value.id)}/status`;
    return {
      send: () =>
        client.send('POST', path, check.request, improvementViewSchema, {
          ifMatch: improvement.etag,
        }),
      onSent: onSaved,
      onFailure: (failure) => {
        if (!(failure instanceof StaleEditError) || failure.current === undefined) return false;
        onStale({ value: failure.current as ImprovementView, etag: failure.etag });
        return true;
      },
    };
  });

  return (
    <form className={styles.form} onSubmit={send} aria-labelledby={titleId} noValidate>
      <Text as="h3" id={titleId} size={400} weight="semibold">
        Decide
      </Text>
      <Field label="Status" required>
        <RadioGroup
          value={draft.status}
          onChange={(_, data) => {
            const parsed = improvementStatusSchema.safeParse(data.value);
            if (parsed.success) set({ status: parsed.data });
          }}
        >
          {improvementStatusSchema.options.map((status) => (
            <Radio key={status} value={status} label={improvementStatusLabels[status]} />
          ))}
        </RadioGroup>
      </Field>
      {draft.status === 'pushed-to-vendor' ? (
        <Field label="Vendor" required validationMessage={errors['vendor'] ?? null}>
          <Input value={draft.vendor} onChange={(_, data) => set({ vendor: data.value })} />
        </Field>
      ) : null}
      <Field
        label={noteLabels[draft.status]}
        required={draft.status === 'declined'}
        validationMessage={errors['note'] ?? null}
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
          Save the status
        </Button>
      </div>
    </form>
  );
}
ImprovementStatusForm.displayName = 'ImprovementStatusForm';
