import type { Problem } from '../../../src/contracts/problem.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import {
  rosterCsvColumns,
  rosterImportReportSchema,
  type RosterImportReport,
  type RosterRowChange,
  type RosterRowError,
} from '../../../src/contracts/roster.js';
import type { ApiClient } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';

export const rosterImportPath = '/api/roster/import';

/** The server's bulk body limit by default; a bigger file is refused before it is sent. */
export const maxRosterFileBytes = 4 * 1024 * 1024;

export const rosterTemplateFileName = 'lastmile-roster-template.csv';

function csvCell(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A template with every column and one example row in the program's own names. */
export function rosterTemplateCsv(overview: ProgramOverview | undefined): string {
  const department = overview?.departments[0]?.name ?? 'Finance and Operations';
  const jobFamily = overview?.jobFamilies[0]?.name ?? 'Operations and support';
  const example = [
    'ada.lovelace@example.com',
    'Ada Lovelace',
    department,
    jobFamily,
    'true',
    'member',
    'grace.hopper@example.com',
    '',
  ];
  return [rosterCsvColumns, example].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function rosterTemplateHref(overview: ProgramOverview | undefined): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(rosterTemplateCsv(overview))}`;
}

/** What a check or an import came back with. */
export type RosterOutcome =
  | { readonly kind: 'report'; readonly report: RosterImportReport }
  | { readonly kind: 'rejected'; readonly problem: Problem; readonly errors: RosterRowError[] }
  | { readonly kind: 'failed'; readonly problem: Problem };

/**
 * A 422's problem `errors` back into rows: `lines[3].department` is line 3's department column,
 * `file` is the file as a whole (line 0).
 */
export function rowErrorsOf(problem: Problem): RosterRowError[] {
  return (problem.errors ?? []).map(({ field, message }) => {
    const match = /^lines\[(\d+)\]\.(.+)$/u.exec(field);
    return match === null
      ? { line: 0, field, message }
      : { line: Number(match[1]), field: match[2] ?? field, message };
  });
}

export async function sendRoster(
  client: ApiClient,
  csv: string,
  dryRun: boolean,
): Promise<RosterOutcome> {
  try {
    const { value } = await client.send(
      'POST',
      dryRun ? `${rosterImportPath}?dryRun=true` : rosterImportPath,
      { csv },
      rosterImportReportSchema,
    );
    return { kind: 'report', report: value };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 422) {
      return { kind: 'rejected', problem: error.problem, errors: rowErrorsOf(error.problem) };
    }
    return { kind: 'failed', problem: error.problem };
  }
}

const columnLabels: Readonly<Record<string, string>> = {
  upn: 'UPN',
  displayName: 'Display name',
  department: 'Department',
  jobFamily: 'Job family',
  eligible: 'Eligible',
  role: 'Role',
  manager: 'Manager',
  objectId: 'Object id',
  row: 'Row',
  file: 'File',
};

export function columnLabel(field: string): string {
  return columnLabels[field] ?? field;
}

export function changeText(change: RosterRowChange): string {
  if (change.outcome === 'created') return 'New person';
  return `Updated: ${change.fields.map((field) => columnLabel(field).toLowerCase()).join(', ')}`;
}

const plural = (count: number, one: string, many: string): string =>
  `${String(count)} ${count === 1 ? one : many}`;

/** One sentence for a report: what a check found, or what an import did. */
export function reportSummary(report: RosterImportReport): string {
  const figures = `${plural(report.created, 'new person', 'new people')}, ${String(report.updated)} updated, ${String(report.unchanged)} unchanged`;
  if (report.dryRun) {
    return `The file is ready: ${plural(report.rows, 'row', 'rows')}, ${figures}. Nothing is written until you import it.`;
  }
  return `Imported ${plural(report.rows, 'row', 'rows')}: ${figures}.`;
}
