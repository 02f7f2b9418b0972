import type { JSX } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import type { ApiClient } from '../api/api-client.js';
import type { ApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { MyLearningCard } from '../learning/my-learning-card.js';
import { PulseCard } from '../learning/pulse-card.js';
import { greetingName } from './format.js';
import { useHomePageStyles } from './home-page.styles.js';
import { HowItWorks } from './how-it-works.js';
import { PageHeading } from './page-heading.js';
import { ProgramOverviewSection } from './program-overview-section.js';

export interface HomePageProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  /** `GET /api/program`, fetched by the shell. */
  readonly program: ApiQuery<ProgramOverview>;
}

export function HomePage({ client, me, program }: HomePageProps): JSX.Element {
  const styles = useHomePageStyles();
  const name = greetingName(me.displayName);
  const organisation =
    program.state.status === 'success' ? program.state.data.settings?.organisationName : undefined;

  return (
    <section aria-labelledby="home-title" className={styles.root}>
      <PageHeading
        id="home-title"
        title={name ? `Welcome, ${name}` : 'Welcome to Lastmile'}
        description={
          <>
            Lastmile helps {organisation ?? 'your organisation'} turn AI tools from something that
            works in a demo into something people use every day. It lives in Teams, where the work
            already happens: prompts that fit your job, five-minute lessons, a short practice with
            your team each week, and a way to say when AI got it wrong.
          </>
        }
      />
      <MyLearningCard client={client} me={me} program={program} />
      <PulseCard client={client} />
      <HowItWorks />
      {program.state.status === 'loading' ? <LoadingState label="Loading your program" /> : null}
      {program.state.status === 'error' ? (
        <ProblemMessageBar problem={program.state.problem} onRetry={program.retry} />
      ) : null}
      {program.state.status === 'success' ? (
        <ProgramOverviewSection overview={program.state.data} />
      ) : null}
    </section>
  );
}
HomePage.displayName = 'HomePage';
