/** The first words of a prompt for a result list: whitespace collapsed, cut at a word. */
export function snippet(body: string, maxLength = 180): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** "Used 3 times", "Used once", "Not used yet". */
export function usageText(count: number): string {
  if (count === 0) return 'Not used yet';
  if (count === 1) return 'Used once';
  return `Used ${new Intl.NumberFormat('en').format(count)} times`;
}

/** A date and time in the viewer's locale, or the value itself if it is not a date. */
export function formatDateTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Names for ids, in the order given, keeping an id the lookup does not know. */
export function namesFor(
  ids: readonly string[],
  known: readonly { readonly id: string; readonly name: string }[],
): string[] {
  return ids.map((id) => known.find((item) => item.id === id)?.name ?? id);
}
