/** UTC heads the list: it is the tenant default, and some browsers leave it out of their list. */
const utc = 'UTC';

/** The IANA time zones this browser knows, UTC first, then alphabetical. */
export function availableTimeZones(): readonly string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [utc, ...[...known].filter((zone) => zone !== utc).sort()];
}

/** The viewer's own time zone, or UTC where the browser does not say. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || utc;
}

export interface TimeZoneMatches {
  /** At most `limit` zones, in list order. */
  readonly shown: readonly string[];
  /** How many more matched than are shown. */
  readonly more: number;
}

// People type "new york" for America/New_York.
const normalise = (text: string): string => text.toLowerCase().replace(/[_/]+/g, ' ').trim();

/** The zones whose name contains every typed word; all of them when nothing is typed. */
export function matchTimeZones(
  zones: readonly string[],
  query: string,
  limit: number,
): TimeZoneMatches {
  const words = normalise(query)
    .split(/\s+/)
    .filter((word) => word !== '');
  const matching = zones.filter((zone) => {
    const name = normalise(zone);
    return words.every((word) => name.includes(word));
  });
  return { shown: matching.slice(0, limit), more: Math.max(0, matching.length - limit) };
}
