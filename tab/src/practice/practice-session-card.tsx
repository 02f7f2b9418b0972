import { Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { PracticeSessionView } from '../../../src/contracts/practice.js';
import { snippet } from '../library/prompt-text.js';
import { attendeesText, capturedText } from './practice-week.js';
import { usePracticeStyles } from './practice.styles.js';

export interface PracticeSessionCardProps {
  readonly session: PracticeSessionView;
  /** The session's job family by name; the view names it when the server knows it. */
  readonly jobFamilyName: string;
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** One practice session: when, which job family, the scenario, who started it, who came. */
export function PracticeSessionCard({
  session,
  jobFamilyName,
}: PracticeSessionCardProps): JSX.Element {
  const styles = usePracticeStyles();
  const titleId = `practice-session-${session.id}`;
  return (
    <article aria-labelledby={titleId} className={styles.card}>
      <Text as="h4" id={titleId} size={400} weight="semibold" className={styles.heading}>
        {jobFamilyName} · {dayFormat.format(new Date(session.startedAt))}
      </Text>
      <Text as="p" className={styles.text}>
        {snippet(session.scenario, 240)}
      </Text>
      <div className={styles.facts}>
        <Text>Started by {session.startedByName ?? session.startedBy}</Text>
        <Text>{attendeesText(session.attendeeCount)}</Text>
        <Text>{capturedText(session.capturedPromptIds.length)}</Text>
        {session.promptTitle ? <Text>Prompt: {session.promptTitle}</Text> : null}
      </div>
    </article>
  );
}
PracticeSessionCard.displayName = 'PracticeSessionCard';
