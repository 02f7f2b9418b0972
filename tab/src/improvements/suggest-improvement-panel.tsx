import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Text,
  Textarea,
  useId,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import { improvementViewSchema, type ImprovementView } from '../../../src/contracts/feedback.js';
import type { ApiClient } from '../api/api-client.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { SidePanel } from '../common/side-panel.js';
import { useFormSubmission } from '../common/use-form-submission.js';
import { fieldErrorsFromProblem } from '../flags/resolution-draft.js';
import type { LibraryOptions } from '../library/library-options.js';
import { taskOptionGroups } from '../library/task-option-groups.js';
import {
  checkSuggestion,
  emptySuggestionDraft,
  type SuggestionDraft,
} from './improvement-draft.js';
import { improvementsPath } from './improvement-format.js';
import { useImprovementsStyles } from './improvements.styles.js';

const noTask = 'No particular task';

export interface SuggestImprovementPanelProps {
  readonly client: ApiClient;
  /** The mapped tasks a suggestion may be about, grouped by department. */
  readonly options: LibraryOptions;
  readonly onClose: () => void;
  readonly onSuggested: (improvement: ImprovementView) => void;
}

/** A small form anyone fills in to suggest how a piece of work could be done better. */
export function SuggestImprovementPanel({
  client,
  options,
  onClose,
  onSuggested,
}: SuggestImprovementPanelProps): JSX.Element {
  const styles = useImprovementsStyles();
  const controls = useFormControlStyles();
  const titleId = useId('suggest-title');
  const [draft, setDraft] = useState<SuggestionDraft>(emptySuggestionDraft);
  const { errors, problem, busy, handleSubmit } = useFormSubmission(fieldErrorsFromProblem);
  const set = (change: Partial<SuggestionDraft>): void => setDraft({ ...draft, ...change });

  const send = handleSubmit(() => {
    const check = checkSuggestion(draft);
    if (!check.ok) return { errors: check.errors };
    return {
      send: () => client.send('POST', improvementsPath, check.request, improvementViewSchema),
      onSent: (created) => onSuggested(created.value),
    };
  });

  const taskName = options.tasks.find((task) => task.id === draft.taskId)?.name;
  return (
    <SidePanel
      titleId={titleId}
      title="Suggest an improvement"
      intro={
        <Text>
          How could a piece of work go better, with or without AI? The AI champions read every
          suggestion, and the best ones go to the vendor.
        </Text>
      }
      onClose={onClose}
    >
      <form className={styles.form} onSubmit={send} aria-labelledby={titleId} noValidate>
        <Field label="Title" required validationMessage={errors['title'] ?? null}>
          <Input value={draft.title} onChange={(_, data) => set({ title: data.value })} />
        </Field>
        <Field
          label="What would change"
          hint="What happens now, and what would be better"
          validationMessage={errors['detail'] ?? null}
        >
          <Textarea
            value={draft.detail}
            onChange={(_, data) => set({ detail: data.value })}
            resize="vertical"
            rows={5}
          />
        </Field>
        <Field label="Workflow task" validationMessage={errors['taskId'] ?? null}>
          <Dropdown
            className={controls.fill}
            placeholder={options.ready ? noTask : 'Loading tasks…'}
            value={taskName ?? noTask}
            selectedOptions={[draft.taskId]}
            onOptionSelect={(_, data) => set({ taskId: data.optionValue ?? '' })}
          >
            <Option value="">{noTask}</Option>
            {taskOptionGroups(options.taskGroups)}
          </Dropdown>
        </Field>
        {problem ? <ProblemMessageBar problem={problem} /> : null}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={busy}>
            Send the suggestion
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </SidePanel>
  );
}
SuggestImprovementPanel.displayName = 'SuggestImprovementPanel';
