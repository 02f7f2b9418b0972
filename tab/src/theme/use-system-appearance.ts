import { useSyncExternalStore } from 'react';
import type { SystemAppearance } from './theme-name.js';

const darkQuery = '(prefers-color-scheme: dark)';
const forcedColorsQuery = '(forced-colors: active)';

function subscribe(onChange: () => void): () => void {
  const queries = [window.matchMedia(darkQuery), window.matchMedia(forcedColorsQuery)];
  for (const query of queries) query.addEventListener('change', onChange);
  return () => {
    for (const query of queries) query.removeEventListener('change', onChange);
  };
}

// useSyncExternalStore compares snapshots with Object.is, so the snapshot is a primitive key.
function snapshot(): string {
  const dark = window.matchMedia(darkQuery).matches ? 'dark' : 'light';
  const forced = window.matchMedia(forcedColorsQuery).matches ? 'forced' : 'normal';
  return `${dark}:${forced}`;
}

/** The operating system's colour preferences, kept current as they change. */
export function useSystemAppearance(): SystemAppearance {
  const key = useSyncExternalStore(subscribe, snapshot);
  return { prefersDark: key.startsWith('dark:'), forcedColors: key.endsWith(':forced') };
}
