import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  Textarea,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import type { FieldErrors } from '../common/field-errors.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { useRowEditorStyles } from '../workflows/row-editor.styles.js';
import { useCheckQuestionEditorStyles } from './check-question-editor.styles.js';
import {
  emptyOption,
  maxOptions,
  minOptions,
  optionLetter,
  withoutOption,
  type LessonDraft,
  type OptionDraft,
} from './lesson-draft.js';

export interface CheckQuestionEditorProps {
  readonly draft: LessonDraft;
  readonly onChange: (draft: LessonDraft) => void;
  readonly errors: FieldErrors;
}

/** The lesson's one check question: 2 to 5 answers, each with feedback, one of them correct. */
export function CheckQuestionEditor({
  draft,
  onChange,
  errors,
}: CheckQuestionEditorProps): JSX.Element {
  const styles = useCheckQuestionEditorStyles();
  const rows = useRowEditorStyles();
  const controls = useFormControlStyles();
  const update = (index: number, change: Partial<OptionDraft>): void =>
    onChange({
      ...draft,
      options: draft.options.map((option, at) =>
        at === index ? { ...option, ...change } : option,
      ),
    });
  const optionsError = errors['check.options'];
  return (
    <fieldset className={rows.root}>
      <legend className={rows.legend}>Check question</legend>
      <Field label="Question" required validationMessage={errors['check.question'] ?? null}>
        <Textarea
          value={draft.question}
          maxLength={300}
          resize="vertical"
          onChange={(_, data) => onChange({ ...draft, question: data.value })}
        />
      </Field>
      {optionsError ? <Text className={styles.error}>{optionsError}</Text> : null}
      <ol className={rows.list}>
        {draft.options.map((option, index) => {
          const letter = optionLetter(index);
          return (
            <li key={index} className={rows.row}>
              <Field
                className={rows.wide}
                label={`Answer ${letter}`}
                required
                validationMessage={errors[`check.options.${index}.text`] ?? null}
              >
                <Input
                  className={controls.fill}
                  value={option.text}
                  maxLength={200}
                  onChange={(_, data) => update(index, { text: data.value })}
                />
              </Field>
              <Field
                className={rows.wide}
                label={`Feedback for answer ${letter}`}
                hint="What the person reads after choosing it: why it is right or not"
                required
                validationMessage={errors[`check.options.${index}.feedback`] ?? null}
              >
                <Textarea
                  className={controls.fill}
                  value={option.feedback}
                  maxLength={400}
                  rows={2}
                  resize="vertical"
                  onChange={(_, data) => update(index, { feedback: data.value })}
                />
              </Field>
              <div className={rows.rowActions}>
                <Button
                  size="small"
                  disabled={draft.options.length <= minOptions}
                  aria-label={`Remove answer ${letter}`}
                  onClick={() => onChange(withoutOption(draft, index))}
                >
                  Remove
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        className={rows.add}
        disabled={draft.options.length >= maxOptions}
        onClick={() => onChange({ ...draft, options: [...draft.options, emptyOption] })}
      >
        Add an answer
      </Button>
      <Field label="Correct answer" required>
        <RadioGroup
          value={String(draft.correctIndex)}
          onChange={(_, data) => onChange({ ...draft, correctIndex: Number(data.value) })}
        >
          {draft.options.map((option, index) => (
            <Radio
              key={index}
              value={String(index)}
              label={`Answer ${optionLetter(index)}${option.text.trim() ? `: ${option.text.trim()}` : ''}`}
            />
          ))}
        </RadioGroup>
      </Field>
    </fieldset>
  );
}
CheckQuestionEditor.displayName = 'CheckQuestionEditor';
