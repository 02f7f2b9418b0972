import type { JSX } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import type { WorkflowTaskView } from '../../../src/contracts/workflows.js';
import type { ApiClient } from '../api/api-client.js';
import {
  ConfirmDeleteDialog,
  type DeleteDialogCallbacks,
} from '../common/confirm-delete-dialog.js';
import { workflowRequests } from './workflow-requests.js';

export interface DeleteTaskDialogProps extends DeleteDialogCallbacks {
  readonly client: ApiClient;
  readonly task: WorkflowTaskView;
}

const staleProblem: Problem = {
  type: 'about:blank',
  title: 'Someone else changed this task',
  status: 412,
  detail: 'Nothing was deleted. The list now shows the latest version: check it and try again.',
};

/** Deletes a task only if it is still the version the person looked at. */
export function DeleteTaskDialog({ task, ...rest }: DeleteTaskDialogProps): JSX.Element {
  return (
    <ConfirmDeleteDialog
      {...rest}
      item={task}
      name={task.name}
      requests={workflowRequests}
      consequence="The task and its baseline time leave the checkpoint. Prompts tagged with it stay in the library."
      confirmLabel="Delete the task"
      staleProblem={staleProblem}
    />
  );
}
DeleteTaskDialog.displayName = 'DeleteTaskDialog';
