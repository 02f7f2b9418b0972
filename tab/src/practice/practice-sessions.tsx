import { Button, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import type { PracticeSessionView } from '../../../src/contracts/practice.js';
import { PracticeSessionCard } from './practice-session-card.js';
import { usePracticeStyles } from './practice.styles.js';

export interface PracticeSessionsProps {
  /** The heading's id and text. */
  readonly id: string;
  readonly title: string;
  readonly sessions: readonly PracticeSessionView[];
  readonly emptyText: string;
  readonly jobFamilyName: (session: PracticeSessionView) => string;
}

// Earlier weeks pile up; the first screenful is what people look at.
const pageSize = 12;

/** A titled list of sessions, a screenful at a time. */
export function PracticeSessions({
  id,
  title,
  sessions,
  emptyText,
  jobFamilyName,
}: PracticeSessionsProps): JSX.Element {
  const styles = usePracticeStyles();
  const [shown, setShown] = useState(pageSize);
  return (
    <section aria-labelledby={id} className={styles.section}>
      <Text as="h3" id={id} size={500} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      {sessions.length === 0 ? (
        <Text className={styles.empty}>{emptyText}</Text>
      ) : (
        <ul aria-labelledby={id} className={styles.list}>
          {sessions.slice(0, shown).map((session) => (
            <li key={session.id}>
              <PracticeSessionCard session={session} jobFamilyName={jobFamilyName(session)} />
            </li>
          ))}
        </ul>
      )}
      {sessions.length > shown ? (
        <div className={styles.actions}>
          <Button onClick={() => setShown((count) => count + pageSize)}>
            Show {Math.min(pageSize, sessions.length - shown)} more
          </Button>
        </div>
      ) : null}
    </section>
  );
}
PracticeSessions.displayName = 'PracticeSessions';
