import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import type { WorkflowTaskView } from '../../../src/contracts/workflows.js';
import type { ApiClient } from '../api/api-client.js';
import { StaleEditError, toProblem } from '../api/api-error.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { deleteTask, fetchTask, unchangedSince } from './workflow-requests.js';

export interface DeleteTaskDialogProps {
  readonly client: ApiClient;
  readonly task: WorkflowTaskView;
  readonly onDeleted: () => void;
  /** The task changed since the list loaded: the list should show the latest. */
  readonly onStale: () => void;
  readonly onClose: () => void;
}

const staleProblem: Problem = {
  type: 'about:blank',
  title: 'Someone else changed this task',
  status: 412,
  detail: 'Nothing was deleted. The list now shows the latest version: check it and try again.',
};

/** Deletes a task only if it is still the version the person looked at. */
export function DeleteTaskDialog({
  client,
  task,
  onDeleted,
  onStale,
  onClose,
}: DeleteTaskDialogProps): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);

  const fail = (failure: Problem, stale: boolean): void => {
    setBusy(false);
    setProblem(failure);
    if (stale) onStale();
  };

  const remove = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const latest = await fetchTask(client, task.id);
      if (!unchangedSince(task, latest.value)) {
        fail(staleProblem, true);
        return;
      }
      await deleteTask(client, latest);
    } catch (error) {
      const stale = error instanceof StaleEditError;
      fail(stale ? staleProblem : toProblem(error), stale);
      return;
    }
    onDeleted();
  };

  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete “{task.name}”?</DialogTitle>
          <DialogContent>
            <Text>
              The task and its baseline time leave the checkpoint. Prompts tagged with it stay in
              the library.
            </Text>
            {problem ? <ProblemMessageBar problem={problem} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={busy} onClick={() => void remove()}>
              Delete the task
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
DeleteTaskDialog.displayName = 'DeleteTaskDialog';
