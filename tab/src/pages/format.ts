/** Formats an ISO calendar date (`2026-01-12`) without letting the viewer's time zone shift the day. */
export function formatIsoDate(isoDate: string, locale?: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** The name to greet someone by: the first word of their display name. */
export function greetingName(displayName: string | undefined): string | undefined {
  const first = displayName?.trim().split(/\s+/, 1)[0];
  return first === '' ? undefined : first;
}
