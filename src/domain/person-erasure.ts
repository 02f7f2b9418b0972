import { erasedDisplayName } from '../contracts/data-rights.js';

/** A stored document as raw JSON, system properties (`_etag`) included. */
export type StoredJson = Readonly<Record<string, unknown>>;

/** A document with where it lives: what the erasure reads, and what it deletes or rewrites. */
export interface LocatedDocument {
  readonly container: string;
  readonly partitionKey: string;
  readonly document: StoredJson;
}

/** The person being erased, as far as the roster knows them. */
export interface ErasureSubject {
  readonly tenantId: string;
  readonly userId: string;
  readonly upn?: string | undefined;
  readonly displayName?: string | undefined;
  /** What the kept records name instead: `erased:<random>`, linked to nobody. */
  readonly placeholderId: string;
}

/**
 * The person's own records, deleted whole, with the field that names them. Ratings are opinions,
 * so they go too; the prompt keeps its up and down counts, which name nobody.
 */
const personalRecords: Readonly<Record<string, string>> = {
  person: 'id',
  usageEvent: 'userId',
  activeMarker: 'userId',
  pulseAnswer: 'userId',
  practiceAttendance: 'userId',
  lessonCompletion: 'userId',
  learnerStats: 'userId',
  learnerProfile: 'userId',
  conversationReference: 'userId',
  promptRating: 'userId',
  delivery: 'recipient.userId',
};

/** A field of a shared record that holds a person's id, and the name field that goes with it. */
interface PersonField {
  readonly id: string;
  readonly name?: string;
}

/**
 * The organisation's records, kept with the person replaced by the placeholder: the library, the
 * curriculum, the feedback loop and the audit trail stay whole when someone leaves.
 */
const sharedRecords: Readonly<Record<string, readonly PersonField[]>> = {
  prompt: [{ id: 'ownerId', name: 'ownerName' }, { id: 'createdBy' }, { id: 'updatedBy' }],
  promptVersion: [{ id: 'editedBy', name: 'editedByName' }],
  flag: [
    { id: 'flaggedBy', name: 'flaggedByName' },
    { id: 'reviewerId', name: 'reviewerName' },
    { id: 'resolvedBy' },
  ],
  improvement: [{ id: 'suggestedBy', name: 'suggestedByName' }],
  lesson: [{ id: 'createdBy' }, { id: 'updatedBy' }],
  workflowTask: [{ id: 'createdBy' }, { id: 'updatedBy' }],
  curriculumSchedule: [{ id: 'updatedBy' }],
  practiceSession: [{ id: 'startedBy', name: 'startedByName' }],
  practiceSchedule: [{ id: 'createdBy' }],
  apiKey: [{ id: 'createdBy' }],
  auditEntry: [{ id: 'actorId', name: 'actorName' }, { id: 'targetId' }],
};

/**
 * Every field, as a JSON path, that can hold a person's id: what the store is searched by. The
 * roster's `managerUpn` (by UPN), the department rosters' `leads` and a flag's `outputAuthor` (by
 * name) are searched separately.
 */
export const personIdFields: readonly string[] = [
  ...new Set([
    ...Object.values(personalRecords).filter((field) => field !== 'id'),
    ...Object.values(sharedRecords).flatMap((fields) => fields.map((field) => field.id)),
  ]),
].sort();

export type ErasureDecision =
  | { readonly action: 'delete' }
  | { readonly action: 'scrub'; readonly document: Record<string, unknown> }
  | { readonly action: 'keep' };

function valueAt(document: StoredJson, path: string): unknown {
  let value: unknown = document;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function sameText(a: unknown, b: string | undefined): boolean {
  return typeof a === 'string' && b !== undefined && a.trim().toLowerCase() === b.toLowerCase();
}

/** What becomes of one document that names the person: deleted, rewritten, or left as it is. */
export function decideErasure(document: StoredJson, subject: ErasureSubject): ErasureDecision {
  const type = typeof document['type'] === 'string' ? document['type'] : '';
  const personal = personalRecords[type];
  if (personal !== undefined && valueAt(document, personal) === subject.userId) {
    return { action: 'delete' };
  }
  const copy: Record<string, unknown> = { ...document };
  let changed = false;
  for (const field of sharedRecords[type] ?? []) {
    if (copy[field.id] !== subject.userId) continue;
    copy[field.id] = subject.placeholderId;
    if (field.name !== undefined && copy[field.name] !== undefined) {
      copy[field.name] = erasedDisplayName;
    }
    changed = true;
  }
  if (type === 'person' && sameText(copy['managerUpn'], subject.upn)) {
    // A made-up UPN would point at nobody; no manager is what the roster now knows.
    delete copy['managerUpn'];
    changed = true;
  }
  if (type === 'flag' && sameText(copy['outputAuthor'], subject.displayName)) {
    copy['outputAuthor'] = erasedDisplayName;
    changed = true;
  }
  if (type === 'departmentRoster' && Array.isArray(copy['leads'])) {
    // A lead who is gone is not whom a coaching nudge should go to.
    const leads = (copy['leads'] as unknown[]).filter(
      (lead) => valueAt(lead as StoredJson, 'id') !== subject.userId,
    );
    if (leads.length !== (copy['leads'] as unknown[]).length) {
      copy['leads'] = leads;
      changed = true;
    }
  }
  return changed ? { action: 'scrub', document: copy } : { action: 'keep' };
}

export interface ErasurePlan {
  /** The person's own records, the roster entry and the weekly markers excepted. */
  readonly deletes: readonly LocatedDocument[];
  /** Weekly active markers: removed together with a count that keeps the recompute honest. */
  readonly markers: readonly LocatedDocument[];
  readonly scrubs: readonly { readonly target: LocatedDocument; readonly document: StoredJson }[];
  /** The roster entry, removed last, so an interrupted erasure can still be found and rerun. */
  readonly person: LocatedDocument | undefined;
  /** Documents that still name the person after the plan: free text, or a kind not known here. */
  readonly stillNaming: readonly LocatedDocument[];
}

/** Whether any text of the document holds the person's id, UPN or name. */
export function namesSubject(document: StoredJson, subject: ErasureSubject): boolean {
  const text = JSON.stringify(document).toLowerCase();
  return [subject.userId, subject.upn, subject.displayName].some(
    (needle) => needle !== undefined && needle !== '' && text.includes(needle.toLowerCase()),
  );
}

/** Sorts what the search found into deletes, markers, rewrites and the roster entry. */
export function planErasure(
  found: readonly LocatedDocument[],
  subject: ErasureSubject,
): ErasurePlan {
  const deletes: LocatedDocument[] = [];
  const markers: LocatedDocument[] = [];
  const scrubs: { target: LocatedDocument; document: StoredJson }[] = [];
  const stillNaming: LocatedDocument[] = [];
  let person: LocatedDocument | undefined;
  for (const located of found) {
    const decision = decideErasure(located.document, subject);
    const type = located.document['type'];
    if (decision.action === 'delete') {
      if (type === 'person') person = located;
      else if (type === 'activeMarker') markers.push(located);
      else deletes.push(located);
      continue;
    }
    const kept = decision.action === 'scrub' ? decision.document : located.document;
    if (decision.action === 'scrub') scrubs.push({ target: located, document: kept });
    if (namesSubject(kept, subject)) stillNaming.push(located);
  }
  return { deletes, markers, scrubs, person, stillNaming };
}

/** The plan's documents by type: what an erasure (or its dry run) reports. */
export function countByType(documents: readonly StoredJson[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const document of documents) {
    const type = typeof document['type'] === 'string' ? document['type'] : 'unknown';
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}
