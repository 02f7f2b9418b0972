/**
 * Pure text helpers for what people wrote: prompts and Teams messages are plain text to Lastmile,
 * whatever markup they happen to contain, and must show on cards exactly as written.
 */

/**
 * Escapes what an Adaptive Card TextBlock reads as Markdown (emphasis, links, headings, code, list
 * starts), so a title shows as typed. Templates put longer text, such as a prompt's body, in a
 * `TextRun`, which is never Markdown and needs no escapes (some Teams clients show the backslashes).
 */
export function neutraliseMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]#~]/gu, (character) => `\\${character}`)
    .replace(/^(\s*)([-+>])(?=\s)/gmu, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gmu, '$1\\.');
}

const htmlEscapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** For thumbnail and hero card text, which Teams reads as a subset of HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/gu, (character) => htmlEscapes[character] ?? character);
}

/** One line of at most `maxLength` characters, cut at a word where it can be, with an ellipsis. */
export function oneLine(text: string, maxLength: number): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  if (line.length <= maxLength) return line;
  const cut = line.slice(0, Math.max(1, maxLength - 1));
  const lastSpace = cut.lastIndexOf(' ');
  const wordCut = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut;
  return `${wordCut.replace(/[\s,;:.-]+$/u, '')}…`;
}

const namedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
};

function codePointText(codePoint: number, original: string): string {
  const valid = Number.isInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff;
  return valid ? String.fromCodePoint(codePoint) : original;
}

/** Decodes HTML character references: the common named ones and every numeric one. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (original, reference: string) => {
    if (reference.startsWith('#x') || reference.startsWith('#X')) {
      return codePointText(Number.parseInt(reference.slice(2), 16), original);
    }
    if (reference.startsWith('#')) return codePointText(Number(reference.slice(1)), original);
    return namedEntities[reference.toLowerCase()] ?? original;
  });
}

const blockEnd = /<\/(?:p|div|li|h[1-6]|tr|blockquote|pre|ul|ol|table)\s*>/giu;

/**
 * The text of a Teams message body: tags go, line and paragraph breaks stay, entities are decoded.
 * Teams sends HTML for messages typed in the client (`<p>`, `<br>`, `<at>`, `&nbsp;`); the result
 * is what the person saw, as plain text.
 */
export function htmlToPlainText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/giu, '')
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(blockEnd, '\n')
    .replace(/<li\b[^>]*>/giu, '- ')
    .replace(/<[^>]*>/gu, '');
  return tidyLines(decodeHtmlEntities(text));
}

/** Trims each line, drops trailing spaces and keeps at most one blank line between paragraphs. */
export function tidyLines(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

const titleWordLimit = 8;
const titleLengthLimit = 120;

/**
 * A title for a prompt saved from a message: the first line, or its first eight words when it is
 * longer, without the punctuation that ends a lead-in ("Try this:"). The person edits it anyway.
 */
export function titleFromMessage(text: string): string {
  const firstLine = text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
  if (firstLine === undefined) return '';
  const words = firstLine.split(/\s+/u);
  const title =
    words.length > titleWordLimit ? words.slice(0, titleWordLimit).join(' ') : firstLine;
  return oneLine(title, titleLengthLimit).replace(/[\s,;:.-]+$/u, '');
}
