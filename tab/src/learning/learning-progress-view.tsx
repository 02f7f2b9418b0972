import { Badge, Button, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { LearningProgress } from '../../../src/contracts/lessons.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import { weekdayLabel } from '../common/weekdays.js';
import { formatDateTime } from '../library/prompt-text.js';
import { lessonCounts } from './learning-setup.js';
import { useMyLearningStyles } from './my-learning.styles.js';

type LessonState = LearningProgress['lessons'][number]['state'];

const stateBadges: Readonly<
  Record<
    LessonState,
    { readonly label: string; readonly color: 'success' | 'warning' | 'informative' }
  >
> = {
  done: { label: 'Done', color: 'success' },
  due: { label: 'Due', color: 'warning' },
  upcoming: { label: 'Upcoming', color: 'informative' },
};

export interface LearningProgressViewProps {
  readonly progress: LearningProgress;
  readonly overview: ProgramOverview;
  readonly onChangeSetup: () => void;
}

/** Where a person stands in their 8 weeks: lessons done and due, practice, the next lesson. */
export function LearningProgressView({
  progress,
  overview,
  onChangeSetup,
}: LearningProgressViewProps): JSX.Element {
  const styles = useMyLearningStyles();
  const counts = lessonCounts(progress.lessons);
  const profile = progress.profile;
  const family = overview.jobFamilies.find((item) => item.id === profile?.jobFamilyId)?.name;
  const figures = [
    { label: 'Lessons done', value: counts.done },
    { label: 'Lessons due', value: counts.due },
    { label: 'Lessons to come', value: counts.upcoming },
    { label: 'Practice sessions attended', value: progress.practiceAttended },
  ];
  return (
    <div className={styles.progress}>
      {profile ? (
        <Text as="p" className={styles.text}>
          {family ?? profile.jobFamilyId} · lessons on {weekdayLabel(profile.lessonDay)}s at{' '}
          {profile.lessonTime} ({profile.timeZone})
          {progress.programWeek >= 1 ? ` · program week ${progress.programWeek}` : ''}
        </Text>
      ) : null}
      <dl className={styles.figures}>
        {figures.map((figure) => (
          <div key={figure.label} className={styles.figure}>
            <dt className={styles.figureLabel}>{figure.label}</dt>
            <dd className={styles.figureValue}>{figure.value}</dd>
          </div>
        ))}
      </dl>
      <Text as="p" className={styles.text}>
        {progress.nextLessonAt
          ? `Next lesson: ${formatDateTime(progress.nextLessonAt)}. The bot sends it to you in Teams chat; you can also ask it for “lesson” at any time.`
          : 'No more lessons are scheduled for you.'}
      </Text>
      {progress.lessons.length > 0 ? (
        <ol aria-label="My lessons" className={styles.lessons}>
          {progress.lessons.map((lesson) => {
            const badge = stateBadges[lesson.state];
            return (
              <li key={lesson.id} className={styles.lesson}>
                <Text className={styles.week}>Week {lesson.week}</Text>
                <Text>
                  {lesson.title} · {lesson.minutes} min
                </Text>
                <Badge appearance="tint" shape="rounded" color={badge.color}>
                  {badge.label}
                </Badge>
              </li>
            );
          })}
        </ol>
      ) : (
        <Text as="p" className={styles.muted}>
          No lessons are published for your job family yet.
        </Text>
      )}
      <div className={styles.actions}>
        <Button onClick={onChangeSetup}>Change my set-up</Button>
      </div>
    </div>
  );
}
LearningProgressView.displayName = 'LearningProgressView';
