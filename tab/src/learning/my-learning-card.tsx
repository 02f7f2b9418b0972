import { Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import { learningProgressSchema } from '../../../src/contracts/lessons.js';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import type { ApiClient } from '../api/api-client.js';
import type { ApiQuery } from '../api/use-api-query.js';
import { useDocument } from '../api/use-document.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { browserTimeZone } from '../common/time-zones.js';
import { LearningProgressView } from './learning-progress-view.js';
import { LearningSetupForm } from './learning-setup-form.js';
import { initialSetup, myLearningPath } from './learning-setup.js';
import { useMyLearningStyles } from './my-learning.styles.js';

export interface MyLearningCardProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly program: ApiQuery<ProgramOverview>;
}

/** The caller's own lessons: set-up the first time, progress after that. */
export function MyLearningCard({ client, me, program }: MyLearningCardProps): JSX.Element {
  const styles = useMyLearningStyles();
  const learning = useDocument(client, myLearningPath, learningProgressSchema);
  const [changing, setChanging] = useState(false);
  const [saved, setSaved] = useState(false);
  const overview = program.state.status === 'success' ? program.state.data : undefined;

  let body: JSX.Element;
  if (learning.state.status === 'error') {
    body = <ProblemMessageBar problem={learning.state.problem} onRetry={learning.reload} />;
  } else if (program.state.status === 'error') {
    body = <ProblemMessageBar problem={program.state.problem} onRetry={program.retry} />;
  } else if (learning.state.status === 'loading' || !overview) {
    body = <LoadingState label="Loading your learning" />;
  } else {
    const progress = learning.state.value;
    body =
      progress.profile && !changing ? (
        <LearningProgressView
          progress={progress}
          overview={overview}
          onChangeSetup={() => {
            setSaved(false);
            setChanging(true);
          }}
        />
      ) : (
        <LearningSetupForm
          client={client}
          overview={overview}
          initial={initialSetup(me, progress.profile, browserTimeZone())}
          changing={progress.profile !== undefined}
          onCancel={() => setChanging(false)}
          onSaved={(next) => {
            learning.replace({ value: next, etag: undefined });
            setChanging(false);
            setSaved(true);
          }}
        />
      );
  }

  return (
    <section aria-labelledby="my-learning-title" className={styles.card}>
      <Text as="h3" id="my-learning-title" size={500} weight="semibold" className={styles.heading}>
        My learning
      </Text>
      <div role="status">
        {saved ? <Text className={styles.muted}>Your set-up is saved.</Text> : null}
      </div>
      {body}
    </section>
  );
}
MyLearningCard.displayName = 'MyLearningCard';
