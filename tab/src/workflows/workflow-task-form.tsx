import { Dropdown, Field, Input, Option, Textarea } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { FieldErrors } from '../common/field-errors.js';
import { namesFor } from '../library/prompt-text.js';
import { HandoffsEditor } from './handoffs-editor.js';
import { StepsEditor } from './steps-editor.js';
import type { WorkflowDraft } from './workflow-draft.js';
import type { Department } from './workflow-groups.js';
import { useWorkflowTaskFormStyles } from './workflow-task-form.styles.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';

export interface WorkflowTaskFormProps {
  readonly draft: WorkflowDraft;
  readonly onChange: (draft: WorkflowDraft) => void;
  readonly errors: FieldErrors;
  readonly departments: readonly Department[];
  readonly jobFamilies: readonly { readonly id: string; readonly name: string }[];
}

/** What a team maps for one task before anyone reaches for an AI tool. */
export function WorkflowTaskForm({
  draft,
  onChange,
  errors,
  departments,
  jobFamilies,
}: WorkflowTaskFormProps): JSX.Element {
  const styles = useWorkflowTaskFormStyles();
  const controls = useFormControlStyles();
  const set = (change: Partial<WorkflowDraft>): void => onChange({ ...draft, ...change });
  const departmentName = departments.find((item) => item.id === draft.departmentId)?.name;
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Field label="Task name" required validationMessage={errors.name ?? null}>
          <Input
            value={draft.name}
            maxLength={120}
            onChange={(_, data) => set({ name: data.value })}
          />
        </Field>
        <Field label="Department" required validationMessage={errors.departmentId ?? null}>
          <Dropdown
            className={controls.fill}
            value={departmentName ?? draft.departmentId}
            selectedOptions={[draft.departmentId]}
            onOptionSelect={(_, data) => set({ departmentId: data.optionValue ?? '' })}
          >
            {departments.map((department) => (
              <Option key={department.id} value={department.id}>
                {department.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field label="What the task is" validationMessage={errors.description ?? null}>
        <Textarea
          value={draft.description}
          maxLength={1000}
          resize="vertical"
          onChange={(_, data) => set({ description: data.value })}
        />
      </Field>
      <div className={styles.row}>
        <Field
          label="Baseline time in minutes"
          required
          hint="How long the task takes today, before AI"
          validationMessage={errors.baselineMinutes ?? null}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={10000}
            step={1}
            value={draft.baselineMinutes}
            onChange={(_, data) => set({ baselineMinutes: data.value })}
          />
        </Field>
        <Field
          label="Job families"
          hint="Who does this task"
          validationMessage={errors.jobFamilyIds ?? null}
        >
          <Dropdown
            className={controls.fill}
            multiselect
            placeholder="Any job family"
            value={namesFor(draft.jobFamilyIds, jobFamilies).join(', ')}
            selectedOptions={[...draft.jobFamilyIds]}
            onOptionSelect={(_, data) => set({ jobFamilyIds: data.selectedOptions })}
          >
            {jobFamilies.map((family) => (
              <Option key={family.id} value={family.id}>
                {family.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <StepsEditor steps={draft.steps} errors={errors} onChange={(steps) => set({ steps })} />
      <HandoffsEditor
        handoffs={draft.handoffs}
        errors={errors}
        onChange={(handoffs) => set({ handoffs })}
      />
      <Field
        label="Friction points"
        hint="One per line: where the task slows down or goes wrong"
        validationMessage={errors.frictionPoints ?? null}
      >
        <Textarea
          value={draft.frictionText}
          resize="vertical"
          onChange={(_, data) => set({ frictionText: data.value })}
        />
      </Field>
      <Field
        label="Where AI could help"
        hint="One per line"
        validationMessage={errors.aiOpportunities ?? null}
      >
        <Textarea
          value={draft.aiText}
          resize="vertical"
          onChange={(_, data) => set({ aiText: data.value })}
        />
      </Field>
    </div>
  );
}
WorkflowTaskForm.displayName = 'WorkflowTaskForm';
