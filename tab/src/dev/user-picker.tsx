import { Combobox, Field, Option, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { roleLabel } from '../shell/role-labels.js';
import { useRosterSearch } from './use-roster-search.js';
import { useUserPickerStyles } from './user-picker.styles.js';

export interface UserPickerProps {
  readonly client: ApiClient;
  readonly selectedUpn: string;
  readonly onSelect: (upn: string) => void;
}

/** Picks which demo person the tab acts as, searching the roster as you type. */
export function UserPicker({ client, selectedUpn, onSelect }: UserPickerProps): JSX.Element {
  const styles = useUserPickerStyles();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(selectedUpn);
  const [query, setQuery] = useState('');
  const search = useRosterSearch(client, query, open);

  useEffect(() => setText(selectedUpn), [selectedUpn]);

  const emptyText = search.pending ? 'Searching…' : `No one matches “${query.trim()}”`;
  return (
    <Field
      label="View as"
      className={styles.field}
      validationState={search.problem ? 'error' : 'none'}
      validationMessage={search.problem ? search.problem.title : null}
    >
      <Combobox
        className={styles.combobox}
        listbox={{ className: styles.listbox }}
        placeholder="Search by name or email"
        open={open}
        value={text}
        selectedOptions={[selectedUpn]}
        onOpenChange={(_, data) => {
          setOpen(data.open);
          if (!data.open) {
            setText(selectedUpn);
            setQuery('');
          }
        }}
        onChange={(event) => {
          setText(event.target.value);
          setQuery(event.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_, data) => {
          if (!data.optionValue) return;
          setText(data.optionValue);
          onSelect(data.optionValue);
        }}
      >
        {search.people.map((person) => (
          <Option key={person.id} value={person.upn} text={person.upn}>
            <div className={styles.option}>
              <Text weight="semibold">{person.displayName}</Text>
              <Text size={200} className={styles.secondary}>
                {person.upn} · {roleLabel(person.role)}
              </Text>
            </div>
          </Option>
        ))}
        {search.people.length === 0 && !search.problem ? (
          <Option disabled value="" text={emptyText}>
            {emptyText}
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
UserPicker.displayName = 'UserPicker';
