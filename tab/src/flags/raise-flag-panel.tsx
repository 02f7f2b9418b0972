import { Button, Dropdown, Field, Option, Text, Textarea, useId } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import {
  createFlagRequestSchema,
  flagCategorySchema,
  flagViewSchema,
  type FlagCategory,
  type FlagView,
} from '../../../src/contracts/feedback.js';
import type { ApiClient } from '../api/api-client.js';
import { fieldMessage } from '../common/field-message.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { SidePanel } from '../common/side-panel.js';
import { useFormSubmission } from '../common/use-form-submission.js';
import { categoryLabels } from './flag-format.js';
import { useFlagsStyles } from './flags.styles.js';
import { fieldErrorsFromProblem } from './resolution-draft.js';

export interface RaiseFlagPanelProps {
  readonly client: ApiClient;
  readonly onClose: () => void;
  readonly onRaised: (flag: FlagView) => void;
}

/** A small form to flag AI output seen anywhere: what was wrong with it, and what was expected. */
export function RaiseFlagPanel({ client, onClose, onRaised }: RaiseFlagPanelProps): JSX.Element {
  const styles = useFlagsStyles();
  const controls = useFormControlStyles();
  const titleId = useId('raise-flag-title');
  const [category, setCategory] = useState<FlagCategory>('wrong');
  const [expected, setExpected] = useState('');
  const [outputText, setOutputText] = useState('');
  const { errors, problem, busy, handleSubmit } = useFormSubmission(fieldErrorsFromProblem);

  const send = handleSubmit(() => {
    const parsed = createFlagRequestSchema.safeParse({ category, expected, outputText });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[issue.path.join('.')] ??= fieldMessage(issue);
      return { errors: found };
    }
    return {
      send: () => client.send('POST', '/api/flags', parsed.data, flagViewSchema),
      onSent: (created) => onRaised(created.value),
    };
  });

  return (
    <SidePanel
      titleId={titleId}
      title="Flag AI output"
      intro={
        <Text>
          Tell the AI champions about output that was wrong, biased or unhelpful. Only you, its
          reviewer and the champions see your flag.
        </Text>
      }
      onClose={onClose}
    >
      <form className={styles.form} onSubmit={send} aria-labelledby={titleId} noValidate>
        <Field label="Category" required validationMessage={errors['category'] ?? null}>
          <Dropdown
            className={controls.fill}
            value={categoryLabels[category]}
            selectedOptions={[category]}
            onOptionSelect={(_, data) => {
              const parsed = flagCategorySchema.safeParse(data.optionValue);
              if (parsed.success) setCategory(parsed.data);
            }}
          >
            {flagCategorySchema.options.map((value) => (
              <Option key={value} value={value}>
                {categoryLabels[value]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="What you expected" required validationMessage={errors['expected'] ?? null}>
          <Textarea
            value={expected}
            onChange={(_, data) => setExpected(data.value)}
            resize="vertical"
          />
        </Field>
        <Field label="The AI output" validationMessage={errors['outputText'] ?? null}>
          <Textarea
            value={outputText}
            onChange={(_, data) => setOutputText(data.value)}
            resize="vertical"
            rows={5}
          />
        </Field>
        {problem ? <ProblemMessageBar problem={problem} /> : null}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={busy}>
            Send the flag
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </SidePanel>
  );
}
RaiseFlagPanel.displayName = 'RaiseFlagPanel';
