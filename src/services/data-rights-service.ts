import {
  erasedDisplayName,
  erasedIdPrefix,
  type ErasureReport,
  type ErasureRequest,
  type OffboardingReport,
  type OffboardingRequest,
} from '../contracts/data-rights.js';
import type { Person } from '../contracts/people.js';
import { AppError } from '../domain/errors.js';
import {
  countByType,
  type ErasurePlan,
  type ErasureSubject,
  type LocatedDocument,
  planErasure,
  type StoredJson,
} from '../domain/person-erasure.js';
import { hasAnyRole } from '../domain/roles.js';
import type { Caller } from './caller.js';

export interface DataRightsPorts {
  readonly people: {
    findById(tenantId: string, id: string): Promise<{ readonly value: Person } | undefined>;
    findByUpn(tenantId: string, upn: string): Promise<{ readonly value: Person } | undefined>;
  };
  readonly records: {
    findReferences(subject: ErasureSubject): Promise<LocatedDocument[]>;
    applyErasure(
      subject: ErasureSubject,
      plan: ErasurePlan,
    ): Promise<{
      readonly deleted: readonly StoredJson[];
      readonly scrubbed: readonly StoredJson[];
      readonly conflicts: number;
    }>;
    deleteTenant(tenantId: string): Promise<Record<string, number>>;
  };
  /** Tells other instances' search indexes that prompts changed (their owners were scrubbed). */
  readonly library: { bumpRevision(tenantId: string): Promise<number> };
  /** Drops what this instance holds in memory about a tenant: search index, roster snapshots. */
  readonly caches: { forgetTenant(tenantId: string): void };
}

export interface DataRightsOptions {
  /** A random id for the placeholder, so kept records link to nobody. */
  readonly newId: () => string;
}

/** Offboarding either ran, or was refused because the confirmation did not match. */
export type OffboardingOutcome =
  | { readonly done: true; readonly report: OffboardingReport }
  | { readonly done: false; readonly field: 'confirmTenantId'; readonly message: string };

/** Passes of search-then-write before an erasure gives up on records that keep changing. */
const maxPasses = 3;
const listedMentions = 20;

const standingNotes = [
  'Free text (prompt bodies, flag text and notes, improvement details, lesson content, notice ' +
    'text) is kept as written: it is not searched, so it may still name the person.',
  'Department rollups and counters are kept: they count people and name nobody. Department ' +
    'headcounts follow the roster at its next change, as when anyone leaves.',
];

function isEmpty(plan: ErasurePlan): boolean {
  return (
    plan.deletes.length === 0 &&
    plan.markers.length === 0 &&
    plan.scrubs.length === 0 &&
    plan.person === undefined
  );
}

function plannedDeletes(plan: ErasurePlan): StoredJson[] {
  return [
    ...plan.deletes,
    ...plan.markers,
    ...(plan.person === undefined ? [] : [plan.person]),
  ].map((located) => located.document);
}

function totalOf(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

function mentionNote(plan: ErasurePlan): string[] {
  if (plan.stillNaming.length === 0) return [];
  const listed = plan.stillNaming
    .slice(0, listedMentions)
    .map(({ document }) => `${String(document['type'])} ${String(document['id'])}`);
  return [
    `${String(plan.stillNaming.length)} kept record(s) still name the person in their text; ` +
      `review them by hand: ${listed.join(', ')}`,
  ];
}

/**
 * Data rights for admins: erase one person's data on request (their own records deleted, shared
 * records kept with a placeholder in their place), and offboard a whole tenant.
 */
export class DataRightsService {
  constructor(
    private readonly ports: DataRightsPorts,
    private readonly options: DataRightsOptions,
  ) {}

  async erase(
    caller: Caller,
    request: ErasureRequest,
    options: { readonly dryRun: boolean },
  ): Promise<ErasureReport> {
    const tenantId = adminTenantOf(caller);
    const subject = await this.subjectOf(tenantId, request);
    const placeholder = { userId: subject.placeholderId, displayName: erasedDisplayName };
    const onRoster = subject.upn !== undefined;
    let plan = planErasure(await this.ports.records.findReferences(subject), subject);

    if (options.dryRun) {
      const deleted = countByType(plannedDeletes(plan));
      const scrubbed = countByType(plan.scrubs.map(({ target }) => target.document));
      return {
        dryRun: true,
        onRoster,
        placeholder,
        deleted,
        scrubbed,
        totals: { deleted: totalOf(deleted), scrubbed: totalOf(scrubbed) },
        notes: ['Dry run: nothing was changed.', ...standingNotes, ...mentionNote(plan)],
      };
    }

    const deleted: StoredJson[] = [];
    const scrubbed: StoredJson[] = [];
    // Each pass searches again: records written or changed meanwhile are caught by the next one.
    for (let pass = 1; !isEmpty(plan); pass += 1) {
      if (pass > maxPasses) {
        throw new AppError(
          'conflict',
          'Some records kept changing during the erasure; run it again (what was done stays done)',
        );
      }
      const outcome = await this.ports.records.applyErasure(subject, plan);
      deleted.push(...outcome.deleted);
      scrubbed.push(...outcome.scrubbed);
      plan = planErasure(await this.ports.records.findReferences(subject), subject);
    }
    if (scrubbed.some((document) => document['type'] === 'prompt')) {
      await this.ports.library.bumpRevision(tenantId);
    }
    this.ports.caches.forgetTenant(tenantId);
    const deletedCounts = countByType(deleted);
    const scrubbedCounts = countByType(scrubbed);
    return {
      dryRun: false,
      onRoster,
      placeholder,
      deleted: deletedCounts,
      scrubbed: scrubbedCounts,
      totals: { deleted: totalOf(deletedCounts), scrubbed: totalOf(scrubbedCounts) },
      notes: [...standingNotes, ...mentionNote(plan)],
    };
  }

  /** Deletes every document of the caller's tenant, once they confirm it by its id. */
  async offboard(caller: Caller, request: OffboardingRequest): Promise<OffboardingOutcome> {
    const tenantId = adminTenantOf(caller);
    if (request.confirmTenantId !== tenantId) {
      return {
        done: false,
        field: 'confirmTenantId',
        message: 'must be the id of your own tenant, the one being offboarded',
      };
    }
    const deleted = await this.ports.records.deleteTenant(tenantId);
    this.ports.caches.forgetTenant(tenantId);
    return { done: true, report: { tenantId, deleted, total: totalOf(deleted) } };
  }

  private async subjectOf(tenantId: string, request: ErasureRequest): Promise<ErasureSubject> {
    const placeholderId = `${erasedIdPrefix}${this.options.newId()}`;
    if (request.upn !== undefined) {
      const person = (await this.ports.people.findByUpn(tenantId, request.upn))?.value;
      if (person === undefined) {
        throw new AppError('not-found', 'Nobody on the roster has that UPN', {
          fieldErrors: [{ field: 'upn', message: 'is not on the roster; give their userId' }],
        });
      }
      return { tenantId, userId: person.id, ...namesOf(person), placeholderId };
    }
    const userId = request.userId ?? '';
    const person = (await this.ports.people.findById(tenantId, userId))?.value;
    // Someone never on the roster (or erased before) may still be named by id in records.
    return {
      tenantId,
      userId,
      ...(person === undefined ? {} : namesOf(person)),
      placeholderId,
    };
  }
}

function namesOf(person: Person): { upn: string; displayName: string } {
  return { upn: person.upn, displayName: person.displayName };
}

function adminTenantOf(caller: Caller): string {
  if (!hasAnyRole(caller.identity.roles, ['admin'])) {
    throw new AppError('forbidden', 'Data rights requests are for admins');
  }
  return caller.identity.tenantId;
}
