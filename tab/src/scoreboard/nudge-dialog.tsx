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
import type { JSX } from 'react';
import { useState } from 'react';
import {
  nudgeResultSchema,
  type NudgeResult,
  type ScoreboardDepartment,
} from '../../../src/contracts/adoption.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { joinNames } from './scoreboard-format.js';
import { useScoreboardStyles } from './scoreboard.styles.js';

const maxNoteLength = 1000;

export interface NudgeDialogProps {
  readonly client: ApiClient;
  readonly department: ScoreboardDepartment;
  readonly onSent: (result: NudgeResult) => void;
  readonly onClose: () => void;
}

/** Asks the bot to send a department's leads a coaching message, with the champion's note. */
export function NudgeDialog({
  client,
  department,
  onSent,
  onClose,
}: NudgeDialogProps): JSX.Element {
  const styles = useScoreboardStyles();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const leads = department.leads ?? [];

  const send = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    const trimmed = note.trim();
    try {
      const sent = await client.send(
        'POST',
        '/api/scoreboard/nudges',
        { departmentId: department.id, ...(trimmed === '' ? {} : { note: trimmed }) },
        nudgeResultSchema,
      );
      onSent(sent.value);
    } catch (error) {
      setBusy(false);
      setProblem(toProblem(error));
    }
  };

  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) void send();
          }}
        >
          <DialogBody>
            <DialogTitle>
              Nudge the {leads.length > 1 ? 'leads' : 'lead'} of {department.name}
            </DialogTitle>
            <DialogContent className={styles.dialogForm}>
              <Text>
                The Lastmile bot sends{' '}
                {leads.length > 0
                  ? joinNames(leads.map((lead) => lead.name))
                  : 'the department’s lead'}{' '}
                a coaching message in Teams chat, with the department’s figures and ideas for the
                next practice session.
              </Text>
              <Field
                label="A note from you (optional)"
                hint={`Up to ${String(maxNoteLength)} characters, added to the message.`}
              >
                <Textarea
                  value={note}
                  maxLength={maxNoteLength}
                  resize="vertical"
                  onChange={(_, data) => setNote(data.value)}
                />
              </Field>
              {problem ? <ProblemMessageBar problem={problem} /> : null}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {busy ? 'Sending…' : 'Send the nudge'}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
NudgeDialog.displayName = 'NudgeDialog';
