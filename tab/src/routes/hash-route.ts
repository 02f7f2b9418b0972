import { homePage, pageIds, type PageId } from './pages.js';

/** Where the hash points: a known page, or a path the tab does not know. */
export type Route = { kind: 'page'; page: PageId } | { kind: 'unknown'; path: string };

function isPageId(value: string): value is PageId {
  return (pageIds as readonly string[]).includes(value);
}

/**
 * Reads a location hash such as `#/scoreboard`. Teams' contentUrl and deep links open a page this
 * way, so the parser forgives the variants people type: no slash, a trailing slash, capitals, or
 * a query string after the page.
 */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').split(/[?&]/, 1)[0] ?? '';
  const segment = path.replace(/^\/+/, '').replace(/\/+$/, '').toLowerCase();
  if (segment === '') return { kind: 'page', page: homePage };
  if (isPageId(segment)) return { kind: 'page', page: segment };
  return { kind: 'unknown', path };
}

export function hashFor(page: PageId): string {
  return `#/${page}`;
}
