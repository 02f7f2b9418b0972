import { Button, Text } from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import type { WorkflowTaskView } from '../../../src/contracts/workflows.js';
import type { ApiClient } from '../api/api-client.js';
import { StaleEditError, toProblem } from '../api/api-error.js';
import type { Versioned } from '../api/use-document.js';
import { ConflictNotice } from '../common/conflict-notice.js';
import type { FieldErrors } from '../common/field-errors.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useFocusFirstInvalid } from '../common/use-focus-first-invalid.js';
import { formatDateTime } from '../library/prompt-text.js';
import {
  checkWorkflowDraft,
  draftFromTask,
  emptyWorkflowDraft,
  type WorkflowDraft,
} from './workflow-draft.js';
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
  const styles = useWorkflowTaskEditorStyles();
  const focusInvalid = useFocusFirstInvalid<HTMLFormElement>();
  const [base, setBase] = useState(task);
  const [draft, setDraft] = useState<WorkflowDraft>(() =>
    task ? draftFromTask(task.value) : emptyWorkflowDraft(departmentId),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [latest, setLatest] = useState<Versioned<WorkflowTaskView> | undefined>(undefined);

  const save = (from: Versioned<WorkflowTaskView> | undefined): void => {
    const check = checkWorkflowDraft(draft);
    if (!check.ok) {
      setErrors(check.errors);
      focusInvalid.request();
      return;
    }
    setErrors({});
    setProblem(undefined);
    setSaving(true);
    const request = from
      ? updateTask(client, from, check.content)
      : createTask(client, check.content);
    request.then(
      (saved) => {
        setSaving(false);
        onSaved(saved.value);
      },
      (error: unknown) => {
        setSaving(false);
        if (error instanceof StaleEditError && error.current !== undefined) {
          setLatest({ value: error.current as WorkflowTaskView, etag: error.etag });
          return;
        }
        setProblem(toProblem(error));
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
      onSubmit={submit}
      noValidate
      aria-label={task ? 'Edit task' : 'Add a task'}
    >
      {latest ? (
        <ConflictNotice
          title="Someone else changed this task"
          detail={`It was saved ${formatDateTime(latest.value.updatedAt)} while you were editing. Your changes are not saved yet: load the latest version and start again, or re-apply your changes on top of it.`}
          latestKey={latest.etag ?? latest.value.updatedAt}
          busy={saving}
          onLoadLatest={() => {
            setBase(latest);
            setDraft(draftFromTask(latest.value));
            setLatest(undefined);
          }}
          onReapply={() => {
            setBase(latest);
            setLatest(undefined);
            save(latest);
          }}
        >
          <div className={styles.latest} role="group" aria-label="Latest version">
            <Text weight="semibold">Latest version: {latest.value.name}</Text>
            <ol className={styles.steps}>
              {latest.value.steps.map((step, index) => (
                <li key={index}>{step.actor ? `${step.actor}: ${step.text}` : step.text}</li>
              ))}
            </ol>
            <Text>Baseline: {latest.value.baselineMinutes} minutes</Text>
          </div>
        </ConflictNotice>
      ) : null}
      <WorkflowTaskForm
        draft={draft}
        onChange={setDraft}
        errors={errors}
        departments={departments}
        jobFamilies={jobFamilies}
      />
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {saving ? 'Saving…' : task ? 'Save changes' : 'Add the task'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
WorkflowTaskEditor.displayName = 'WorkflowTaskEditor';
