import { Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { WorkflowTaskView } from '../../../src/contracts/workflows.js';
import type { ApiClient } from '../api/api-client.js';
import type { Versioned } from '../api/use-document.js';
import { useVersionedEditor } from '../common/use-versioned-editor.js';
import { VersionedEditorForm } from '../common/versioned-editor-form.js';
import { checkWorkflowDraft, draftFromTask, emptyWorkflowDraft } from './workflow-draft.js';
import type { Department } from './workflow-groups.js';
import { createTask, updateTask } from './workflow-requests.js';
import { useWorkflowTaskEditorStyles } from './workflow-task-editor.styles.js';
import { WorkflowTaskForm } from './workflow-task-form.js';

export interface WorkflowTaskEditorProps {
  readonly client: ApiClient;
  /** The task as read (with its ETag) when editing; absent when adding. */
  readonly task: Versioned<WorkflowTaskView> | undefined;
  readonly departmentId: string;
  readonly departments: readonly Department[];
  readonly jobFamilies: readonly { readonly id: string; readonly name: string }[];
  readonly onSaved: (task: WorkflowTaskView) => void;
  readonly onCancel: () => void;
}

/** Adds a task, or edits one from the version it was read at: a 412 is shown, never overwritten. */
export function WorkflowTaskEditor({
  client,
  task,
  departmentId,
  departments,
  jobFamilies,
  onSaved,
  onCancel,
}: WorkflowTaskEditorProps): JSX.Element {
  const taskStyles = useWorkflowTaskEditorStyles();
  const editor = useVersionedEditor({
    initial: task,
    initialDraft: () => (task ? draftFromTask(task.value) : emptyWorkflowDraft(departmentId)),
    check: checkWorkflowDraft,
    send: (from, content) =>
      from ? updateTask(client, from, content) : createTask(client, content),
    onSaved,
  });
  return (
    <VersionedEditorForm
      editor={editor}
      editing={task !== undefined}
      label={task ? 'Edit task' : 'Add a task'}
      addLabel="Add the task"
      conflictTitle="Someone else changed this task"
      renderLatest={(latest) => (
        <>
          <Text weight="semibold">Latest version: {latest.name}</Text>
          <ol className={taskStyles.steps}>
            {latest.steps.map((step, index) => (
              <li key={index}>{step.actor ? `${step.actor}: ${step.text}` : step.text}</li>
            ))}
          </ol>
          <Text>Baseline: {latest.baselineMinutes} minutes</Text>
        </>
      )}
      onLoadLatest={(latest) => editor.loadLatest(latest, draftFromTask(latest.value))}
      onCancel={onCancel}
    >
      <WorkflowTaskForm
        draft={editor.draft}
        onChange={editor.setDraft}
        errors={editor.errors}
        departments={departments}
        jobFamilies={jobFamilies}
      />
    </VersionedEditorForm>
  );
}
WorkflowTaskEditor.displayName = 'WorkflowTaskEditor';
