/** The path of the page after the one a continuation token ends (the API pages with tokens). */
export function withContinuation(path: string, continuationToken: string): string {
  const separator = path.includes('?') ? '&' : '?';
  return `${path}${separator}continuationToken=${encodeURIComponent(continuationToken)}`;
}
