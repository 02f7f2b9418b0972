import type { JSX } from 'react';
import { useState } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import {
  practiceSessionListSchema,
  type PracticeSessionView,
} from '../../../src/contracts/practice.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery, type ApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { PageHeading } from '../pages/page-heading.js';
import { useHostConversation } from './host-conversation.js';
import { MeetingPractice } from './meeting-practice.js';
import { PracticeGuide } from './practice-guide.js';
import { PracticeSessions } from './practice-sessions.js';
import { isoWeekOf, sessionsByWeek } from './practice-week.js';
import { usePracticeStyles } from './practice.styles.js';
import { WeekScenario } from './week-scenario.js';

export interface PracticePageProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly program: ApiQuery<ProgramOverview>;
}

/**
 * The weekly 20-minute practice: in a meeting, that meeting's session first; everywhere, how to
 * run one, this week's scenario for the caller's job family, and the sessions teams have run.
 */
export function PracticePage({ client, me, program }: PracticePageProps): JSX.Element {
  const styles = usePracticeStyles();
  const conversation = useHostConversation();
  // "This week" is fixed when the page opens, so a page left open over midnight stays consistent.
  const [now] = useState(() => new Date());
  const sessions = useApiQuery(client, '/api/practice-sessions', practiceSessionListSchema);
  const families = program.state.status === 'success' ? program.state.data.jobFamilies : [];
  const familyName = (session: PracticeSessionView): string =>
    session.jobFamilyName ??
    families.find((family) => family.id === session.jobFamilyId)?.name ??
    session.jobFamilyId;
  const byWeek =
    sessions.state.status === 'success'
      ? sessionsByWeek(sessions.state.data.items, isoWeekOf(now))
      : undefined;

  return (
    <section aria-labelledby="practice-title" className={styles.root}>
      <PageHeading
        id="practice-title"
        title="Weekly practice"
        description="Twenty minutes a week inside a meeting the team already has: try this week’s prompt, share what worked, and capture the prompts worth keeping."
      />
      {conversation ? (
        <MeetingPractice client={client} conversation={conversation} now={now} />
      ) : null}
      <WeekScenario client={client} me={me} program={program} now={now} />
      <PracticeGuide />
      {sessions.state.status === 'loading' ? (
        <LoadingState label="Loading practice sessions" />
      ) : null}
      {sessions.state.status === 'error' ? (
        <ProblemMessageBar problem={sessions.state.problem} onRetry={sessions.retry} />
      ) : null}
      {byWeek ? (
        <>
          <PracticeSessions
            id="practice-this-week"
            title="This week’s sessions"
            sessions={byWeek.thisWeek}
            emptyText="No team has run practice this week yet."
            jobFamilyName={familyName}
          />
          <PracticeSessions
            id="practice-earlier"
            title="Earlier sessions"
            sessions={byWeek.earlier}
            emptyText="No earlier sessions: practice starts when a lead types @Lastmile practice in a meeting chat."
            jobFamilyName={familyName}
          />
        </>
      ) : null}
    </section>
  );
}
PracticePage.displayName = 'PracticePage';
