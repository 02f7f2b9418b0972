import { Button, Field, Input, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { FieldErrors } from '../common/field-errors.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { useRowEditorStyles } from './row-editor.styles.js';
import { emptyStep, moveItem, type StepDraft } from './workflow-draft.js';

export interface StepsEditorProps {
  readonly steps: readonly StepDraft[];
  readonly onChange: (steps: StepDraft[]) => void;
  readonly errors: FieldErrors;
}

/** The task's steps in order: each with who does it, moved with buttons rather than dragging. */
export function StepsEditor({ steps, onChange, errors }: StepsEditorProps): JSX.Element {
  const styles = useRowEditorStyles();
  const controls = useFormControlStyles();
  const update = (index: number, change: Partial<StepDraft>): void =>
    onChange(steps.map((step, at) => (at === index ? { ...step, ...change } : step)));
  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>Steps, in order (required)</legend>
      {errors.steps ? <Text className={styles.hint}>{errors.steps}</Text> : null}
      <ol className={styles.list}>
        {steps.map((step, index) => {
          const number = index + 1;
          return (
            <li key={index} className={styles.row}>
              <Field
                className={styles.field}
                label={`Step ${number}`}
                validationMessage={errors[`steps.${index}.text`] ?? null}
              >
                <Input
                  className={controls.fill}
                  value={step.text}
                  maxLength={300}
                  onChange={(_, data) => update(index, { text: data.value })}
                />
              </Field>
              <Field
                className={styles.field}
                label={`Who does step ${number}`}
                hint="A role, e.g. Consultant"
              >
                <Input
                  className={controls.fill}
                  value={step.actor}
                  maxLength={80}
                  onChange={(_, data) => update(index, { actor: data.value })}
                />
              </Field>
              <div className={styles.rowActions}>
                <Button
                  size="small"
                  disabled={index === 0}
                  aria-label={`Move step ${number} up`}
                  onClick={() => onChange(moveItem(steps, index, -1))}
                >
                  Up
                </Button>
                <Button
                  size="small"
                  disabled={index === steps.length - 1}
                  aria-label={`Move step ${number} down`}
                  onClick={() => onChange(moveItem(steps, index, 1))}
                >
                  Down
                </Button>
                <Button
                  size="small"
                  disabled={steps.length === 1}
                  aria-label={`Remove step ${number}`}
                  onClick={() => onChange(steps.filter((_, at) => at !== index))}
                >
                  Remove
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        className={styles.add}
        disabled={steps.length >= 20}
        onClick={() => onChange([...steps, emptyStep])}
      >
        Add a step
      </Button>
    </fieldset>
  );
}
StepsEditor.displayName = 'StepsEditor';
