/**
 * Links to a prompt in the library tab: `${TAB_ENDPOINT}/#/library/<promptId>`, the tab's hash
 * route. The message extension puts them on cards and unfurls them when someone pastes one.
 */

const promptIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/u;

function withoutTrailingSlashes(url: string): string {
  return url.replace(/\/+$/u, '');
}

/** The tab's address for a prompt, or undefined when no tab address is configured. */
export function libraryUrl(tabEndpoint: string | undefined, promptId: string): string | undefined {
  if (tabEndpoint === undefined) return undefined;
  return `${withoutTrailingSlashes(tabEndpoint)}/#/library/${encodeURIComponent(promptId)}`;
}

/** The tab's icon, shown beside search results. */
export function appIconUrl(tabEndpoint: string | undefined): string | undefined {
  return tabEndpoint === undefined
    ? undefined
    : `${withoutTrailingSlashes(tabEndpoint)}/favicon.svg`;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The prompt id in a library link: `#/library/<id>` (the tab's hash route) or a `/library/<id>`
 * path, on the tab's own origin when one is configured. Anything else is not a library link.
 */
export function promptIdFromLibraryUrl(
  text: string,
  tabEndpoint: string | undefined,
): string | undefined {
  const url = parseUrl(text.trim());
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return undefined;
  }
  if (tabEndpoint !== undefined && parseUrl(tabEndpoint)?.origin !== url.origin) return undefined;
  const match =
    /^#\/library\/([^/?#]+)\/?(?:\?.*)?$/u.exec(url.hash) ??
    /\/library\/([^/]+)\/?$/u.exec(url.pathname);
  const id = match?.[1] === undefined ? undefined : decoded(match[1]);
  return id !== undefined && promptIdPattern.test(id) ? id : undefined;
}
