import { CsvError, normaliseHeader, parseCsvRecord, splitCsvRecords } from './csv.js';
import { AppError } from './errors.js';

/**
 * Reading a usage CSV (an export from any AI tool): a header naming the columns `id`, `upn` or
 * `userId`, `occurredAt`, and optionally `source` (default `csv`) and `tool`, in any order; other
 * columns are ignored. Each data row becomes an event for the ingest, which checks it; problems
 * found here are reported with the line the row starts on (the header is line 1).
 */

export const maxUsageCsvRows = 100_000;
export const defaultCsvSource = 'csv';

type UsageColumn = 'id' | 'upn' | 'userId' | 'occurredAt' | 'source' | 'tool';

const headerAliases: Readonly<Record<string, UsageColumn>> = {
  id: 'id',
  eventid: 'id',
  upn: 'upn',
  userprincipalname: 'upn',
  userid: 'userId',
  occurredat: 'occurredAt',
  timestamp: 'occurredAt',
  source: 'source',
  tool: 'tool',
};

export interface UsageCsvRow {
  /** The line the row starts on. */
  readonly line: number;
  /** The row as an ingest event: only the cells that have text. */
  readonly event: Readonly<Record<string, string>>;
}

export interface UsageCsv {
  /** Data rows read, good or not (blank lines not counted). */
  readonly rowCount: number;
  readonly rows: readonly UsageCsvRow[];
  readonly rejected: readonly { readonly line: number; readonly reason: string }[];
}

/** A date alone (`2026-03-02`) means that day at noon UTC, as the Copilot report import does. */
function occurredAtOf(cell: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(cell) ? `${cell}T12:00:00Z` : cell;
}

/** Reads the file; a file the import cannot use at all (no header, no id column) is `invalid`. */
export function parseUsageCsv(text: string, maxRows = maxUsageCsvRows): UsageCsv {
  const invalidFile = (message: string, field = 'csv'): AppError =>
    new AppError('invalid', message, { fieldErrors: [{ field, message }] });

  const split = splitCsvRecords(text, maxRows + 1);
  if (split.tooMany) {
    throw new AppError(
      'invalid',
      `The file has more than ${String(maxRows)} rows; import it in parts`,
      { fieldErrors: [{ field: 'csv', message: 'too many rows' }] },
    );
  }
  const [headerRecord, ...records] = split.records;
  if (headerRecord === undefined) throw invalidFile('The file is empty: it needs a header row');
  let header: string[];
  try {
    header = parseCsvRecord(headerRecord.text);
  } catch (error) {
    if (error instanceof CsvError) {
      throw invalidFile(`The header row is not valid CSV: ${error.message}`);
    }
    throw error;
  }
  const columnAt = new Map<UsageColumn, number>();
  header.forEach((cell, index) => {
    const column = headerAliases[normaliseHeader(cell)];
    if (column === undefined) return;
    if (columnAt.has(column)) throw invalidFile(`The ${column} column appears twice`, column);
    columnAt.set(column, index);
  });
  for (const column of ['id', 'occurredAt'] as const) {
    if (!columnAt.has(column)) {
      throw invalidFile(
        `The header has no ${column} column; the columns are id, upn or userId, occurredAt, source, tool`,
        column,
      );
    }
  }
  if (!columnAt.has('upn') && !columnAt.has('userId')) {
    throw invalidFile('The header needs a upn or a userId column', 'upn');
  }

  const rows: UsageCsvRow[] = [];
  const rejected: { line: number; reason: string }[] = [];
  for (const record of records) {
    let cells: string[];
    try {
      cells = parseCsvRecord(record.text);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      rejected.push({ line: record.line, reason: `not valid CSV: ${error.message}` });
      continue;
    }
    const event: Record<string, string> = { source: defaultCsvSource };
    for (const [column, index] of columnAt) {
      const value = cells[index]?.trim() ?? '';
      if (value === '') continue;
      event[column] = column === 'occurredAt' ? occurredAtOf(value) : value;
    }
    rows.push({ line: record.line, event });
  }
  return { rowCount: records.length, rows, rejected };
}
