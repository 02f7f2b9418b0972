import {
  Button,
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  Option,
  SearchBox,
  Text,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { promptStatusSchema, type PromptStatus } from '../../../src/contracts/prompts.js';
import { useFilterBarStyles } from './filter-bar.styles.js';
import { defaultLibraryFilters, isFiltered, type LibraryFilters } from './library-filters.js';
import { optionName, type LibraryOptions } from './library-options.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { taskOptionGroups } from './task-option-groups.js';

const statusChoices: readonly { readonly value: PromptStatus; readonly label: string }[] = [
  { value: 'published', label: 'Published' },
  { value: 'draft', label: 'Drafts' },
  { value: 'in-review', label: 'In review' },
  { value: 'retired', label: 'Retired' },
];

const anyJobFamily = 'Any job family';
const anyTask = 'Any workflow task';

export interface FilterBarProps {
  readonly filters: LibraryFilters;
  readonly onChange: (filters: LibraryFilters) => void;
  readonly options: LibraryOptions;
  /** Tags seen in the current results, offered in the tag box. */
  readonly tagSuggestions: readonly string[];
}

/** The library search: text, job family, workflow task, tag, status and "only mine". */
export function FilterBar({
  filters,
  onChange,
  options,
  tagSuggestions,
}: FilterBarProps): JSX.Element {
  const styles = useFilterBarStyles();
  const controls = useFormControlStyles();
  const set = (change: Partial<LibraryFilters>): void => onChange({ ...filters, ...change });
  const jobFamilyName = optionName(options, 'jobFamilies', filters.jobFamily);
  const taskName = optionName(options, 'tasks', filters.task);
  const statusLabel = statusChoices.find((choice) => choice.value === filters.status)?.label;

  return (
    <form
      role="search"
      aria-label="Search the prompt library"
      className={styles.root}
      onSubmit={(event) => event.preventDefault()}
    >
      <Field label="Search prompts" className={styles.search}>
        <SearchBox
          className={controls.fill}
          value={filters.q}
          placeholder="Words from the title or text, e.g. proposal"
          onChange={(_, data) => set({ q: data.value })}
        />
      </Field>
      <Field label="Job family" className={styles.control}>
        <Dropdown
          className={controls.fill}
          value={filters.jobFamily === '' ? anyJobFamily : jobFamilyName}
          selectedOptions={[filters.jobFamily]}
          onOptionSelect={(_, data) => set({ jobFamily: data.optionValue ?? '' })}
        >
          <Option value="">{anyJobFamily}</Option>
          {options.jobFamilies.map((family) => (
            <Option key={family.id} value={family.id}>
              {family.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Workflow task" className={styles.control}>
        <Dropdown
          className={controls.fill}
          value={filters.task === '' ? anyTask : taskName}
          selectedOptions={[filters.task]}
          onOptionSelect={(_, data) => set({ task: data.optionValue ?? '' })}
        >
          <Option value="">{anyTask}</Option>
          {taskOptionGroups(options.taskGroups)}
        </Dropdown>
      </Field>
      <Field label="Tag" className={styles.control}>
        <Combobox
          className={controls.fill}
          input={{ className: controls.fillInput }}
          freeform
          value={filters.tag}
          placeholder="Any tag"
          selectedOptions={filters.tag === '' ? [] : [filters.tag]}
          onChange={(event) => set({ tag: event.target.value })}
          onOptionSelect={(_, data) => set({ tag: data.optionValue ?? '' })}
        >
          {tagSuggestions.map((tag) => (
            <Option key={tag} value={tag}>
              {tag}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Field label="Status" className={styles.control}>
        <Dropdown
          className={controls.fill}
          value={statusLabel ?? filters.status}
          selectedOptions={[filters.status]}
          onOptionSelect={(_, data) => {
            const status = promptStatusSchema.safeParse(data.optionValue);
            if (status.success) set({ status: status.data });
          }}
        >
          {statusChoices.map((choice) => (
            <Option key={choice.value} value={choice.value}>
              {choice.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.footer}>
        <Checkbox
          label="Only prompts I own"
          checked={filters.mine}
          onChange={(_, data) => set({ mine: data.checked === true })}
        />
        {isFiltered(filters) ? (
          <Button appearance="secondary" onClick={() => onChange(defaultLibraryFilters)}>
            Clear filters
          </Button>
        ) : (
          <Text size={200}>
            Showing published prompts. Drafts and retired ones are under Status.
          </Text>
        )}
      </div>
    </form>
  );
}
FilterBar.displayName = 'FilterBar';
