import type { Identity } from '../contracts/identity.js';
import type { Person } from '../contracts/people.js';
import { demoPrompts, demoWorkflowTasks } from '../domain/demo-library.js';
import { buildDemoTenant, demoFixedPeople, demoTenantId } from '../domain/demo-tenant.js';
import { isAppError } from '../domain/errors.js';
import type { Caller } from './caller.js';
import type { PromptService } from './prompt-service.js';
import type { WorkflowService } from './workflow-service.js';

export interface DemoLibraryPorts {
  readonly prompts: Pick<PromptService, 'create' | 'rate'>;
  readonly workflows: Pick<WorkflowService, 'create'>;
  readonly marker: {
    has(tenantId: string, name: string): Promise<boolean>;
    set(tenantId: string, name: string, at: Date): Promise<void>;
  };
}

const markerName = 'demo-library';
const ratingConcurrency = 8;

/** A demo person as the services see a caller. */
export function demoCallerOf(person: Person): Caller {
  const roles: Identity['roles'] = person.role === 'member' ? ['member'] : ['member', person.role];
  return {
    identity: {
      tenantId: demoTenantId,
      userId: person.id,
      roles,
      upn: person.upn,
      displayName: person.displayName,
    },
    jobFamilyId: person.jobFamilyId,
    departmentId: person.departmentId,
  };
}

export async function skipExisting(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isAppError(error, 'conflict')) throw error;
  }
}

async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Seeds the demo firm's mapped workflows and prompt library through the same services as the API:
 * the champion maps and publishes, owners are the leads named in the data, and ratings come from
 * real people of the roster. Interrupted seeds finish on the next start (existing ids are kept and
 * ratings are one per person); a marker written last makes later starts skip it.
 */
export async function seedDemoLibrary(
  ports: DemoLibraryPorts,
  now: Date,
): Promise<{ seeded: boolean; prompts: number }> {
  if (await ports.marker.has(demoTenantId, markerName)) return { seeded: false, prompts: 0 };
  const roster = buildDemoTenant(now).people;
  const byUpn = new Map(roster.map((person) => [person.upn, person]));
  const champion = byUpn.get(demoFixedPeople.champion.upn);
  if (champion === undefined) throw new Error('The demo roster has no champion');
  const curator = demoCallerOf(champion);

  for (const { id, ...content } of demoWorkflowTasks) {
    await skipExisting(() => ports.workflows.create(curator.identity, content, { id }));
  }

  const ratings: {
    readonly promptId: string;
    readonly rater: Person;
    readonly value: 'up' | 'down';
  }[] = [];
  for (const { id, ownerUpn, status, ratings: counts, ...content } of demoPrompts) {
    const owner = byUpn.get(ownerUpn);
    if (owner === undefined)
      throw new Error(`Demo prompt ${id} names an owner not on the roster: ${ownerUpn}`);
    // Proposals and drafts are the owner's own; published and retired ones went through review.
    const author = status === 'draft' || status === 'in-review' ? demoCallerOf(owner) : curator;
    await skipExisting(() =>
      ports.prompts.create(
        author,
        { ...content, submit: status !== 'draft', ownerId: owner.id },
        { id, status, ownerName: owner.displayName },
      ),
    );
    if (counts !== undefined && status === 'published') {
      // Raters are people of the prompt's job families, taken in roster order, skipping the owner.
      const raters = roster.filter(
        (person) => person.id !== owner.id && content.jobFamilyIds.includes(person.jobFamilyId),
      );
      raters.slice(0, counts.up + counts.down).forEach((rater, index) => {
        ratings.push({ promptId: id, rater, value: index < counts.up ? 'up' : 'down' });
      });
    }
  }
  await inParallel(ratings, ratingConcurrency, async ({ promptId, rater, value }) => {
    await ports.prompts.rate(demoCallerOf(rater), promptId, value);
  });

  await ports.marker.set(demoTenantId, markerName, now);
  return { seeded: true, prompts: demoPrompts.length };
}
