import type { JSX } from 'react';
import { lazy, Suspense, useEffect } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import type { ApiClient } from '../api/api-client.js';
import type { ApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { FlagsPage } from '../flags/flags-page.js';
import { LibraryPage } from '../library/library-page.js';
import { HomePage } from '../pages/home-page.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { PlaceholderPage } from '../pages/placeholder-page.js';
import { RestrictedPage } from '../pages/restricted-page.js';
import { PracticePage } from '../practice/practice-page.js';
import type { ShellRoute } from '../routes/hash-route.js';
import { canOpen, pageDefinition, type PageId } from '../routes/pages.js';
import { WorkflowsPage } from '../workflows/workflows-page.js';
import { pagePanelId, tabIdFor } from './page-nav.js';

// Only champions and admins open it, so nobody else downloads the curriculum editor.
const ProgramPage = lazy(() =>
  import('../program/program-page.js').then((module) => ({ default: module.ProgramPage })),
);
// Champions and admins only; the scoreboard's chunk carries the chart library.
const ScoreboardPage = lazy(() =>
  import('../scoreboard/scoreboard-page.js').then((module) => ({ default: module.ScoreboardPage })),
);
const CheckpointPage = lazy(() =>
  import('../checkpoint/checkpoint-page.js').then((module) => ({ default: module.CheckpointPage })),
);

export interface PageOutletProps {
  readonly client: ApiClient;
  readonly route: ShellRoute;
  readonly me: MeResponse;
  readonly program: ApiQuery<ProgramOverview>;
  /** The tab that labels the panel; absent when the route has no tab for this user. */
  readonly selected: PageId | undefined;
  readonly onNavigate: (page: PageId) => void;
  readonly className: string;
}

function titleOf(route: ShellRoute): string {
  return route.kind === 'page' ? pageDefinition(route.page).title : 'Page not found';
}

function renderRoute(props: PageOutletProps): JSX.Element {
  const { client, route, me, program, onNavigate } = props;
  const goHome = (): void => onNavigate('home');
  if (route.kind === 'unknown') return <NotFoundPage path={route.path} onGoHome={goHome} />;
  const page = pageDefinition(route.page);
  if (!canOpen(page, me.roles)) return <RestrictedPage page={page} me={me} onGoHome={goHome} />;
  if (page.id === 'home') return <HomePage client={client} program={program} me={me} />;
  if (page.id === 'library') {
    return (
      <LibraryPage
        client={client}
        me={me}
        program={program}
        promptId={route.item}
        query={route.query}
      />
    );
  }
  if (page.id === 'workflows') return <WorkflowsPage client={client} me={me} program={program} />;
  if (page.id === 'flags') {
    return <FlagsPage client={client} me={me} program={program} query={route.query} />;
  }
  if (page.id === 'practice') return <PracticePage client={client} me={me} program={program} />;
  if (page.id === 'program') {
    return (
      <Suspense fallback={<LoadingState label="Loading the program set-up" />}>
        <ProgramPage client={client} me={me} program={program} />
      </Suspense>
    );
  }
  if (page.id === 'scoreboard') {
    return (
      <Suspense fallback={<LoadingState label="Loading the scoreboard" />}>
        <ScoreboardPage client={client} me={me} />
      </Suspense>
    );
  }
  if (page.id === 'checkpoint') {
    return (
      <Suspense fallback={<LoadingState label="Loading the checkpoint" />}>
        <CheckpointPage client={client} program={program} />
      </Suspense>
    );
  }
  return <PlaceholderPage page={page} />;
}

/** The tab panel under the navigation, holding the page the hash names. */
export function PageOutlet(props: PageOutletProps): JSX.Element {
  const title = titleOf(props.route);
  useEffect(() => {
    document.title = `${title} · Lastmile`;
  }, [title]);

  const labelling = props.selected
    ? { 'aria-labelledby': tabIdFor(props.selected) }
    : { 'aria-label': title };
  return (
    <div id={pagePanelId} role="tabpanel" tabIndex={0} className={props.className} {...labelling}>
      {renderRoute(props)}
    </div>
  );
}
PageOutlet.displayName = 'PageOutlet';
