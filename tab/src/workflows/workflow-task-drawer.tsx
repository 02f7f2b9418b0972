import type { JSX } from 'react';
import type { WorkflowTaskView } from '../../../src/contracts/workflows.js';
import type { ApiClient } from '../api/api-client.js';
import { SidePanel } from '../common/side-panel.js';
import { TaskEditLoader } from './task-edit-loader.js';
import type { Department } from './workflow-groups.js';
import { WorkflowTaskEditor } from './workflow-task-editor.js';

export type TaskDrawerMode =
  | { readonly kind: 'add'; readonly departmentId: string }
  | { readonly kind: 'edit'; readonly taskId: string; readonly name: string };

export interface WorkflowTaskDrawerProps {
  readonly client: ApiClient;
  readonly mode: TaskDrawerMode;
  readonly departments: readonly Department[];
  readonly jobFamilies: readonly { readonly id: string; readonly name: string }[];
  readonly onSaved: (task: WorkflowTaskView) => void;
  readonly onClose: () => void;
}

/** Adds or edits a mapped task in a panel over the page. */
export function WorkflowTaskDrawer(props: WorkflowTaskDrawerProps): JSX.Element {
  const { client, mode, onClose, ...rest } = props;
  return (
    <SidePanel title={mode.kind === 'add' ? 'Add a task' : `Edit “${mode.name}”`} onClose={onClose}>
      {mode.kind === 'add' ? (
        <WorkflowTaskEditor
          client={client}
          task={undefined}
          departmentId={mode.departmentId}
          onCancel={onClose}
          {...rest}
        />
      ) : (
        <TaskEditLoader client={client} taskId={mode.taskId} onClose={onClose} {...rest} />
      )}
    </SidePanel>
  );
}
WorkflowTaskDrawer.displayName = 'WorkflowTaskDrawer';
