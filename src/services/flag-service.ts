import { isErasedUserId } from '../contracts/data-rights.js';
import type {
  Flag,
  FlagCategory,
  FlagListQuery,
  FlagResolution,
  FlagSource,
  FlagStats,
  FlagView,
} from '../contracts/feedback.js';
import type { Identity } from '../contracts/identity.js';
import type { DeliveryPayload, DeliveryRecipient } from '../contracts/deliveries.js';
import { AppError } from '../domain/errors.js';
import { summariseFlags } from '../domain/flag-stats.js';
import { hasAnyRole } from '../domain/roles.js';
import type { Caller } from './caller.js';

interface Stored<T> {
  readonly value: T;
  readonly etag: string;
}

export interface FlagPorts {
  readonly feedback: {
    findFlag(tenantId: string, id: string): Promise<Stored<Flag> | undefined>;
    createFlagIfAbsent(flag: Flag): Promise<{ created: boolean }>;
    replaceFlag(flag: Flag, etag: string): Promise<Stored<Flag>>;
    listFlags(
      tenantId: string,
      filter: { involving?: string | undefined },
    ): Promise<Stored<Flag>[]>;
  };
  /** The owner of a linked prompt reviews its flags by default. */
  readonly prompts: {
    ownerOf(
      tenantId: string,
      promptId: string,
    ): Promise<{ id: string; name?: string | undefined } | undefined>;
  };
  readonly people: {
    nameOf(tenantId: string, userId: string): Promise<string | undefined>;
  };
  /** The proactive queue, which tells the flagger what became of their flag. */
  readonly notices: {
    enqueue(
      input: {
        readonly tenantId: string;
        readonly id: string;
        readonly recipient: DeliveryRecipient;
        readonly payload: DeliveryPayload;
      },
      now: Date,
    ): Promise<{ created: boolean }>;
  };
}

export interface NewFlag {
  readonly source: FlagSource;
  readonly category: FlagCategory;
  readonly expected: string;
  readonly outputText: string;
  readonly outputAuthor?: string | undefined;
  readonly conversationId?: string | undefined;
  readonly conversationKind?: Flag['conversationKind'];
  readonly promptId?: string | undefined;
  /** The source's own id for the event (a Teams activity id): a retried invoke flags once. */
  readonly sourceEventId?: string | undefined;
}

const triagers = ['champion'] as const;
const maxRaceRetries = 5;
const hourMs = 3_600_000;

const categoryWords: Readonly<Record<FlagCategory, string>> = {
  wrong: 'wrong or made up',
  biased: 'biased or unfair',
  unhelpful: 'unhelpful',
  unsafe: 'unsafe',
  other: 'not right',
};

/** What the flagger is told, in one paragraph per outcome. */
export function outcomeText(flag: Flag, resolution: FlagResolution): string {
  const what = `You flagged AI output as ${categoryWords[flag.category]}.`;
  const note = resolution.note === undefined || resolution.note === '' ? '' : ` ${resolution.note}`;
  switch (resolution.action) {
    case 'prompt-adjusted':
      return `${what} The library prompt was changed because of it${
        resolution.promptVersion === undefined
          ? ''
          : ` (version ${String(resolution.promptVersion)})`
      }.${note}`;
    case 'workflow-changed':
      return `${what} The team changed how that work is done because of it.${note}`;
    case 'escalated-to-vendor':
      return `${what} It was reported to ${resolution.vendor} (reference ${resolution.reference}).${note}`;
    case 'dismissed':
      return `${what} It was reviewed and no change was made:${note}`;
  }
}

/**
 * Flags on AI output and their triage: raised from the message action, the bot, a prompt card or
 * the tab; seen only by the flagger, the reviewer and the tenant's champions; resolved with an
 * outcome that the flagger hears about through the delivery queue.
 */
export class FlagService {
  constructor(
    private readonly ports: FlagPorts,
    private readonly options: { readonly now: () => Date; readonly newId: () => string },
  ) {}

  async raise(caller: Caller, input: NewFlag): Promise<FlagView> {
    const { identity } = caller;
    const now = this.options.now().toISOString();
    const owner =
      input.promptId === undefined
        ? undefined
        : await this.ports.prompts.ownerOf(identity.tenantId, input.promptId);
    const id =
      input.sourceEventId === undefined
        ? `flag-${this.options.newId()}`
        : `flag:${input.source}:${input.sourceEventId}`.slice(0, 200);
    const flag: Flag = {
      id,
      tenantId: identity.tenantId,
      type: 'flag',
      source: input.source,
      category: input.category,
      expected: input.expected,
      outputText: input.outputText.slice(0, 8000),
      ...(input.outputAuthor === undefined ? {} : { outputAuthor: input.outputAuthor }),
      ...(input.conversationId === undefined ? {} : { conversationId: input.conversationId }),
      ...(input.conversationKind === undefined ? {} : { conversationKind: input.conversationKind }),
      ...(input.promptId === undefined || owner === undefined ? {} : { promptId: input.promptId }),
      flaggedBy: identity.userId,
      ...(identity.displayName === undefined ? {} : { flaggedByName: identity.displayName }),
      ...(owner === undefined ? {} : { reviewerId: owner.id }),
      ...(owner?.name === undefined ? {} : { reviewerName: owner.name }),
      state: 'open',
      createdAt: now,
      updatedAt: now,
    };
    await this.ports.feedback.createFlagIfAbsent(flag);
    return this.get(identity, id);
  }

  async list(identity: Identity, query: FlagListQuery): Promise<FlagView[]> {
    const all = this.isTriager(identity);
    const stored = await this.ports.feedback.listFlags(identity.tenantId, {
      involving: all ? undefined : identity.userId,
    });
    const matching = stored.filter(
      ({ value }) =>
        (query.state === undefined || value.state === query.state) &&
        (query.category === undefined || value.category === query.category) &&
        (query.reviewer === undefined || value.reviewerId === identity.userId),
    );
    const ordered = query.sort === 'newest' ? [...matching].reverse() : matching;
    return ordered.map((entry) => this.view(identity, entry));
  }

  /** Every flag of the tenant as stored, for exports (the vendor pack): champions and admins. */
  async exportAll(identity: Identity): Promise<Flag[]> {
    if (!hasAnyRole(identity.roles, ['champion', 'admin'])) {
      throw new AppError('forbidden', 'Only AI champions and admins export flags');
    }
    const stored = await this.ports.feedback.listFlags(identity.tenantId, {});
    return stored.map((entry) => entry.value);
  }

  /**
   * Every flag of the tenant in aggregate, for the scoreboard and the checkpoint. No identity
   * filter: the figures name nobody, and the caller (a champion's route) decides who sees them.
   */
  async stats(tenantId: string): Promise<FlagStats> {
    const stored = await this.ports.feedback.listFlags(tenantId, {});
    return summariseFlags(
      stored.map((entry) => entry.value),
      this.options.now(),
    );
  }

  async get(identity: Identity, id: string): Promise<FlagView> {
    return this.view(identity, await this.visible(identity, id));
  }

  /** A reviewer starts on it: open → in review, the first response time is kept. */
  async startReview(identity: Identity, id: string): Promise<FlagView> {
    return this.change(identity, id, (flag, at) => {
      if (flag.state === 'resolved') {
        throw new AppError('conflict', 'This flag is resolved already');
      }
      return { ...flag, state: 'in-review', firstResponseAt: flag.firstResponseAt ?? at };
    });
  }

  async assign(identity: Identity, id: string, reviewerId: string): Promise<FlagView> {
    if (!this.isTriager(identity)) {
      throw new AppError('forbidden', 'Only AI champions assign flags');
    }
    const name = await this.ports.people.nameOf(identity.tenantId, reviewerId);
    return this.change(identity, id, (flag) => ({
      ...flag,
      reviewerId,
      ...(name === undefined ? {} : { reviewerName: name }),
    }));
  }

  /**
   * Resolves the flag with an outcome and tells the flagger through the delivery queue (a 1:1 chat,
   * created when needed). A flag is resolved once; the notice id is the flag's, so it goes once.
   */
  async resolve(identity: Identity, id: string, resolution: FlagResolution): Promise<FlagView> {
    const resolved = await this.change(identity, id, (flag, at) => {
      if (flag.state === 'resolved') {
        throw new AppError('conflict', 'This flag is resolved already');
      }
      const stamped: FlagResolution =
        resolution.action === 'escalated-to-vendor' && resolution.escalatedOn === undefined
          ? { ...resolution, escalatedOn: at.slice(0, 10) }
          : resolution;
      return {
        ...flag,
        state: 'resolved',
        resolution: stamped,
        resolvedBy: identity.userId,
        resolvedAt: at,
        firstResponseAt: flag.firstResponseAt ?? at,
      };
    });
    const stored = await this.visible(identity, id);
    const flag = stored.value;
    // An erased flagger has no chat to be told in; the placeholder would only dead-letter.
    if (flag.resolution !== undefined && !isErasedUserId(flag.flaggedBy)) {
      await this.ports.notices.enqueue(
        {
          tenantId: flag.tenantId,
          id: `notice:flag-resolved:${flag.id}`.slice(0, 400),
          recipient: { kind: 'person', userId: flag.flaggedBy },
          payload: {
            kind: 'notice',
            topic: 'flag-resolved',
            title: 'Your flag was dealt with',
            text: outcomeText(flag, flag.resolution),
          },
        },
        this.options.now(),
      );
    }
    return resolved;
  }

  private isTriager(identity: Identity): boolean {
    return hasAnyRole(identity.roles, triagers);
  }

  private canReview(identity: Identity, flag: Flag): boolean {
    return this.isTriager(identity) || flag.reviewerId === identity.userId;
  }

  /** The flag, if the caller may see it: 404 otherwise, so others cannot tell it exists. */
  private async visible(identity: Identity, id: string): Promise<Stored<Flag>> {
    const found = await this.ports.feedback.findFlag(identity.tenantId, id);
    const flag = found?.value;
    const mayRead =
      flag !== undefined && (flag.flaggedBy === identity.userId || this.canReview(identity, flag));
    if (found === undefined || !mayRead) {
      throw new AppError('not-found', `Flag ${id} was not found`);
    }
    return found;
  }

  /** Applies a reviewer's change to the latest version, retrying a lost race a few times. */
  private async change(
    identity: Identity,
    id: string,
    apply: (flag: Flag, at: string) => Flag,
  ): Promise<FlagView> {
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.visible(identity, id);
      if (!this.canReview(identity, current.value)) {
        throw new AppError('forbidden', 'Only the flag’s reviewer or an AI champion can do that');
      }
      const at = this.options.now().toISOString();
      try {
        const written = await this.ports.feedback.replaceFlag(
          { ...apply(current.value, at), updatedAt: at },
          current.etag,
        );
        return this.view(identity, written);
      } catch (error) {
        const lost = error instanceof AppError && error.kind === 'precondition-failed';
        if (!lost || attempt >= maxRaceRetries) throw error;
      }
    }
  }

  private view(identity: Identity, { value, etag }: Stored<Flag>): FlagView {
    const { tenantId: _tenant, type: _type, ...rest } = value;
    const end =
      value.resolvedAt === undefined ? this.options.now().getTime() : Date.parse(value.resolvedAt);
    const reviewer = this.canReview(identity, value);
    return {
      ...rest,
      etag,
      ageHours: Math.max(0, Math.floor((end - Date.parse(value.createdAt)) / hourMs)),
      permissions: {
        review: reviewer && value.state !== 'resolved',
        assign: this.isTriager(identity),
      },
    };
  }
}
