import { homePage, isPageId, type PageId } from './pages.js';

/**
 * Documents anyone may read without signing in. The Teams manifest links to them as its
 * privacyUrl and termsOfUseUrl, and Teams opens those links outside any tab.
 */
export const documentIds = ['privacy', 'terms'] as const;
export type DocumentId = (typeof documentIds)[number];

/** The path of the configurable tab's configuration page (the manifest's configurationUrl). */
export const configPath = 'config';

/** What the shell, with its navigation, shows: a known page, or a path the tab does not know. */
export type ShellRoute = { kind: 'page'; page: PageId } | { kind: 'unknown'; path: string };

/** What a host (Teams or the dev preview) shows: the shell, or the tab's configuration page. */
export type HostRoute = ShellRoute | { kind: 'config' };

/** Where the hash points. Documents need no host at all, so they sit outside HostRoute. */
export type Route = HostRoute | { kind: 'document'; document: DocumentId };

function isDocumentId(value: string): value is DocumentId {
  return (documentIds as readonly string[]).includes(value);
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
  if (segment === configPath) return { kind: 'config' };
  if (isDocumentId(segment)) return { kind: 'document', document: segment };
  return { kind: 'unknown', path };
}

export function hashFor(target: PageId | DocumentId | typeof configPath): string {
  return `#/${target}`;
}
