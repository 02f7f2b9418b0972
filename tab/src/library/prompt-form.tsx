import { Dropdown, Field, Input, Option, Text, Textarea, useId } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { LibraryOptions } from './library-options.js';
import type { FieldErrors } from '../common/field-errors.js';
import { withBody, type PromptDraft } from './prompt-draft.js';
import { usePromptFormStyles } from './prompt-form.styles.js';
import { namesFor } from './prompt-text.js';
import { VariableFields } from './variable-fields.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { taskOptionGroups } from './task-option-groups.js';

export interface PromptFormProps {
  readonly draft: PromptDraft;
  readonly onChange: (draft: PromptDraft) => void;
  readonly errors: FieldErrors;
  readonly options: LibraryOptions;
}

/** The fields an author writes, shared by proposing and editing a prompt. */
export function PromptForm({ draft, onChange, errors, options }: PromptFormProps): JSX.Element {
  const styles = usePromptFormStyles();
  const controls = useFormControlStyles();
  const variablesId = useId('variables-heading');
  const set = (change: Partial<PromptDraft>): void => onChange({ ...draft, ...change });
  const familyNames = namesFor(draft.jobFamilyIds, options.jobFamilies);
  const taskNames = namesFor(draft.taskIds, options.tasks);

  return (
    <div className={styles.root}>
      <Field label="Title" required validationMessage={errors.title ?? null}>
        <Input
          value={draft.title}
          maxLength={120}
          onChange={(_, data) => set({ title: data.value })}
        />
      </Field>
      <Field
        label="Prompt text"
        required
        hint="Write {{variable_name}} where people fill something in, e.g. {{client_name}}."
        validationMessage={errors.body ?? null}
      >
        <Textarea
          className={styles.body}
          resize="vertical"
          value={draft.body}
          maxLength={8000}
          onChange={(_, data) => onChange(withBody(draft, data.value))}
        />
      </Field>
      <div role="group" aria-labelledby={variablesId} className={styles.variables}>
        <Text as="h4" id={variablesId} className={styles.groupLabel}>
          Variables
        </Text>
        <VariableFields
          variables={draft.variables}
          errors={errors}
          onChange={(variables) => set({ variables })}
        />
      </div>
      <div className={styles.row}>
        <Field
          label="Job families"
          hint="Whose work it fits"
          validationMessage={errors.jobFamilyIds ?? null}
        >
          <Dropdown
            className={controls.fill}
            multiselect
            placeholder="Any job family"
            value={familyNames.join(', ')}
            selectedOptions={[...draft.jobFamilyIds]}
            onOptionSelect={(_, data) => set({ jobFamilyIds: data.selectedOptions })}
          >
            {options.jobFamilies.map((family) => (
              <Option key={family.id} value={family.id}>
                {family.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field
          label="Workflow tasks"
          hint="The mapped tasks it helps with"
          validationMessage={errors.taskIds ?? null}
        >
          <Dropdown
            className={controls.fill}
            multiselect
            placeholder="No task"
            value={taskNames.join(', ')}
            selectedOptions={[...draft.taskIds]}
            onOptionSelect={(_, data) => set({ taskIds: data.selectedOptions })}
          >
            {taskOptionGroups(options.taskGroups)}
          </Dropdown>
        </Field>
      </div>
      <Field
        label="Tags"
        hint="Separate tags with commas, e.g. email, client"
        validationMessage={errors.tags ?? null}
      >
        <Input value={draft.tagsText} onChange={(_, data) => set({ tagsText: data.value })} />
      </Field>
    </div>
  );
}
PromptForm.displayName = 'PromptForm';
