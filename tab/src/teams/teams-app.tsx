import type { JSX } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import { createApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import { AppFrame } from '../common/app-frame.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { ConfigView } from '../config/config-view.js';
import { pageFromEntityId } from '../config/tab-settings.js';
import { HostConversationContext } from '../practice/host-conversation.js';
import type { HostRoute } from '../routes/hash-route.js';
import type { PageId } from '../routes/pages.js';
import { AppShell } from '../shell/app-shell.js';
import type { IdentityOutcome } from '../shell/use-first-identity.js';
import type { ThemeName } from '../theme/theme-name.js';
import { ConfigOutsideDialogNote } from './config-outside-dialog-note.js';
import { connectToTeams, type TeamsHost } from './teams-host.js';
import { useTeamsAppStyles } from './teams-app.styles.js';

type Connection =
  | { readonly status: 'connecting' }
  | { readonly status: 'connected'; readonly host: TeamsHost }
  | { readonly status: 'failed'; readonly problem: Problem };

export interface TeamsAppProps {
  readonly route: HostRoute;
  readonly onNavigate: (page: PageId) => void;
}

/** The tab inside Teams: Teams' theme, SSO tokens on every API call, and load status reported back. */
export function TeamsApp({ route, onNavigate }: TeamsAppProps): JSX.Element {
  const styles = useTeamsAppStyles();
  const [connection, setConnection] = useState<Connection>({ status: 'connecting' });
  const [theme, setTheme] = useState<ThemeName>('light');

  useEffect(() => {
    let active = true;
    connectToTeams().then(
      (host) => {
        if (!active) return;
        setTheme(host.theme);
        host.onThemeChange(setTheme);
        setConnection({ status: 'connected', host });
      },
      (error: unknown) => {
        if (!active) return;
        setConnection({
          status: 'failed',
          problem: { ...toProblem(error), title: 'Lastmile could not connect to Teams' },
        });
      },
    );
    return () => {
      active = false;
    };
  }, []);

  const host = connection.status === 'connected' ? connection.host : undefined;
  const client = useMemo(
    () =>
      host
        ? createApiClient({
            headers: async () => ({ Authorization: `Bearer ${await host.getAuthToken()}` }),
          })
        : undefined,
    [host],
  );
  const onFirstIdentity = useCallback(
    (outcome: IdentityOutcome) => {
      if (outcome.ok) host?.notifySuccess();
      else host?.notifyFailure(outcome.problem.detail ?? outcome.problem.title);
    },
    [host],
  );

  return (
    <AppFrame theme={theme}>
      {client && host && route.kind === 'config' ? (
        <ConfigView
          client={client}
          origin={window.location.origin}
          saver={host.tabConfig}
          savedPage={pageFromEntityId(host.tabConfig?.savedEntityId)}
          renderNote={() => (host.tabConfig ? null : <ConfigOutsideDialogNote />)}
          onFirstIdentity={onFirstIdentity}
        />
      ) : null}
      {client && host && route.kind !== 'config' ? (
        <HostConversationContext value={host.conversation}>
          <AppShell
            client={client}
            route={route}
            onNavigate={onNavigate}
            onFirstIdentity={onFirstIdentity}
          />
        </HostConversationContext>
      ) : null}
      {connection.status === 'connecting' ? <LoadingState label="Connecting to Teams" /> : null}
      {connection.status === 'failed' ? (
        <div className={styles.failure}>
          <ProblemMessageBar problem={connection.problem} />
        </div>
      ) : null}
    </AppFrame>
  );
}
TeamsApp.displayName = 'TeamsApp';
