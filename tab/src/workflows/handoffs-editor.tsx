import { Button, Field, Input, mergeClasses, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { FieldErrors } from '../common/field-errors.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { useRowEditorStyles } from './row-editor.styles.js';
import { emptyHandoff, type HandoffDraft } from './workflow-draft.js';

export interface HandoffsEditorProps {
  readonly handoffs: readonly HandoffDraft[];
  readonly onChange: (handoffs: HandoffDraft[]) => void;
  readonly errors: FieldErrors;
}

/** Where the work passes from one role to another, and what is handed over. */
export function HandoffsEditor({ handoffs, onChange, errors }: HandoffsEditorProps): JSX.Element {
  const styles = useRowEditorStyles();
  const controls = useFormControlStyles();
  const update = (index: number, change: Partial<HandoffDraft>): void =>
    onChange(handoffs.map((handoff, at) => (at === index ? { ...handoff, ...change } : handoff)));
  const errorOf = (index: number, field: keyof HandoffDraft): string | null =>
    errors[`handoffs.${index}.${field}`] ?? null;
  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>Handoffs</legend>
      <Text size={200} className={styles.hint}>
        Each time the work passes to someone else: from whom, to whom, and what.
      </Text>
      {handoffs.length > 0 ? (
        <ul className={styles.list}>
          {handoffs.map((handoff, index) => {
            const number = index + 1;
            return (
              <li key={index} className={mergeClasses(styles.row, styles.evenRow)}>
                <Field
                  className={styles.field}
                  label={`Handoff ${number} from`}
                  validationMessage={errorOf(index, 'fromRole')}
                >
                  <Input
                    className={controls.fill}
                    value={handoff.fromRole}
                    maxLength={80}
                    onChange={(_, data) => update(index, { fromRole: data.value })}
                  />
                </Field>
                <Field
                  className={styles.field}
                  label={`Handoff ${number} to`}
                  validationMessage={errorOf(index, 'toRole')}
                >
                  <Input
                    className={controls.fill}
                    value={handoff.toRole}
                    maxLength={80}
                    onChange={(_, data) => update(index, { toRole: data.value })}
                  />
                </Field>
                <Field
                  className={styles.wide}
                  label={`What is handed over in handoff ${number}`}
                  validationMessage={errorOf(index, 'what')}
                >
                  <Input
                    className={controls.fill}
                    value={handoff.what}
                    maxLength={200}
                    onChange={(_, data) => update(index, { what: data.value })}
                  />
                </Field>
                <div className={styles.rowActions}>
                  <Button
                    size="small"
                    aria-label={`Remove handoff ${number}`}
                    onClick={() => onChange(handoffs.filter((_, at) => at !== index))}
                  >
                    Remove
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      <Button
        className={styles.add}
        disabled={handoffs.length >= 20}
        onClick={() => onChange([...handoffs, emptyHandoff])}
      >
        Add a handoff
      </Button>
    </fieldset>
  );
}
HandoffsEditor.displayName = 'HandoffsEditor';
