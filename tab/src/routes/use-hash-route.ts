import { useSyncExternalStore } from 'react';
import { hashFor, parseHash, type Route } from './hash-route.js';
import type { PageId } from './pages.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentHash(): string {
  return window.location.hash;
}

export interface HashRouter {
  readonly route: Route;
  navigate(page: PageId): void;
}

/** The page named by the location hash; navigating writes the hash so Back and deep links work. */
export function useHashRoute(): HashRouter {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return {
    route: parseHash(hash),
    navigate: (page) => {
      window.location.hash = hashFor(page);
    },
  };
}

/** Moves to a deep link inside the tab (a prompt, a filtered page); Back returns to where the user was. */
export function openHash(hash: string): void {
  window.location.hash = hash;
}
