import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import { peoplePageSchema } from '../../../src/contracts/people.js';
import type { Problem } from '../../../src/contracts/problem.js';
import { createApiClient } from '../api/api-client.js';
import { useApiQuery } from '../api/use-api-query.js';
import { AppFrame } from '../common/app-frame.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { ConfigView } from '../config/config-view.js';
import type { HostRoute } from '../routes/hash-route.js';
import type { PageId } from '../routes/pages.js';
import { AppShell } from '../shell/app-shell.js';
import { resolveThemePreference, type ThemePreference } from '../theme/theme-name.js';
import { useSystemAppearance } from '../theme/use-system-appearance.js';
import {
  browserStore,
  devIdentityHeaders,
  readDevUser,
  readThemePreference,
  rosterSearchPath,
  writeDevUser,
  writeThemePreference,
} from './dev-session.js';
import { ConfigPreviewNote } from './config-preview-note.js';
import { DevToolbar } from './dev-toolbar.js';
import { OutsideTeamsNotice } from './outside-teams-notice.js';
import { ThemeSwitch } from './theme-switch.js';
import { UserPicker } from './user-picker.js';

/**
 * A server that is not in dev identity mode has no dev roster (404), or refuses the dev headers
 * before routing (401): either way only Teams can sign the user in.
 */
function needsTeams(problem: Problem): boolean {
  return problem.status === 404 || problem.status === 401;
}

export interface DevAppProps {
  readonly route: HostRoute;
  readonly onNavigate: (page: PageId) => void;
}

/**
 * The tab in a plain browser: the dev identity headers name a demo person, and the theme follows
 * the system or the switch. The configuration page renders as in Teams, but cannot save.
 */
export function DevApp({ route, onNavigate }: DevAppProps): JSX.Element {
  const store = browserStore();
  const [upn, setUpn] = useState(() => readDevUser(store));
  const [preference, setPreference] = useState(() => readThemePreference(store));
  const theme = resolveThemePreference(preference, useSystemAppearance());

  const client = useMemo(
    () => createApiClient({ headers: () => Promise.resolve(devIdentityHeaders(upn)) }),
    [upn],
  );
  // Probed once with the first client: switching people must not blank the whole tab again.
  const [probeClient] = useState(client);
  const probe = useApiQuery(probeClient, rosterSearchPath('', 1), peoplePageSchema);

  const selectUser = (next: string): void => {
    setUpn(next);
    writeDevUser(store, next);
  };
  const selectTheme = (next: ThemePreference): void => {
    setPreference(next);
    writeThemePreference(store, next);
  };

  const toolbar = (
    <DevToolbar>
      <UserPicker client={client} selectedUpn={upn} onSelect={selectUser} />
      <ThemeSwitch preference={preference} onChange={selectTheme} />
    </DevToolbar>
  );

  if (probe.state.status === 'error' && needsTeams(probe.state.problem)) {
    return (
      <AppFrame theme={theme}>
        <OutsideTeamsNotice />
      </AppFrame>
    );
  }
  return (
    <AppFrame theme={theme}>
      {probe.state.status === 'loading' ? <LoadingState label="Starting Lastmile" /> : null}
      {probe.state.status === 'error' ? (
        <ProblemMessageBar problem={probe.state.problem} onRetry={probe.retry} />
      ) : null}
      {probe.state.status === 'success' && route.kind === 'config' ? (
        <ConfigView
          client={client}
          origin={window.location.origin}
          hostControls={toolbar}
          renderNote={(settings) => <ConfigPreviewNote settings={settings} />}
        />
      ) : null}
      {probe.state.status === 'success' && route.kind !== 'config' ? (
        <AppShell client={client} route={route} onNavigate={onNavigate} hostControls={toolbar} />
      ) : null}
    </AppFrame>
  );
}
DevApp.displayName = 'DevApp';
