import { Button, Text, useId } from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import type { PromptView } from '../../../src/contracts/prompts.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import type { FieldErrors } from '../common/field-errors.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { SidePanel } from '../common/side-panel.js';
import { useFocusFirstInvalid } from '../common/use-focus-first-invalid.js';
import type { LibraryOptions } from './library-options.js';
import {
  checkDraft,
  emptyPromptDraft,
  fieldErrorsFromProblem,
  type PromptDraft,
} from './prompt-draft.js';
import { PromptForm } from './prompt-form.js';
import { proposePrompt } from './prompt-requests.js';
import { useProposeDrawerStyles } from './propose-drawer.styles.js';

export interface ProposeDrawerProps {
  readonly client: ApiClient;
  readonly options: LibraryOptions;
  readonly onClose: () => void;
  /** The new prompt: in review when submitted, a draft when saved for later. */
  readonly onProposed: (prompt: PromptView) => void;
}

/** Anyone proposes a prompt; the library owner reviews it before it is published. */
export function ProposeDrawer({
  client,
  options,
  onClose,
  onProposed,
}: ProposeDrawerProps): JSX.Element {
  const styles = useProposeDrawerStyles();
  const titleId = useId('propose-title');
  const focusInvalid = useFocusFirstInvalid<HTMLFormElement>();
  const [draft, setDraft] = useState<PromptDraft>(emptyPromptDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);

  const send = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy) return;
    // Which button sent the form: "Save as draft" keeps it out of the review queue.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const submit = submitter?.getAttribute('value') !== 'draft';
    const check = checkDraft(draft);
    if (!check.ok) {
      setErrors(check.errors);
      focusInvalid.request();
      return;
    }
    setErrors({});
    setProblem(undefined);
    setBusy(true);
    proposePrompt(client, check.content, submit).then(
      (created) => {
        setBusy(false);
        onProposed(created.value);
      },
      (error: unknown) => {
        setBusy(false);
        const failure = toProblem(error);
        setErrors(fieldErrorsFromProblem(failure));
        setProblem(failure);
      },
    );
  };

  return (
    <SidePanel
      titleId={titleId}
      title="Propose a prompt"
      intro={
        <Text>
          Share a prompt that works for you. The library owner reviews it, then publishes it or
          sends it back with a note.
        </Text>
      }
      onClose={onClose}
    >
      <form
        ref={focusInvalid.ref}
        className={styles.form}
        onSubmit={send}
        aria-labelledby={titleId}
        noValidate
      >
        <PromptForm draft={draft} onChange={setDraft} errors={errors} options={options} />
        {problem ? <ProblemMessageBar problem={problem} /> : null}
        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            disabledFocusable={busy}
            name="intent"
            value="review"
          >
            Submit for review
          </Button>
          <Button type="submit" disabledFocusable={busy} name="intent" value="draft">
            Save as draft
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </SidePanel>
  );
}
ProposeDrawer.displayName = 'ProposeDrawer';
