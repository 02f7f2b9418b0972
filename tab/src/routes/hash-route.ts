import { homePage, isPageId, type PageId } from './pages.js';

/**
 * Documents anyone may read without signing in. The Teams manifest links to them as its
 * privacyUrl and termsOfUseUrl, and Teams opens those links outside any tab.
 */
export const documentIds = ['privacy', 'terms'] as const;
export type DocumentId = (typeof documentIds)[number];

/** The path of the configurable tab's configuration page (the manifest's configurationUrl). */
export const configPath = 'config';

/** Pages whose deep links may name one item, e.g. `#/library/<promptId>` opens that prompt. */
const pagesWithItems: readonly PageId[] = ['library'];

/**
 * What the shell, with its navigation, shows: a known page (with the item and the query string a
 * deep link names, if any), or a path the tab does not know.
 */
export type ShellRoute =
  { kind: 'page'; page: PageId; item?: string; query?: string } | { kind: 'unknown'; path: string };

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
  const raw = hash.replace(/^#/, '');
  const cut = raw.search(/[?&]/);
  const path = cut === -1 ? raw : raw.slice(0, cut);
  const query = cut === -1 ? '' : raw.slice(cut + 1);
  const segments = path.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  const segment = (segments[0] ?? '').toLowerCase();
  const withQuery = query === '' ? {} : { query };
  if (segments.length === 2 && isPageId(segment) && pagesWithItems.includes(segment)) {
    const item = decodeItem(segments[1] ?? '');
    if (item !== undefined) return { kind: 'page', page: segment, item, ...withQuery };
  }
  if (segments.length > 1) return { kind: 'unknown', path };
  if (segment === '') return { kind: 'page', page: homePage };
  if (isPageId(segment)) return { kind: 'page', page: segment, ...withQuery };
  if (segment === configPath) return { kind: 'config' };
  if (isDocumentId(segment)) return { kind: 'document', document: segment };
  return { kind: 'unknown', path };
}

// Item ids keep their case (unlike page names); a malformed escape is not an id.
function decodeItem(segment: string): string | undefined {
  try {
    const item = decodeURIComponent(segment);
    return item.trim() === '' ? undefined : item;
  } catch {
    return undefined;
  }
}

export function hashFor(target: PageId | DocumentId | typeof configPath): string {
  return `#/${target}`;
}

/** A deep link to a page, optionally to one of its items, with an optional query string. */
export function pageHash(page: PageId, item?: string, query?: string): string {
  const itemPart = item === undefined ? '' : `/${encodeURIComponent(item)}`;
  const queryPart = query === undefined || query === '' ? '' : `?${query}`;
  return `#/${page}${itemPart}${queryPart}`;
}
