import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Text,
  Textarea,
} from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import type { StatusAction } from './prompt-permissions.js';
import { useStatusDialogStyles } from './status-dialog.styles.js';

export interface StatusDialogProps {
  readonly action: StatusAction;
  readonly promptTitle: string;
  /** Makes the change; resolves to a problem to show, or nothing when it worked. */
  readonly onSubmit: (note: string) => Promise<Problem | undefined>;
  readonly onClose: () => void;
}

/** Confirms a status change, with an optional note for the author and the history. */
export function StatusDialog({
  action,
  promptTitle,
  onSubmit,
  onClose,
}: StatusDialogProps): JSX.Element {
  const styles = useStatusDialogStyles();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    void onSubmit(note).then((failure) => {
      setBusy(false);
      if (failure) setProblem(failure);
      else onClose();
    });
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>
              {action.label}: {promptTitle}
            </DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{action.explanation}</Text>
              <Field label={action.noteLabel} hint="Kept in the prompt's history">
                <Textarea
                  value={note}
                  maxLength={500}
                  onChange={(_, data) => setNote(data.value)}
                />
              </Field>
              {problem ? <ProblemMessageBar problem={problem} /> : null}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {action.label}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
StatusDialog.displayName = 'StatusDialog';
