import type { JSX, ReactNode } from 'react';
import { meResponseSchema } from '../../../src/contracts/identity.js';
import { programOverviewSchema } from '../../../src/contracts/program.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import type { ShellRoute } from '../routes/hash-route.js';
import { visiblePages, type PageId } from '../routes/pages.js';
import { AppHeader } from './app-header.js';
import { useAppShellStyles } from './app-shell.styles.js';
import { PageNav } from './page-nav.js';
import { PageOutlet } from './page-outlet.js';
import { useFirstIdentity, type IdentityOutcome } from './use-first-identity.js';
import { UserSummary } from './user-summary.js';

export interface AppShellProps {
  readonly client: ApiClient;
  /** The page the location hash names; the host reads the hash so it can route around the shell. */
  readonly route: ShellRoute;
  readonly onNavigate: (page: PageId) => void;
  /** Host-specific controls above the header (the dev toolbar outside Teams). */
  readonly hostControls?: ReactNode;
  /** Told once whether the tab could find out who the user is; Teams wants to hear either way. */
  readonly onFirstIdentity?: (outcome: IdentityOutcome) => void;
}

export function AppShell({
  client,
  route,
  onNavigate,
  hostControls,
  onFirstIdentity,
}: AppShellProps): JSX.Element {
  const styles = useAppShellStyles();
  const me = useApiQuery(client, '/api/me', meResponseSchema);
  // Fetched beside /api/me: Home shows it, and the header uses it to name departments.
  const program = useApiQuery(client, '/api/program', programOverviewSchema);
  useFirstIdentity(me.state, onFirstIdentity);

  const pages = me.state.status === 'success' ? visiblePages(me.state.data.roles) : [];
  const selected =
    route.kind === 'page' && pages.some((page) => page.id === route.page) ? route.page : undefined;

  return (
    <>
      {hostControls}
      <AppHeader
        user={
          <UserSummary
            me={me.state}
            overview={program.state.status === 'success' ? program.state.data : undefined}
          />
        }
        navigation={<PageNav pages={pages} selected={selected} onNavigate={onNavigate} />}
      />
      <main className={styles.main}>
        {me.state.status === 'loading' ? <LoadingState label="Signing you in" /> : null}
        {me.state.status === 'error' ? (
          <ProblemMessageBar problem={me.state.problem} onRetry={me.retry} />
        ) : null}
        {me.state.status === 'success' ? (
          <PageOutlet
            client={client}
            route={route}
            me={me.state.data}
            program={program}
            selected={selected}
            onNavigate={onNavigate}
            className={styles.panel}
          />
        ) : null}
      </main>
    </>
  );
}
AppShell.displayName = 'AppShell';
