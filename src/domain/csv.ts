/**
 * RFC 4180 CSV: fields separated by commas, quoted with double quotes when they hold a comma, a
 * quote or a line break, quotes doubled inside. Cells that a spreadsheet would run as a formula are
 * prefixed with an apostrophe on the way out.
 */

const formulaStart = /^[=+\-@\t\r]/;

function escapeCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(escapeCell).join(',')).join('\r\n') + '\r\n';
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** Parses CSV text into rows of cells; a stray quote or an unterminated field is a `CsvError`. */
export function parseCsv(text: string, limits: { readonly maxRows: number }): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let index = text.startsWith('\uFEFF') ? 1 : 0;
  const endRow = (): void => {
    row.push(cell);
    cell = '';
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    if (rows.length > limits.maxRows)
      throw new CsvError(`More than ${String(limits.maxRows)} rows`, line);
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 1;
        } else {
          quoted = false;
          const following = text[index + 1];
          if (
            following !== undefined &&
            following !== ',' &&
            following !== '\n' &&
            following !== '\r'
          ) {
            throw new CsvError('A quoted field must end at a comma or a line break', line);
          }
        }
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"') {
      if (cell !== '') throw new CsvError('A quote may only open a field', line);
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endRow();
      line += 1;
    } else {
      cell += char;
    }
    index += 1;
  }
  if (quoted) throw new CsvError('A quoted field is not closed', line);
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** One record of a file, with the line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly text: string;
}

/**
 * Splits the text into records at line breaks outside quotes, with the line each starts on, so
 * errors name the line an editor shows even when a quoted cell spans lines. Blank lines are
 * skipped; past `maxRecords` it stops and says `tooMany`.
 */
export function splitCsvRecords(
  text: string,
  maxRecords: number,
): { records: CsvRecord[]; tooMany: boolean } {
  const records: CsvRecord[] = [];
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  let startLine = 1;
  let line = 1;
  let quoted = false;
  const end = (at: number): boolean => {
    const record = text.slice(start, at);
    if (record.trim() !== '') records.push({ line: startLine, text: record });
    return records.length > maxRecords;
  };
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') {
      quoted = !quoted;
    } else if (char === '\n' || char === '\r') {
      if (quoted) {
        if (char === '\n') line += 1;
        continue;
      }
      if (end(index)) return { records, tooMany: true };
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      line += 1;
      start = index + 1;
      startLine = line;
    }
  }
  const tooMany = end(text.length);
  return { records, tooMany };
}

/** The cells of one record from `splitCsvRecords`; a malformed record is a `CsvError`. */
export function parseCsvRecord(text: string): string[] {
  return parseCsv(text, { maxRows: 1 })[0] ?? [];
}

/** A header cell as the alias tables spell it: lower case, without spaces, dashes, dots or `_`. */
export function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]+/gu, '');
}
