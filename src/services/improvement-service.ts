import {
  improvementStatusSchema,
  type CreateImprovementRequest,
  type Improvement,
  type ImprovementCounts,
  type ImprovementList,
  type ImprovementStatus,
  type ImprovementView,
} from '../contracts/feedback.js';
import type { Identity } from '../contracts/identity.js';
import { AppError } from '../domain/errors.js';
import { hasAnyRole } from '../domain/roles.js';
import type { Caller } from './caller.js';

interface Stored<T> {
  readonly value: T;
  readonly etag: string;
}

export interface ImprovementPorts {
  readonly feedback: {
    findImprovement(tenantId: string, id: string): Promise<Stored<Improvement> | undefined>;
    createImprovementIfAbsent(improvement: Improvement): Promise<{ created: boolean }>;
    replaceImprovement(improvement: Improvement, etag: string): Promise<Stored<Improvement>>;
    listImprovements(tenantId: string): Promise<Stored<Improvement>[]>;
  };
}

const curators = ['champion', 'admin'] as const;

function view({ value, etag }: Stored<Improvement>): ImprovementView {
  const { tenantId: _tenant, type: _type, ...rest } = value;
  return { ...rest, etag };
}

function countsOf(improvements: readonly Improvement[]): ImprovementCounts {
  const byStatus = Object.fromEntries(
    improvementStatusSchema.options.map((status) => [status, 0]),
  ) as Record<ImprovementStatus, number>;
  for (const improvement of improvements) byStatus[improvement.status] += 1;
  return {
    suggested: improvements.length,
    pushedToVendor: byStatus['pushed-to-vendor'],
    byStatus,
  };
}

/**
 * Workflow improvements people suggest (`suggest` in the bot, or the tab): everyone in the tenant
 * sees them; champions and admins move them through new → planned → done, pushed to the vendor,
 * or declined. The counts feed the scoreboard.
 */
export class ImprovementService {
  constructor(
    private readonly ports: ImprovementPorts,
    private readonly options: { readonly now: () => Date; readonly newId: () => string },
  ) {}

  async suggest(
    caller: Caller,
    request: CreateImprovementRequest,
    options: { readonly sourceEventId?: string | undefined } = {},
  ): Promise<ImprovementView> {
    const { identity } = caller;
    const at = this.options.now().toISOString();
    const id =
      options.sourceEventId === undefined
        ? `improvement-${this.options.newId()}`
        : `improvement:${options.sourceEventId}`.slice(0, 200);
    await this.ports.feedback.createImprovementIfAbsent({
      id,
      tenantId: identity.tenantId,
      type: 'improvement',
      title: request.title,
      detail: request.detail,
      ...(request.taskId === undefined ? {} : { taskId: request.taskId }),
      ...(caller.departmentId === undefined ? {} : { departmentId: caller.departmentId }),
      suggestedBy: identity.userId,
      ...(identity.displayName === undefined ? {} : { suggestedByName: identity.displayName }),
      status: 'new',
      createdAt: at,
      updatedAt: at,
    });
    const stored = await this.ports.feedback.findImprovement(identity.tenantId, id);
    if (stored === undefined) throw new AppError('unavailable', 'The suggestion was not saved');
    return view(stored);
  }

  async list(identity: Identity): Promise<ImprovementList> {
    const stored = await this.ports.feedback.listImprovements(identity.tenantId);
    return { items: stored.map(view), counts: countsOf(stored.map((entry) => entry.value)) };
  }

  /** How many were suggested, pushed to the vendor, and are in each status: for the scoreboard. */
  async counts(tenantId: string): Promise<ImprovementCounts> {
    const stored = await this.ports.feedback.listImprovements(tenantId);
    return countsOf(stored.map((entry) => entry.value));
  }

  /** One suggestion: everyone in the tenant reads them. */
  async get(identity: Identity, id: string): Promise<ImprovementView> {
    const stored = await this.ports.feedback.findImprovement(identity.tenantId, id);
    if (stored === undefined) throw new AppError('not-found', `Suggestion ${id} was not found`);
    return view(stored);
  }

  /** Every suggestion as stored, for exports (the vendor pack). */
  async exportAll(identity: Identity): Promise<Improvement[]> {
    const stored = await this.ports.feedback.listImprovements(identity.tenantId);
    return stored.map((entry) => entry.value);
  }

  async setStatus(
    identity: Identity,
    id: string,
    change: { status: ImprovementStatus; note?: string | undefined; vendor?: string | undefined },
    etag: string,
  ): Promise<ImprovementView> {
    if (!hasAnyRole(identity.roles, curators)) {
      throw new AppError(
        'forbidden',
        'Only AI champions and admins change what becomes of a suggestion',
      );
    }
    const current = await this.ports.feedback.findImprovement(identity.tenantId, id);
    if (current === undefined) throw new AppError('not-found', `Suggestion ${id} was not found`);
    if (current.etag !== etag) {
      throw new AppError('precondition-failed', 'Someone else changed this suggestion', {
        current: { value: view(current), etag: current.etag },
      });
    }
    const { statusNote: _note, vendor: _vendor, ...rest } = current.value;
    return view(
      await this.ports.feedback.replaceImprovement(
        {
          ...rest,
          status: change.status,
          ...(change.note === undefined ? {} : { statusNote: change.note }),
          ...(change.vendor === undefined ? {} : { vendor: change.vendor }),
          updatedAt: this.options.now().toISOString(),
        },
        etag,
      ),
    );
  }
}
