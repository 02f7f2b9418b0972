import { type Role, roleSchema } from '../contracts/identity.js';
import { upnSchema } from '../contracts/people.js';
import {
  maxRosterImportRows,
  type RosterCsvColumn,
  type RosterRowError,
  rosterCsvColumns,
} from '../contracts/roster.js';
import { CsvError, normaliseHeader, parseCsvRecord, splitCsvRecords } from './csv.js';

/**
 * Reading a roster CSV: forgiving headers, one row per person, every problem reported with the line
 * it is on so an admin can fix the file in one pass. Pure: the program's departments and job
 * families come in as data.
 */

/** A department or job family, named in a row by its id or its name. */
export interface NamedReference {
  readonly id: string;
  readonly name: string;
}

export interface RosterCsvContext {
  readonly departments: readonly NamedReference[];
  readonly jobFamilies: readonly NamedReference[];
  readonly maxRows?: number;
}

/** A valid row: the person as the file describes them. */
export interface RosterCsvRow {
  readonly line: number;
  readonly upn: string;
  readonly displayName: string;
  readonly departmentId: string;
  readonly jobFamilyId: string;
  /** Undefined when blank or the column is absent: keep what the roster says (new people: true). */
  readonly eligible: boolean | undefined;
  /** Undefined when blank or the column is absent: keep the current role (new people: member). */
  readonly role: Role | undefined;
  /** Undefined when blank: no manager. Only applies when the file has a manager column. */
  readonly managerUpn: string | undefined;
  readonly objectId: string | undefined;
}

export interface RosterCsv {
  /** The valid rows, in file order. */
  readonly rows: RosterCsvRow[];
  /** Data rows in the file, valid or not. */
  readonly rowCount: number;
  /** Every problem found, in line order. */
  readonly errors: RosterRowError[];
  /** The columns the file has; an absent optional column leaves that field as the roster has it. */
  readonly columns: ReadonlySet<RosterCsvColumn>;
}

const requiredColumns: readonly RosterCsvColumn[] = [
  'upn',
  'displayName',
  'department',
  'jobFamily',
];

/** Header spellings people use, after lower-casing and dropping spaces, dashes, dots and `_`. */
const headerAliases: Readonly<Record<string, RosterCsvColumn>> = {
  upn: 'upn',
  userprincipalname: 'upn',
  displayname: 'displayName',
  name: 'displayName',
  fullname: 'displayName',
  department: 'department',
  departmentid: 'department',
  departmentname: 'department',
  jobfamily: 'jobFamily',
  jobfamilyid: 'jobFamily',
  jobfamilyname: 'jobFamily',
  eligible: 'eligible',
  iseligible: 'eligible',
  role: 'role',
  manager: 'manager',
  managerupn: 'manager',
  objectid: 'objectId',
  aadobjectid: 'objectId',
  entraobjectid: 'objectId',
  azureadobjectid: 'objectId',
  oid: 'objectId',
};

const objectIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;
const pendingPrefix = 'upn:';
/** Person ids are at most 128 characters; a pending id is the prefix and the UPN. */
const longestPendingUpn = 128 - pendingPrefix.length;
const longestName = 200;

/**
 * The roster id of someone known only by UPN (a CSV row without an object id). They keep it
 * until a sign-in, a team sync or a later import tells their Entra object id.
 */
export function pendingPersonId(upn: string): string {
  return `${pendingPrefix}${upn}`;
}

export function isPendingPersonId(id: string): boolean {
  return id.startsWith(pendingPrefix);
}

/** Resolves a row's department or job family by id, or by name ignoring case. */
export function resolveReference(
  references: readonly NamedReference[],
  text: string,
): NamedReference | undefined {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return undefined;
  return (
    references.find((reference) => reference.id === wanted) ??
    references.find((reference) => reference.name.trim().toLowerCase() === wanted)
  );
}

const truthy = new Set(['true', 'yes', 'y', '1']);
const falsy = new Set(['false', 'no', 'n', '0']);

/** A spreadsheet-safe cell written as `'=…` by `toCsv` reads back without its apostrophe. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/u.test(cell) ? cell.slice(1) : cell;
}

function listOf(references: readonly NamedReference[]): string {
  const names = references.slice(0, 12).map((reference) => reference.name);
  const more = references.length > names.length ? ', …' : '';
  return names.length === 0 ? 'none are set up yet' : `${names.join(', ')}${more}`;
}

/**
 * Reads a roster CSV into valid rows and a list of errors (line, column, message). Nothing here
 * depends on the stored roster: conflicts with it are the service's to find.
 */
export function parseRosterCsv(text: string, context: RosterCsvContext): RosterCsv {
  const maxRows = context.maxRows ?? maxRosterImportRows;
  const errors: RosterRowError[] = [];
  const fail = (message: string): RosterCsv => ({
    rows: [],
    rowCount: 0,
    errors: [{ line: 0, field: 'file', message }],
    columns: new Set(),
  });

  const { records, tooMany } = splitCsvRecords(text, maxRows + 1);
  if (tooMany) return fail(`The file has more than ${String(maxRows)} rows; import it in parts`);
  const [headerRecord, ...dataRecords] = records;
  if (headerRecord === undefined) return fail('The file is empty: it needs a header row');

  let header: string[];
  try {
    header = parseCsvRecord(headerRecord.text);
  } catch (error) {
    if (error instanceof CsvError) return fail(`The header row is not valid CSV: ${error.message}`);
    throw error;
  }

  const columnAt = new Map<RosterCsvColumn, number>();
  const headerErrors: RosterRowError[] = [];
  header.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    if (name === '') return;
    const column = headerAliases[name];
    if (column === undefined) {
      headerErrors.push({
        line: headerRecord.line,
        field: cell.trim(),
        message: `is not a roster column; the columns are ${rosterCsvColumns.join(', ')}`,
      });
    } else if (columnAt.has(column)) {
      headerErrors.push({
        line: headerRecord.line,
        field: column,
        message: 'appears twice in the header',
      });
    } else {
      columnAt.set(column, index);
    }
  });
  for (const column of requiredColumns) {
    if (!columnAt.has(column)) {
      headerErrors.push({ line: headerRecord.line, field: column, message: 'column is missing' });
    }
  }
  const columns = new Set(columnAt.keys());
  if (headerErrors.length > 0) {
    return { rows: [], rowCount: dataRecords.length, errors: headerErrors, columns };
  }

  const rows: RosterCsvRow[] = [];
  const firstLineOfUpn = new Map<string, number>();
  const firstLineOfObjectId = new Map<string, number>();
  for (const record of dataRecords) {
    const { line } = record;
    const rowErrors: RosterRowError[] = [];
    const error = (field: string, message: string): void => {
      rowErrors.push({ line, field, message });
    };
    let cells: string[];
    try {
      cells = parseCsvRecord(record.text);
    } catch (parseError) {
      if (!(parseError instanceof CsvError)) throw parseError;
      errors.push({
        line: line + parseError.line - 1,
        field: 'row',
        message: `is not valid CSV: ${parseError.message}`,
      });
      continue;
    }
    const extra = cells.slice(header.length).some((cell) => cell.trim() !== '');
    if (extra) error('row', `has more cells than the header's ${String(header.length)} columns`);
    const cell = (column: RosterCsvColumn): string => {
      const index = columnAt.get(column);
      return index === undefined ? '' : unguard(cells[index] ?? '').trim();
    };

    const upnText = cell('upn');
    const upnResult = upnSchema.safeParse(upnText);
    let upn: string | undefined;
    if (upnText === '') error('upn', 'is required');
    else if (!upnResult.success)
      error('upn', 'must be a user principal name such as name@example.com');
    else {
      upn = upnResult.data;
      const first = firstLineOfUpn.get(upn);
      if (first === undefined) firstLineOfUpn.set(upn, line);
      else error('upn', `appears again: ${upn} is already on line ${String(first)}`);
    }

    const displayName = cell('displayName');
    if (displayName === '') error('displayName', 'is required');
    else if (displayName.length > longestName) {
      error('displayName', `is longer than ${String(longestName)} characters`);
    }

    const resolve = (
      column: 'department' | 'jobFamily',
      references: readonly NamedReference[],
      what: string,
      plural: string,
    ): string | undefined => {
      const text = cell(column);
      if (text === '') {
        error(column, 'is required');
        return undefined;
      }
      const found = resolveReference(references, text);
      if (found === undefined) {
        error(
          column,
          `"${text}" is not a ${what} of this program (${plural}: ${listOf(references)})`,
        );
      }
      return found?.id;
    };
    const departmentId = resolve('department', context.departments, 'department', 'departments');
    const jobFamilyId = resolve('jobFamily', context.jobFamilies, 'job family', 'job families');

    const eligibleText = cell('eligible').toLowerCase();
    let eligible: boolean | undefined;
    if (truthy.has(eligibleText)) eligible = true;
    else if (falsy.has(eligibleText)) eligible = false;
    else if (eligibleText !== '')
      error('eligible', 'must be true or false (yes/no or 1/0 also work)');

    const roleText = cell('role').toLowerCase();
    const roleResult = roleSchema.safeParse(roleText);
    if (roleText !== '' && !roleResult.success) {
      error('role', 'must be member, lead, champion or admin');
    }

    const managerText = cell('manager');
    let managerUpn: string | undefined;
    if (managerText !== '') {
      const manager = upnSchema.safeParse(managerText);
      if (!manager.success)
        error('manager', 'must be the UPN of the manager, such as boss@example.com');
      else if (manager.data === upn) error('manager', 'cannot be the person themselves');
      else managerUpn = manager.data;
    }

    const objectIdText = cell('objectId').toLowerCase();
    let objectId: string | undefined;
    if (objectIdText !== '') {
      if (!objectIdPattern.test(objectIdText)) {
        error(
          'objectId',
          'must be an Entra object id, a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e',
        );
      } else {
        const first = firstLineOfObjectId.get(objectIdText);
        if (first === undefined) {
          firstLineOfObjectId.set(objectIdText, line);
          objectId = objectIdText;
        } else {
          error('objectId', `appears again: it is already on line ${String(first)}`);
        }
      }
    } else if (upn !== undefined && upn.length > longestPendingUpn) {
      error('objectId', `is needed for a UPN longer than ${String(longestPendingUpn)} characters`);
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    if (upn === undefined || departmentId === undefined || jobFamilyId === undefined) continue;
    rows.push({
      line,
      upn,
      displayName,
      departmentId,
      jobFamilyId,
      eligible,
      role: roleResult.success ? roleResult.data : undefined,
      managerUpn,
      objectId,
    });
  }
  return { rows, rowCount: dataRecords.length, errors, columns };
}
