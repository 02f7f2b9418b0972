import { mergeClasses, Spinner, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { practiceSessionListSchema } from '../../../src/contracts/practice.js';
import type { ApiClient } from '../api/api-client.js';
import { useLiveQuery } from '../api/use-live-query.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import type { HostConversation } from './host-conversation.js';
import { PhaseTimerPanel } from './phase-timer-panel.js';
import { attendeesText, currentPractice, isoWeekOf } from './practice-week.js';
import { usePracticeStyles } from './practice.styles.js';

/** How often the attendee count is read again while the panel is visible. */
export const attendeeRefreshMs = 15_000;

export function conversationSessionsPath(conversationId: string): string {
  return `/api/practice-sessions?conversationId=${encodeURIComponent(conversationId)}`;
}

export interface MeetingPracticeProps {
  readonly client: ApiClient;
  readonly conversation: HostConversation;
  readonly now: Date;
}

/** The practice under way in this meeting (or chat): its scenario, a phase timer, who joined in. */
export function MeetingPractice({ client, conversation, now }: MeetingPracticeProps): JSX.Element {
  const styles = usePracticeStyles();
  const sessions = useLiveQuery(
    client,
    conversationSessionsPath(conversation.chatId),
    practiceSessionListSchema,
    attendeeRefreshMs,
  );
  const session = sessions.data ? currentPractice(sessions.data.items, isoWeekOf(now)) : undefined;
  const where = conversation.inMeeting ? 'meeting' : 'chat';
  const title = `This ${where}’s practice`;
  return (
    <section
      aria-labelledby="meeting-practice-title"
      className={mergeClasses(styles.card, styles.highlight)}
    >
      <Text
        as="h3"
        id="meeting-practice-title"
        size={500}
        weight="semibold"
        className={styles.heading}
      >
        {title}
      </Text>
      {sessions.problem ? (
        <ProblemMessageBar problem={sessions.problem} onRetry={sessions.refresh} />
      ) : null}
      {!sessions.data && !sessions.problem ? (
        <Spinner size="small" label="Looking for this week’s practice" />
      ) : null}
      {sessions.data && !session ? (
        <Text as="p" className={styles.text}>
          No practice in this {where} this week yet. To start one, type{' '}
          <code className={styles.code}>@Lastmile practice</code> in the {where} chat: the bot posts
          the session card with this week’s scenario, and it shows here too.
        </Text>
      ) : null}
      {session ? (
        <>
          <Text className={styles.muted}>
            {session.jobFamilyName ?? session.jobFamilyId} · started by{' '}
            {session.startedByName ?? session.startedBy}
          </Text>
          <Text as="p" className={styles.text}>
            {session.scenario}
          </Text>
          {session.promptTitle ? (
            <Text as="p" className={styles.text}>
              <Text weight="semibold">Prompt to try: </Text>
              {session.promptTitle}
            </Text>
          ) : null}
          <Text role="status" weight="semibold">
            {attendeesText(session.attendeeCount)}
          </Text>
          <PhaseTimerPanel />
        </>
      ) : null}
    </section>
  );
}
MeetingPractice.displayName = 'MeetingPractice';
