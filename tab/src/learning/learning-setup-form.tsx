import { Button, Dropdown, Field, Input, Option, Text } from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useState } from 'react';
import {
  learningProgressSchema,
  type LearnerSetup,
  type LearningProgress,
} from '../../../src/contracts/lessons.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import type { FieldErrors } from '../common/field-errors.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { TimeZoneCombobox } from '../common/time-zone-combobox.js';
import { useFocusFirstInvalid } from '../common/use-focus-first-invalid.js';
import { WeekdayField } from '../common/weekday-field.js';
import { fieldErrorsFromProblem } from '../program/lesson-draft.js';
import { checkSetup, myLearningPath } from './learning-setup.js';
import { useMyLearningStyles } from './my-learning.styles.js';

export interface LearningSetupFormProps {
  readonly client: ApiClient;
  readonly overview: ProgramOverview;
  readonly initial: LearnerSetup;
  /** Whether the person is changing a set-up they already have. */
  readonly changing: boolean;
  readonly onSaved: (progress: LearningProgress) => void;
  readonly onCancel: () => void;
}

/** Job family, department and when the weekly lesson should arrive. */
export function LearningSetupForm({
  client,
  overview,
  initial,
  changing,
  onSaved,
  onCancel,
}: LearningSetupFormProps): JSX.Element {
  const styles = useMyLearningStyles();
  const controls = useFormControlStyles();
  const focusInvalid = useFocusFirstInvalid<HTMLFormElement>();
  const [setup, setSetup] = useState<LearnerSetup>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const set = (change: Partial<LearnerSetup>): void =>
    setSetup((previous) => ({ ...previous, ...change }));
  const nameOf = (items: readonly { id: string; name: string }[], id: string): string =>
    items.find((item) => item.id === id)?.name ?? '';

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (saving) return;
    const check = checkSetup(setup);
    if (!check.ok) {
      setErrors(check.errors);
      focusInvalid.request();
      return;
    }
    setErrors({});
    setProblem(undefined);
    setSaving(true);
    client.send('PUT', myLearningPath, check.setup, learningProgressSchema).then(
      (sent) => {
        setSaving(false);
        onSaved(sent.value);
      },
      (error: unknown) => {
        setSaving(false);
        const failure = toProblem(error);
        setErrors(fieldErrorsFromProblem(failure));
        setProblem(failure);
      },
    );
  };

  return (
    <form
      ref={focusInvalid.ref}
      className={styles.form}
      aria-label="Set up my learning"
      onSubmit={submit}
      noValidate
    >
      <Text as="p" className={styles.text}>
        {changing
          ? 'Change your job family, or when your weekly lesson arrives.'
          : 'Tell Lastmile your job and when suits you, and the bot sends you a five-minute lesson for your job each week.'}
      </Text>
      <div className={styles.row}>
        <Field label="Job family" required validationMessage={errors.jobFamilyId ?? null}>
          <Dropdown
            className={controls.fill}
            placeholder="Choose your job family"
            value={nameOf(overview.jobFamilies, setup.jobFamilyId)}
            selectedOptions={setup.jobFamilyId === '' ? [] : [setup.jobFamilyId]}
            onOptionSelect={(_, data) => set({ jobFamilyId: data.optionValue ?? '' })}
          >
            {overview.jobFamilies.map((family) => (
              <Option key={family.id} value={family.id}>
                {family.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Department" required validationMessage={errors.departmentId ?? null}>
          <Dropdown
            className={controls.fill}
            placeholder="Choose your department"
            value={nameOf(overview.departments, setup.departmentId)}
            selectedOptions={setup.departmentId === '' ? [] : [setup.departmentId]}
            onOptionSelect={(_, data) => set({ departmentId: data.optionValue ?? '' })}
          >
            {overview.departments.map((department) => (
              <Option key={department.id} value={department.id}>
                {department.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <div className={styles.row}>
        <WeekdayField
          label="Lesson day"
          required
          value={setup.lessonDay}
          onChange={(lessonDay) => set({ lessonDay })}
          validationMessage={errors.lessonDay}
        />
        <Field label="Lesson time" required validationMessage={errors.lessonTime ?? null}>
          <Input
            type="time"
            value={setup.lessonTime}
            onChange={(_, data) => set({ lessonTime: data.value })}
          />
        </Field>
      </div>
      <TimeZoneCombobox
        label="Time zone"
        required
        value={setup.timeZone}
        onChange={(timeZone) => set({ timeZone })}
        validationMessage={errors.timeZone}
      />
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {saving ? 'Saving…' : changing ? 'Save changes' : 'Start my lessons'}
        </Button>
        {changing ? <Button onClick={onCancel}>Cancel</Button> : null}
      </div>
    </form>
  );
}
LearningSetupForm.displayName = 'LearningSetupForm';
