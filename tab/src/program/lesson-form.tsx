import {
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Textarea,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { lessonStatusSchema, maxLessonWeek } from '../../../src/contracts/lessons.js';
import type { ApiClient } from '../api/api-client.js';
import type { FieldErrors } from '../common/field-errors.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { optionName, type LibraryOptions } from '../library/library-options.js';
import { CheckQuestionEditor } from './check-question-editor.js';
import type { LessonDraft } from './lesson-draft.js';
import { useLessonFormStyles } from './lesson-form.styles.js';
import { lessonStatusLabels } from './lesson-status-badge.js';
import { PromptPicker } from './prompt-picker.js';
import { taskOptionGroups } from '../library/task-option-groups.js';

const noTask = 'No task';

export interface LessonFormProps {
  readonly client: ApiClient;
  readonly draft: LessonDraft;
  readonly onChange: (draft: LessonDraft) => void;
  readonly errors: FieldErrors;
  /** Job families and mapped tasks to choose from. */
  readonly options: LibraryOptions;
}

/** Everything a micro-lesson holds: a scenario, a prompt to try, one check question, a reflection. */
export function LessonForm({
  client,
  draft,
  onChange,
  errors,
  options,
}: LessonFormProps): JSX.Element {
  const styles = useLessonFormStyles();
  const controls = useFormControlStyles();
  const set = (change: Partial<LessonDraft>): void => onChange({ ...draft, ...change });
  const error = (key: keyof LessonDraft): string | null => errors[key] ?? null;
  return (
    <div className={styles.root}>
      <Field label="Title" required validationMessage={error('title')}>
        <Input
          value={draft.title}
          maxLength={120}
          onChange={(_, data) => set({ title: data.value })}
        />
      </Field>
      <div className={styles.row}>
        <Field label="Job family" required validationMessage={error('jobFamilyId')}>
          <Dropdown
            className={controls.fill}
            value={optionName(options, 'jobFamilies', draft.jobFamilyId)}
            selectedOptions={[draft.jobFamilyId]}
            onOptionSelect={(_, data) => set({ jobFamilyId: data.optionValue ?? '' })}
          >
            {options.jobFamilies.map((family) => (
              <Option key={family.id} value={family.id}>
                {family.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field
          label="Week"
          required
          hint={`1 to ${maxLessonWeek}; the program runs 8 weeks`}
          validationMessage={error('week')}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={maxLessonWeek}
            step={1}
            value={draft.week}
            onChange={(_, data) => set({ week: data.value })}
          />
        </Field>
        <Field label="Minutes" required hint="At most 5" validationMessage={error('minutes')}>
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={5}
            step={1}
            value={draft.minutes}
            onChange={(_, data) => set({ minutes: data.value })}
          />
        </Field>
      </div>
      <Field
        label="Workflow task"
        hint="The mapped task the scenario comes from"
        validationMessage={error('taskId')}
      >
        <Dropdown
          className={controls.fill}
          value={draft.taskId === '' ? noTask : optionName(options, 'tasks', draft.taskId)}
          selectedOptions={[draft.taskId]}
          onOptionSelect={(_, data) => set({ taskId: data.optionValue ?? '' })}
        >
          <Option value="">{noTask}</Option>
          {taskOptionGroups(options.taskGroups)}
        </Dropdown>
      </Field>
      <Field
        label="Scenario"
        required
        hint="A realistic situation from that task, written to the learner: “You have…”"
        validationMessage={error('scenario')}
      >
        <Textarea
          value={draft.scenario}
          maxLength={1500}
          rows={5}
          resize="vertical"
          onChange={(_, data) => set({ scenario: data.value })}
        />
      </Field>
      <PromptPicker
        client={client}
        promptId={draft.promptId}
        onChange={(promptId) => set({ promptId })}
        validationMessage={errors.promptId}
      />
      <Field
        label="Try it"
        required
        hint="What to paste, and what to look for in the answer"
        validationMessage={error('tryIt')}
      >
        <Textarea
          value={draft.tryIt}
          maxLength={800}
          rows={3}
          resize="vertical"
          onChange={(_, data) => set({ tryIt: data.value })}
        />
      </Field>
      <CheckQuestionEditor draft={draft} onChange={onChange} errors={errors} />
      <Field
        label="Reflection"
        required
        hint="One question to think about afterwards"
        validationMessage={error('reflection')}
      >
        <Input
          value={draft.reflection}
          maxLength={300}
          onChange={(_, data) => set({ reflection: data.value })}
        />
      </Field>
      <Field
        label="Status"
        hint="Only published lessons reach people"
        validationMessage={error('status')}
      >
        <RadioGroup
          layout="horizontal"
          value={draft.status}
          onChange={(_, data) => {
            const status = lessonStatusSchema.safeParse(data.value);
            if (status.success) set({ status: status.data });
          }}
        >
          {lessonStatusSchema.options.map((status) => (
            <Radio key={status} value={status} label={lessonStatusLabels[status]} />
          ))}
        </RadioGroup>
      </Field>
    </div>
  );
}
LessonForm.displayName = 'LessonForm';
