import { Checkbox, Field, Input, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { PromptVariable } from '../../../src/contracts/prompts.js';
import type { FieldErrors } from '../common/field-errors.js';
import { useVariableFieldsStyles } from './variable-fields.styles.js';

export interface VariableFieldsProps {
  readonly variables: readonly PromptVariable[];
  readonly onChange: (variables: PromptVariable[]) => void;
  readonly errors: FieldErrors;
}

/**
 * The variables found in the text, each with what people filling it in should know. The names
 * come from the text's `{{placeholders}}`, so they are edited there, not here.
 */
export function VariableFields({ variables, onChange, errors }: VariableFieldsProps): JSX.Element {
  const styles = useVariableFieldsStyles();
  if (variables.length === 0) {
    return (
      <Text className={styles.empty}>
        No variables yet. Write {'{{client_name}}'} in the text where people should fill something
        in.
      </Text>
    );
  }
  const update = (index: number, change: Partial<PromptVariable>): void =>
    onChange(
      variables.map((variable, at) => (at === index ? { ...variable, ...change } : variable)),
    );
  const errorOf = (index: number, field: string): string | undefined =>
    errors[`variables.${index}.${field}`];

  return (
    <ul className={styles.list}>
      {variables.map((variable, index) => (
        <li key={variable.name}>
          <fieldset className={styles.variable}>
            <legend className={styles.legend}>{`{{${variable.name}}}`}</legend>
            <Field
              label={`What to fill in for ${variable.name}`}
              validationMessage={errorOf(index, 'description') ?? null}
            >
              <Input
                value={variable.description}
                placeholder="e.g. The client's company name"
                onChange={(_, data) => update(index, { description: data.value })}
              />
            </Field>
            <Field
              label={`Default for ${variable.name}`}
              validationMessage={errorOf(index, 'default') ?? null}
            >
              <Input
                value={variable.default ?? ''}
                onChange={(_, data) => update(index, { default: data.value })}
              />
            </Field>
            <Checkbox
              label={`${variable.name} is required`}
              checked={variable.required}
              onChange={(_, data) => update(index, { required: data.checked === true })}
            />
          </fieldset>
        </li>
      ))}
    </ul>
  );
}
VariableFields.displayName = 'VariableFields';
