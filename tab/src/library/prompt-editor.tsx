import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  useId,
} from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import type { PromptView } from '../../../src/contracts/prompts.js';
import type { ApiClient } from '../api/api-client.js';
import { StaleEditError, toProblem } from '../api/api-error.js';
import type { Versioned } from '../api/use-document.js';
import { ConflictNotice } from '../common/conflict-notice.js';
import type { FieldErrors } from '../common/field-errors.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useFocusFirstInvalid } from '../common/use-focus-first-invalid.js';
import { LatestPrompt } from './latest-prompt.js';
import type { LibraryOptions } from './library-options.js';
import {
  checkDraft,
  draftFromPrompt,
  fieldErrorsFromProblem,
  sameContent,
  type PromptDraft,
} from './prompt-draft.js';
import { usePromptEditorStyles } from './prompt-editor.styles.js';
import { PromptForm } from './prompt-form.js';
import { savePrompt } from './prompt-requests.js';
import { formatDateTime } from './prompt-text.js';

export interface PromptEditorProps {
  readonly client: ApiClient;
  /** The version the drawer shows; editing starts from it. */
  readonly prompt: Versioned<PromptView>;
  readonly options: LibraryOptions;
  readonly onSaved: (next: Versioned<PromptView>) => void;
}

type Outcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'saved'; readonly version: number }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'problem'; readonly problem: Problem }
  | { readonly kind: 'conflict'; readonly latest: Versioned<PromptView> };

/**
 * Edits a prompt into a new version. The edit is based on the version it started from: if
 * someone saved in between, the server answers 412 and the person decides, never the tab.
 */
export function PromptEditor({ client, prompt, options, onSaved }: PromptEditorProps): JSX.Element {
  const styles = usePromptEditorStyles();
  const headingId = useId('edit-heading');
  const focusInvalid = useFocusFirstInvalid<HTMLFormElement>();
  // The version this person's changes start from; only they move it (load, save, re-apply).
  const [base, setBase] = useState(prompt);
  const [draft, setDraft] = useState<PromptDraft>(() => draftFromPrompt(prompt.value));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [seen, setSeen] = useState(prompt);

  // A newer version whose words are the ones being edited (a status change, new ratings) becomes
  // the base quietly: saving on top of it cannot overwrite anything this person has not seen.
  if (seen !== prompt) {
    setSeen(prompt);
    if (sameContent(prompt.value, base.value)) setBase(prompt);
  }

  const startFrom = (version: Versioned<PromptView>): void => {
    setBase(version);
    setDraft(draftFromPrompt(version.value));
    setNote('');
    setErrors({});
  };

  const save = (from: Versioned<PromptView>): void => {
    const check = checkDraft(draft);
    if (!check.ok) {
      setErrors(check.errors);
      setOutcome({ kind: 'none' });
      focusInvalid.request();
      return;
    }
    setErrors({});
    if (sameContent(check.content, from.value)) {
      setOutcome({ kind: 'unchanged' });
      return;
    }
    setSaving(true);
    savePrompt(client, from, check.content, note).then(
      (saved) => {
        setSaving(false);
        startFrom(saved);
        setOutcome({ kind: 'saved', version: saved.value.version });
        onSaved(saved);
      },
      (error: unknown) => {
        setSaving(false);
        if (error instanceof StaleEditError && error.current !== undefined) {
          const latest = { value: error.current as PromptView, etag: error.etag };
          setOutcome({ kind: 'conflict', latest });
          return;
        }
        const problem = toProblem(error);
        setErrors(fieldErrorsFromProblem(problem));
        setOutcome({ kind: 'problem', problem });
      },
    );
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!saving) save(base);
  };

  return (
    <form
      ref={focusInvalid.ref}
      className={styles.root}
      aria-labelledby={headingId}
      onSubmit={submit}
      noValidate
    >
      <Text as="h3" id={headingId} size={400} weight="semibold" className={styles.heading}>
        Edit this prompt
      </Text>
      <Text>
        Saving makes version {base.value.version + 1}. Earlier versions stay in the history.
      </Text>
      {outcome.kind === 'conflict' ? (
        <ConflictNotice
          title="Someone else changed this prompt"
          detail={`Version ${outcome.latest.value.version} was saved ${formatDateTime(outcome.latest.value.updatedAt)} while you were editing. Your changes are not saved yet: load the latest version and start again, or re-apply your changes on top of it.`}
          latestKey={`${outcome.latest.value.version}:${outcome.latest.etag ?? ''}`}
          busy={saving}
          onLoadLatest={() => {
            startFrom(outcome.latest);
            setOutcome({ kind: 'none' });
            onSaved(outcome.latest);
          }}
          onReapply={() => {
            onSaved(outcome.latest);
            setBase(outcome.latest);
            save(outcome.latest);
          }}
        >
          <LatestPrompt prompt={outcome.latest.value} />
        </ConflictNotice>
      ) : null}
      <PromptForm draft={draft} onChange={setDraft} errors={errors} options={options} />
      <Field label="What changed and why (optional)" hint="Shown in the history">
        <Input value={note} maxLength={500} onChange={(_, data) => setNote(data.value)} />
      </Field>
      {outcome.kind === 'problem' ? <ProblemMessageBar problem={outcome.problem} /> : null}
      <div role="status">
        {outcome.kind === 'saved' ? (
          <MessageBar intent="success">
            <MessageBarBody>Saved as version {outcome.version}.</MessageBarBody>
          </MessageBar>
        ) : null}
        {outcome.kind === 'unchanged' ? (
          <MessageBar intent="info">
            <MessageBarBody>Nothing to save: the prompt is as it was.</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {saving ? 'Saving…' : 'Save changes'}
        </Button>
        <Button
          disabledFocusable={saving}
          onClick={() => {
            startFrom(base);
            setOutcome({ kind: 'none' });
          }}
        >
          Discard changes
        </Button>
      </div>
    </form>
  );
}
PromptEditor.displayName = 'PromptEditor';
