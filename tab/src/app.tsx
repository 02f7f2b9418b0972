import type { JSX } from 'react';
import { lazy, Suspense } from 'react';
import { useHashRoute } from './routes/use-hash-route.js';

// Split by host so Teams users never download the dev picker, and plain browsers never teams-js.
const TeamsApp = lazy(() =>
  import('./teams/teams-app.js').then((module) => ({ default: module.TeamsApp })),
);
const DevApp = lazy(() =>
  import('./dev/dev-app.js').then((module) => ({ default: module.DevApp })),
);
const DocumentApp = lazy(() =>
  import('./documents/document-app.js').then((module) => ({ default: module.DocumentApp })),
);

/** Teams always frames a tab; a top-level page is someone opening the tab in a plain browser. */
export function isFramed(win: Pick<Window, 'self' | 'top'>): boolean {
  return win.self !== win.top;
}

export interface AppProps {
  readonly framed: boolean;
}

/**
 * Picks what renders from the hash and the host. The privacy statement and terms of use need no
 * host and no sign-in, so they render before either host starts and even when sign-in would fail.
 */
export function App({ framed }: AppProps): JSX.Element {
  const { route, navigate } = useHashRoute();
  let view: JSX.Element;
  if (route.kind === 'document') view = <DocumentApp documentId={route.document} />;
  else if (framed) view = <TeamsApp route={route} onNavigate={navigate} />;
  else view = <DevApp route={route} onNavigate={navigate} />;
  return <Suspense fallback={null}>{view}</Suspense>;
}
App.displayName = 'App';
