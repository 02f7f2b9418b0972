import type { Role } from '../contracts/identity.js';
import { type Person, upnSchema } from '../contracts/people.js';
import type { Department, JobFamily } from '../contracts/program.js';
import {
  maxRosterReportErrors,
  type RosterImportReport,
  type RosterMember,
  type RosterRowChange,
  type RosterSkipReason,
  type RosterSyncReport,
} from '../contracts/roster.js';
import { AppError, isAppError } from '../domain/errors.js';
import { hasAnyRole } from '../domain/roles.js';
import {
  isPendingPersonId,
  type NamedReference,
  parseRosterCsv,
  pendingPersonId,
  resolveReference,
} from '../domain/roster-csv.js';
import type { Caller } from './caller.js';

interface StoredPerson {
  readonly value: Person;
  readonly etag: string;
}

export interface RosterPorts {
  readonly people: {
    listByUpns(tenantId: string, upns: readonly string[]): Promise<StoredPerson[]>;
    listByIds(tenantId: string, ids: readonly string[]): Promise<StoredPerson[]>;
    createMany(people: readonly Person[]): Promise<{ created: number; existing: number }>;
    replaceMany(
      entries: readonly { readonly document: Person; readonly etag: string }[],
    ): Promise<readonly { readonly ok: boolean }[]>;
    delete(tenantId: string, id: string, etag?: string): Promise<void>;
  };
  readonly program: {
    listDepartments(tenantId: string): Promise<Department[]>;
    listJobFamilies(tenantId: string): Promise<JobFamily[]>;
  };
  /** The eligible headcount per department, refreshed after every roster change. */
  readonly counts: { refresh(tenantId: string): Promise<unknown> };
}

export interface RosterOptions {
  readonly now: () => Date;
  readonly maxRows?: number;
}

/** What `sync roster` puts new people in; resolved before the team's members are read. */
export interface SyncTarget {
  readonly department?: NamedReference | undefined;
  readonly jobFamily?: NamedReference | undefined;
  /** The program's department and job family names, for a reply that asks for one. */
  readonly departmentNames: readonly string[];
  readonly jobFamilyNames: readonly string[];
}

/** A team holds at most 25,000 members; more than this is not a team Teams serves. */
export const maxSyncMembers = 30_000;
const longestName = 200;

/** The fields an import or sync compares, with the column name a report uses for each. */
const comparedFields: readonly (readonly [keyof Person, string])[] = [
  ['id', 'objectId'],
  ['upn', 'upn'],
  ['displayName', 'displayName'],
  ['departmentId', 'department'],
  ['jobFamilyId', 'jobFamily'],
  ['eligible', 'eligible'],
  ['role', 'role'],
  ['managerUpn', 'manager'],
];

function changedFields(before: Person | undefined, after: Person): string[] {
  if (before === undefined) return [];
  return comparedFields
    .filter(([field]) => before[field] !== after[field])
    .map(([, column]) => column);
}

/** One person's write: a new document, or a replacement of `base`, retiring a pending entry. */
interface PlannedWrite {
  readonly next: Person;
  readonly base: StoredPerson | undefined;
  /** A pending (UPN-only) entry this person's object id now replaces. */
  readonly retire: StoredPerson | undefined;
}

interface WriteOutcome {
  readonly written: number;
  /** Creates that found the id taken, replaces and retirements that lost an ETag race. */
  readonly lost: readonly PlannedWrite[];
  readonly createdExisting: number;
}

function byKey(entries: readonly StoredPerson[], key: (person: Person) => string) {
  return new Map(entries.map((entry) => [key(entry.value), entry]));
}

/**
 * The roster's write paths: a CSV import checked as a whole before anything is written, the bot's
 * sync of a team's members, and the claim that gives a UPN-only entry its Entra object id.
 */
export class RosterService {
  constructor(
    private readonly ports: RosterPorts,
    private readonly options: RosterOptions,
  ) {}

  /**
   * Checks a roster CSV against the program and the stored roster; with no errors and not
   * `dryRun`, writes it. Any error means nothing is written: the report says what to fix.
   */
  async importCsv(
    caller: Caller,
    text: string,
    request: { readonly dryRun: boolean },
  ): Promise<RosterImportReport> {
    const { identity } = caller;
    requireRole(identity.roles, ['admin'], 'Only admins import the roster');
    const { tenantId } = identity;
    const [departments, jobFamilies] = await Promise.all([
      this.ports.program.listDepartments(tenantId),
      this.ports.program.listJobFamilies(tenantId),
    ]);
    const csv = parseRosterCsv(text, {
      departments,
      jobFamilies,
      ...(this.options.maxRows === undefined ? {} : { maxRows: this.options.maxRows }),
    });
    const errors = [...csv.errors];
    const upns = csv.rows.map((row) => row.upn);
    const objectIds = csv.rows.flatMap((row) => (row.objectId === undefined ? [] : [row.objectId]));
    const [sameUpns, sameIds] = await Promise.all([
      upns.length === 0 ? [] : this.ports.people.listByUpns(tenantId, upns),
      objectIds.length === 0 ? [] : this.ports.people.listByIds(tenantId, objectIds),
    ]);
    const storedByUpn = byKey(sameUpns, (person) => person.upn);
    const storedById = byKey([...sameUpns, ...sameIds], (person) => person.id);
    const timestamp = this.options.now().toISOString();

    const writes: PlannedWrite[] = [];
    const changes: RosterRowChange[] = [];
    const lineOfPerson = new Map<string, number>();
    let unchanged = 0;
    for (const row of csv.rows) {
      const error = (field: string, message: string): void => {
        errors.push({ line: row.line, field, message });
      };
      const sameUpn = storedByUpn.get(row.upn);
      const sameId = row.objectId === undefined ? undefined : storedById.get(row.objectId);
      let base: StoredPerson | undefined;
      let retire: StoredPerson | undefined;
      if (row.objectId === undefined) {
        base = sameUpn;
      } else if (sameId !== undefined) {
        base = sameId;
        if (sameUpn !== undefined && sameUpn.value.id !== sameId.value.id) {
          if (isPendingPersonId(sameUpn.value.id)) retire = sameUpn;
          else {
            error('upn', `already belongs to another person on the roster (${sameUpn.value.id})`);
            continue;
          }
        }
      } else if (sameUpn !== undefined) {
        if (isPendingPersonId(sameUpn.value.id)) {
          base = sameUpn;
          retire = sameUpn;
        } else {
          error(
            'objectId',
            `does not match the object id the roster has for ${row.upn} (${sameUpn.value.id})`,
          );
          continue;
        }
      }
      const previous = base?.value;
      const id = row.objectId ?? previous?.id ?? pendingPersonId(row.upn);
      for (const touched of [base?.value.id, retire?.value.id, id]) {
        if (touched === undefined) continue;
        const first = lineOfPerson.get(touched);
        if (first !== undefined && first !== row.line) {
          error('row', `describes the same person as line ${String(first)}`);
        }
        lineOfPerson.set(touched, row.line);
      }
      const role: Role = row.role ?? previous?.role ?? 'member';
      const managerUpn = csv.columns.has('manager') ? row.managerUpn : previous?.managerUpn;
      const next: Person = {
        id,
        tenantId,
        type: 'person',
        upn: row.upn,
        displayName: row.displayName,
        departmentId: row.departmentId,
        jobFamilyId: row.jobFamilyId,
        role,
        eligible: row.eligible ?? previous?.eligible ?? true,
        ...(managerUpn === undefined ? {} : { managerUpn }),
        createdAt: previous?.createdAt ?? timestamp,
        updatedAt: timestamp,
      };
      const isCaller =
        previous !== undefined &&
        (previous.id === identity.userId ||
          (identity.upn !== undefined && previous.upn === identity.upn));
      if (isCaller && previous.role === 'admin' && role !== 'admin') {
        error('role', 'would take away your own admin role; another admin must change it');
        continue;
      }
      const fields = changedFields(previous, next);
      if (previous !== undefined && fields.length === 0 && retire === undefined) {
        unchanged += 1;
        continue;
      }
      writes.push({ next, base: base?.value.id === id ? base : undefined, retire });
      changes.push({
        line: row.line,
        upn: row.upn,
        outcome: previous === undefined ? 'created' : 'updated',
        fields:
          retire !== undefined && !fields.includes('objectId') ? ['objectId', ...fields] : fields,
      });
    }

    errors.sort((a, b) => a.line - b.line);
    const created = changes.filter((change) => change.outcome === 'created').length;
    const report: RosterImportReport = {
      dryRun: request.dryRun,
      rows: csv.rowCount,
      created,
      updated: changes.length - created,
      unchanged,
      errors: errors.slice(0, maxRosterReportErrors),
      errorCount: errors.length,
      changes: errors.length === 0 ? changes : [],
    };
    if (errors.length > 0 || request.dryRun || writes.length === 0) return report;

    const outcome = await this.write(tenantId, writes);
    if (outcome.lost.length > 0 || outcome.createdExisting > 0) {
      throw new AppError(
        'conflict',
        'The roster changed while this import ran, so some rows were not written. Check the file again and import it again: rows already written will show as unchanged.',
      );
    }
    return report;
  }

  /**
   * Checks that the caller may sync a team and resolves the department and job family that new
   * people join. Without a job family named, a program with exactly one uses it.
   */
  async syncTarget(
    caller: Caller,
    request: { readonly department?: string | undefined; readonly jobFamily?: string | undefined },
  ): Promise<SyncTarget> {
    const { identity } = caller;
    requireRole(
      identity.roles,
      ['admin', 'champion'],
      'Only admins and AI champions sync the roster.',
    );
    const [departments, jobFamilies] = await Promise.all([
      this.ports.program.listDepartments(identity.tenantId),
      this.ports.program.listJobFamilies(identity.tenantId),
    ]);
    const department = resolveNamed(departments, request.department, 'department', 'Departments');
    const jobFamily =
      request.jobFamily === undefined || request.jobFamily.trim() === ''
        ? jobFamilies.length === 1
          ? jobFamilies[0]
          : undefined
        : resolveNamed(jobFamilies, request.jobFamily, 'job family', 'Job families');
    return {
      departmentNames: departments.map((item) => item.name),
      jobFamilyNames: jobFamilies.map((item) => item.name),
      ...(department === undefined
        ? {}
        : { department: { id: department.id, name: department.name } }),
      ...(jobFamily === undefined ? {} : { jobFamily: { id: jobFamily.id, name: jobFamily.name } }),
    };
  }

  /**
   * Brings a team's members onto the roster: people not on it are added (member, eligible) in the
   * target's department and job family; people on it get their Teams name and UPN. Nobody is ever
   * removed: leaving a team is not leaving the organisation.
   */
  async syncMembers(
    caller: Caller,
    members: readonly RosterMember[],
    target: SyncTarget,
  ): Promise<RosterSyncReport> {
    const { identity } = caller;
    requireRole(
      identity.roles,
      ['admin', 'champion'],
      'Only admins and AI champions sync the roster.',
    );
    if (members.length > maxSyncMembers) {
      throw new AppError('invalid', `A sync takes at most ${String(maxSyncMembers)} members`);
    }
    const { tenantId } = identity;
    const skipped: RosterSyncReport['skipped'] = [];
    const skip = (member: RosterMember, reason: RosterSkipReason): void => {
      const name = cleanName(member.displayName) ?? member.upn ?? 'Someone';
      skipped.push({ name, ...(member.upn === undefined ? {} : { upn: member.upn }), reason });
    };

    const unique = new Map<string, RosterMember & { readonly upn: string | undefined }>();
    for (const member of members) {
      const objectId = member.objectId.trim().toLowerCase();
      if (objectId === '' || objectId.length > 128 || /[/\\?#]/u.test(objectId)) {
        skip(member, 'no-object-id');
        continue;
      }
      const upn = upnSchema.safeParse(member.upn ?? '');
      unique.set(objectId, { ...member, objectId, upn: upn.success ? upn.data : undefined });
    }
    const candidates = [...unique.values()];
    const ids = candidates.map((member) => member.objectId);
    const upns = candidates.flatMap((member) => (member.upn === undefined ? [] : [member.upn]));
    const [sameIds, sameUpns] = await Promise.all([
      ids.length === 0 ? [] : this.ports.people.listByIds(tenantId, ids),
      upns.length === 0 ? [] : this.ports.people.listByUpns(tenantId, upns),
    ]);
    const storedById = byKey(sameIds, (person) => person.id);
    const storedByUpn = byKey(sameUpns, (person) => person.upn);
    const timestamp = this.options.now().toISOString();

    const writes: (PlannedWrite & { readonly member: RosterMember })[] = [];
    let unchanged = 0;
    for (const member of candidates) {
      if (member.guest) {
        skip(member, 'guest');
        continue;
      }
      const name = cleanName(member.displayName);
      const sameId = storedById.get(member.objectId);
      const sameUpn = member.upn === undefined ? undefined : storedByUpn.get(member.upn);
      if (sameId !== undefined) {
        const upnFree =
          member.upn !== undefined &&
          (sameUpn === undefined ||
            sameUpn.value.id === sameId.value.id ||
            isPendingPersonId(sameUpn.value.id));
        const next: Person = {
          ...sameId.value,
          displayName: name ?? sameId.value.displayName,
          upn: upnFree && member.upn !== undefined ? member.upn : sameId.value.upn,
          updatedAt: timestamp,
        };
        const retire =
          sameUpn !== undefined && isPendingPersonId(sameUpn.value.id) ? sameUpn : undefined;
        if (changedFields(sameId.value, next).length === 0 && retire === undefined) {
          unchanged += 1;
          continue;
        }
        writes.push({ member, next, base: sameId, retire });
        continue;
      }
      if (sameUpn !== undefined) {
        if (!isPendingPersonId(sameUpn.value.id)) {
          skip(member, 'upn-taken');
          continue;
        }
        const next: Person = {
          ...sameUpn.value,
          id: member.objectId,
          displayName: name ?? sameUpn.value.displayName,
          updatedAt: timestamp,
        };
        writes.push({ member, next, base: undefined, retire: sameUpn });
        continue;
      }
      if (member.upn === undefined) {
        skip(member, 'no-upn');
        continue;
      }
      if (target.department === undefined) {
        skip(member, 'needs-department');
        continue;
      }
      if (target.jobFamily === undefined) {
        skip(member, 'needs-job-family');
        continue;
      }
      writes.push({
        member,
        base: undefined,
        retire: undefined,
        next: {
          id: member.objectId,
          tenantId,
          type: 'person',
          upn: member.upn,
          displayName: name ?? member.upn,
          departmentId: target.department.id,
          jobFamilyId: target.jobFamily.id,
          role: 'member',
          eligible: true,
          createdAt: timestamp,
          updatedAt: timestamp,
        },
      });
    }

    const outcome = await this.write(tenantId, writes);
    const lost = new Set(outcome.lost);
    for (const write of writes) if (lost.has(write)) skip(write.member, 'changed-meanwhile');
    const kept = writes.filter((write) => !lost.has(write));
    // A create that found its id taken means someone else added that person meanwhile.
    const added =
      kept.filter((write) => write.base === undefined && write.retire === undefined).length -
      outcome.createdExisting;
    return {
      members: members.length,
      added,
      updated: kept.length - added - outcome.createdExisting,
      unchanged: unchanged + outcome.createdExisting,
      skipped,
      ...(target.department === undefined ? {} : { department: target.department }),
      ...(target.jobFamily === undefined ? {} : { jobFamily: target.jobFamily }),
    };
  }

  /**
   * Gives a pending (UPN-only) roster entry the Entra object id of the person who just signed in
   * with that UPN, so their sign-ins, bot chats and the roster agree on one id. Only pending
   * entries are matched by UPN: once an entry has an object id, only that id names it.
   */
  async claimPending(tenantId: string, objectId: string, upn: string): Promise<Person | undefined> {
    const parsed = upnSchema.safeParse(upn);
    if (!parsed.success) return undefined;
    const pending = (await this.ports.people.listByUpns(tenantId, [parsed.data])).find((entry) =>
      isPendingPersonId(entry.value.id),
    );
    if (pending === undefined) return undefined;
    const next: Person = {
      ...pending.value,
      id: objectId,
      updatedAt: this.options.now().toISOString(),
    };
    const { existing } = await this.ports.people.createMany([next]);
    const claimed =
      existing > 0 ? (await this.ports.people.listByIds(tenantId, [objectId]))[0]?.value : next;
    await this.ports.people.delete(tenantId, pending.value.id, pending.etag).catch(ignoreLostRace);
    return claimed;
  }

  /**
   * Creates new people first, then replaces changed ones, then retires pending entries whose
   * person now has an object id, so nobody is ever missing from the roster in between. Not
   * atomic (the store has no transactions across documents): every write is checked, and the
   * headcounts are refreshed whatever happened.
   */
  private async write(tenantId: string, writes: readonly PlannedWrite[]): Promise<WriteOutcome> {
    if (writes.length === 0) return { written: 0, lost: [], createdExisting: 0 };
    const lost: PlannedWrite[] = [];
    let written = 0;
    let createdExisting = 0;
    try {
      const creates = writes.filter((write) => write.base === undefined);
      if (creates.length > 0) {
        const result = await this.ports.people.createMany(creates.map((write) => write.next));
        written += result.created;
        createdExisting = result.existing;
      }
      const replaces = writes.filter((write) => write.base !== undefined);
      if (replaces.length > 0) {
        const results = await this.ports.people.replaceMany(
          replaces.map((write) => ({ document: write.next, etag: write.base?.etag ?? '' })),
        );
        results.forEach((result, index) => {
          const write = replaces[index];
          if (write === undefined) return;
          if (result.ok) written += 1;
          else lost.push(write);
        });
      }
      for (const write of writes) {
        if (write.retire === undefined || lost.includes(write)) continue;
        await this.ports.people
          .delete(tenantId, write.retire.value.id, write.retire.etag)
          .catch(ignoreLostRace);
      }
    } finally {
      if (written > 0) await this.ports.counts.refresh(tenantId);
    }
    return { written, lost, createdExisting };
  }
}

function requireRole(held: readonly Role[], allowed: readonly Role[], message: string): void {
  if (!hasAnyRole(held, allowed)) throw new AppError('forbidden', message);
}

/** A pending entry that was changed or removed meanwhile is someone else's newer write. */
function ignoreLostRace(error: unknown): void {
  if (isAppError(error, 'precondition-failed') || isAppError(error, 'not-found')) return;
  throw error;
}

function cleanName(name: string | undefined): string | undefined {
  const trimmed = name?.trim().slice(0, longestName);
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function resolveNamed(
  references: readonly NamedReference[],
  text: string | undefined,
  what: string,
  plural: string,
): NamedReference | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const found = resolveReference(references, text);
  if (found !== undefined) return found;
  const names = references.map((reference) => reference.name).join(', ');
  throw new AppError(
    'invalid',
    `There is no ${what} called "${text.trim()}". ${plural}: ${names}.`,
    {
      fieldErrors: [{ field: what, message: `"${text.trim()}" is not a ${what} of this program` }],
    },
  );
}
