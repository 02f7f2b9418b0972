import type { JSX } from 'react';
import { workflowTaskViewSchema } from '../../../src/contracts/workflows.js';
import { useDocument } from '../api/use-document.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import type { WorkflowTaskDrawerProps } from './workflow-task-drawer.js';
import { workflowPath } from './workflow-requests.js';
import { WorkflowTaskEditor } from './workflow-task-editor.js';

export interface TaskEditLoaderProps extends Omit<WorkflowTaskDrawerProps, 'mode'> {
  readonly taskId: string;
}

/** Reads the task with its ETag first: the list's copy has no ETag header to edit from. */
export function TaskEditLoader({
  client,
  taskId,
  onClose,
  ...rest
}: TaskEditLoaderProps): JSX.Element {
  const task = useDocument(client, workflowPath(taskId), workflowTaskViewSchema);
  if (task.state.status === 'loading') return <LoadingState label="Loading the task" />;
  if (task.state.status === 'error') {
    return <ProblemMessageBar problem={task.state.problem} onRetry={task.reload} />;
  }
  return (
    <WorkflowTaskEditor
      client={client}
      task={task.state}
      departmentId={task.state.value.departmentId}
      onCancel={onClose}
      {...rest}
    />
  );
}
TaskEditLoader.displayName = 'TaskEditLoader';
