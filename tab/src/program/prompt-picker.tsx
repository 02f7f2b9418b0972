import { Combobox, Field, Option } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { useDebouncedValue } from '../common/use-debounced-value.js';
import { usePromptSearch, usePromptTitle, type PromptChoice } from './use-prompt-search.js';

const typingPauseMs = 250;
const noPrompt = 'No prompt';

export interface PromptPickerProps {
  readonly client: ApiClient;
  /** The chosen prompt's id; empty for none. */
  readonly promptId: string;
  readonly onChange: (promptId: string) => void;
  readonly validationMessage: string | undefined;
}

/** Finds a published library prompt by typing words from its title or text. */
export function PromptPicker({
  client,
  promptId,
  onChange,
  validationMessage,
}: PromptPickerProps): JSX.Element {
  const controls = useFormControlStyles();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | undefined>(undefined);
  const searched = useDebouncedValue(query ?? '', typingPauseMs);
  const search = usePromptSearch(client, searched, open);
  // Choices seen in earlier answers keep their titles once a newer search replaces the list.
  const [picked, setPicked] = useState<PromptChoice | undefined>(undefined);
  const known = picked ? [picked, ...search.prompts] : search.prompts;
  const title = usePromptTitle(client, promptId, known);
  const shown = promptId === '' ? noPrompt : (title ?? '');

  const emptyText = search.pending ? 'Searching…' : 'No published prompt matches';
  return (
    <Field
      label="Prompt to try"
      hint="A published prompt from the library; type words from its title"
      validationState={validationMessage || search.problem ? 'error' : 'none'}
      validationMessage={validationMessage ?? search.problem?.title ?? null}
    >
      <Combobox
        className={controls.fill}
        input={{ className: controls.fillInput }}
        open={open}
        value={query ?? shown}
        selectedOptions={[promptId]}
        onOpenChange={(_, data) => {
          setOpen(data.open);
          if (!data.open) setQuery(undefined);
        }}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_, data) => {
          // Typing text that matches no option clears the selection; the chosen prompt stays.
          if (data.optionValue === undefined) return;
          const id = data.optionValue;
          const choice = search.prompts.find((prompt) => prompt.id === id);
          if (choice) setPicked(choice);
          onChange(id);
          setQuery(undefined);
        }}
      >
        <Option value="" text={noPrompt}>
          {noPrompt}
        </Option>
        {search.prompts.map((prompt) => (
          <Option key={prompt.id} value={prompt.id} text={prompt.title}>
            {prompt.title}
          </Option>
        ))}
        {search.prompts.length === 0 && !search.problem ? (
          <Option disabled value="-none-" text={emptyText}>
            {emptyText}
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
PromptPicker.displayName = 'PromptPicker';
