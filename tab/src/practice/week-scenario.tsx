import { Text } from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';
import {
  learningProgressSchema,
  lessonListSchema,
  programWeeks,
} from '../../../src/contracts/lessons.js';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery, type ApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { myLearningPath } from '../learning/learning-setup.js';
import { formatIsoDate } from '../pages/format.js';
import { lessonsPath } from '../program/lesson-requests.js';
import { lessonOfWeek, programWeekOf } from './practice-week.js';
import { usePracticeStyles } from './practice.styles.js';

export interface WeekScenarioProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly program: ApiQuery<ProgramOverview>;
  /** The moment "this week" is counted from. */
  readonly now: Date;
}

function Frame({ children }: { readonly children: ReactNode }): JSX.Element {
  const styles = usePracticeStyles();
  return (
    <section aria-labelledby="week-scenario-title" className={styles.card}>
      <Text
        as="h3"
        id="week-scenario-title"
        size={500}
        weight="semibold"
        className={styles.heading}
      >
        This week’s scenario for your job family
      </Text>
      {children}
    </section>
  );
}

/** The scenario a team in the caller's job family practises this program week. */
export function WeekScenario({ client, me, program, now }: WeekScenarioProps): JSX.Element {
  const styles = usePracticeStyles();
  // The job family a person chose for their lessons wins over the roster's.
  const learning = useApiQuery(client, myLearningPath, learningProgressSchema);
  if (program.state.status === 'loading' || learning.state.status === 'loading') {
    return <LoadingState label="Loading the program" />;
  }
  if (program.state.status === 'error') {
    return <ProblemMessageBar problem={program.state.problem} onRetry={program.retry} />;
  }
  const overview = program.state.data;
  const chosen =
    learning.state.status === 'success' ? learning.state.data.profile?.jobFamilyId : undefined;
  const family = overview.jobFamilies.find((item) => item.id === (chosen ?? me.jobFamily));
  if (!family) {
    return (
      <Frame>
        <Text as="p" className={styles.text}>
          Lastmile does not know your job family yet. Set up your learning on Home, and the scenario
          your team practises this week shows here.
        </Text>
      </Frame>
    );
  }
  const start = overview.settings?.programStart;
  if (start === undefined) {
    return (
      <Frame>
        <Text as="p" className={styles.text}>
          The program has no start date yet, so there is no week to practise. An admin sets it up.
        </Text>
      </Frame>
    );
  }
  const week = programWeekOf(start, now);
  if (week < 1) {
    return (
      <Frame>
        <Text as="p" className={styles.text}>
          Practice starts with the program on {formatIsoDate(start)}.
        </Text>
      </Frame>
    );
  }
  return <FamilyLesson client={client} family={family} week={week} />;
}
WeekScenario.displayName = 'WeekScenario';

interface FamilyLessonProps {
  readonly client: ApiClient;
  readonly family: { readonly id: string; readonly name: string };
  readonly week: number;
}

function FamilyLesson({ client, family, week }: FamilyLessonProps): JSX.Element {
  const styles = usePracticeStyles();
  const lessons = useApiQuery(client, lessonsPath(family.id, 'published'), lessonListSchema);
  const weekText =
    week > programWeeks ? `Week ${week}: the ${programWeeks}-week program is over` : `Week ${week}`;
  if (lessons.state.status === 'loading')
    return <LoadingState label="Loading this week’s lesson" />;
  if (lessons.state.status === 'error') {
    return <ProblemMessageBar problem={lessons.state.problem} onRetry={lessons.retry} />;
  }
  const lesson = lessonOfWeek(lessons.state.data.items, week);
  return (
    <Frame>
      <Text className={styles.muted}>
        {family.name} · {weekText}
      </Text>
      {lesson ? (
        <>
          <Text as="h4" size={400} weight="semibold" className={styles.heading}>
            {lesson.title}
          </Text>
          <Text as="p" className={styles.text}>
            {lesson.scenario}
          </Text>
          <Text as="p" className={styles.text}>
            <Text weight="semibold">Try it: </Text>
            {lesson.tryIt}
          </Text>
        </>
      ) : (
        <Text as="p" className={styles.text}>
          No published lesson for this week yet, so there is no set scenario. Practise on a task
          your team did this week.
        </Text>
      )}
    </Frame>
  );
}
FamilyLesson.displayName = 'FamilyLesson';
