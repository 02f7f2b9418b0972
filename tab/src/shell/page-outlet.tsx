import type { JSX } from 'react';
import { useEffect } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import type { ApiClient } from '../api/api-client.js';
import type { ApiQuery } from '../api/use-api-query.js';
import { LibraryPage } from '../library/library-page.js';
import { HomePage } from '../pages/home-page.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { PlaceholderPage } from '../pages/placeholder-page.js';
import { RestrictedPage } from '../pages/restricted-page.js';
import type { ShellRoute } from '../routes/hash-route.js';
import { canOpen, pageDefinition, type PageId } from '../routes/pages.js';
import { WorkflowsPage } from '../workflows/workflows-page.js';
import { pagePanelId, tabIdFor } from './page-nav.js';

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
  if (page.id === 'home') return <HomePage program={program} me={me} />;
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
