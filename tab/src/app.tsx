import type { JSX } from 'react';
import { lazy, Suspense } from 'react';

// Split by host so Teams users never download the dev picker, and plain browsers never teams-js.
const TeamsApp = lazy(() =>
  import('./teams/teams-app.js').then((module) => ({ default: module.TeamsApp })),
);
const DevApp = lazy(() =>
  import('./dev/dev-app.js').then((module) => ({ default: module.DevApp })),
);

/** Teams always frames a tab; a top-level page is someone opening the tab in a plain browser. */
export function isFramed(win: Pick<Window, 'self' | 'top'>): boolean {
  return win.self !== win.top;
}

export interface AppProps {
  readonly framed: boolean;
}

export function App({ framed }: AppProps): JSX.Element {
  return <Suspense fallback={null}>{framed ? <TeamsApp /> : <DevApp />}</Suspense>;
}
App.displayName = 'App';
