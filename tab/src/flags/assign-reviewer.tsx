import { Button, Combobox, Field, Option, Text, useId } from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useState } from 'react';
import { flagViewSchema, type FlagView } from '../../../src/contracts/feedback.js';
import type { PersonSummary } from '../../../src/contracts/people.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useDebouncedValue } from '../common/use-debounced-value.js';
import { useFlagsStyles } from './flags.styles.js';
import { usePeopleSearch } from './use-people-search.js';

const typingPauseMs = 250;

export interface AssignReviewerProps {
  readonly client: ApiClient;
  readonly flag: FlagView;
  readonly onAssigned: (flag: FlagView) => void;
}

/** Names who reviews a flag: a champion searches the roster and assigns someone. */
export function AssignReviewer({ client, flag, onAssigned }: AssignReviewerProps): JSX.Element {
  const styles = useFlagsStyles();
  const controls = useFormControlStyles();
  const titleId = useId('assign-title');
  const [open, setOpen] = useState(false);
  // What is typed; undefined shows the chosen person's name instead.
  const [query, setQuery] = useState<string | undefined>(undefined);
  const searched = useDebouncedValue(query ?? '', typingPauseMs);
  const search = usePeopleSearch(client, searched, open);
  const [chosen, setChosen] = useState<PersonSummary | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const send = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy) return;
    if (chosen === undefined) {
      setError('Choose someone from the list');
      return;
    }
    setError(undefined);
    setProblem(undefined);
    setBusy(true);
    const path = `/api/flags/${encodeURIComponent(flag.id)}/assign`;
    client.send('POST', path, { reviewerId: chosen.id }, flagViewSchema).then(
      (assigned) => {
        setBusy(false);
        setChosen(undefined);
        onAssigned(assigned.value);
      },
      (failure: unknown) => {
        setBusy(false);
        setProblem(toProblem(failure));
      },
    );
  };

  const emptyText = search.pending ? 'Searching…' : 'No one on the roster matches';
  const message = error ?? search.problem?.title;
  return (
    <form className={styles.form} onSubmit={send} aria-labelledby={titleId} noValidate>
      <Text as="h3" id={titleId} size={400} weight="semibold">
        Reviewer
      </Text>
      <Text className={styles.muted}>
        {flag.reviewerName
          ? `${flag.reviewerName} reviews this flag.`
          : 'No one reviews this flag yet.'}
      </Text>
      <Field
        label="Assign to"
        hint="Search the roster by name or email"
        validationState={message === undefined ? 'none' : 'error'}
        validationMessage={message ?? null}
      >
        <Combobox
          className={controls.fill}
          input={{ className: controls.fillInput }}
          listbox={{ className: styles.listbox }}
          placeholder="Search by name or email"
          open={open}
          value={query ?? chosen?.displayName ?? ''}
          selectedOptions={chosen === undefined ? [] : [chosen.id]}
          onOpenChange={(_, data) => {
            setOpen(data.open);
            if (!data.open) setQuery(undefined);
          }}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onOptionSelect={(_, data) => {
            // Typing text that matches no option clears the selection; the chosen person stays.
            const person = search.people.find((candidate) => candidate.id === data.optionValue);
            if (person === undefined) return;
            setChosen(person);
            setError(undefined);
            setQuery(undefined);
          }}
        >
          {search.people.map((person) => (
            <Option key={person.id} value={person.id} text={person.displayName}>
              <div className={styles.person}>
                <Text weight="semibold">{person.displayName}</Text>
                <Text size={200} className={styles.muted}>
                  {person.upn}
                </Text>
              </div>
            </Option>
          ))}
          {search.people.length === 0 && !search.problem ? (
            <Option disabled value="-none-" text={emptyText}>
              {emptyText}
            </Option>
          ) : null}
        </Combobox>
      </Field>
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      <div className={styles.actions}>
        <Button type="submit" disabledFocusable={busy}>
          Assign
        </Button>
      </div>
    </form>
  );
}
AssignReviewer.displayName = 'AssignReviewer';
