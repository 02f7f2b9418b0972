import type { Identity } from '../contracts/identity.js';
import {
  type CreatePromptRequest,
  type Prompt,
  type PromptContent,
  type PromptDiff,
  type PromptHistory,
  type PromptListQuery,
  type PromptPage,
  type PromptRating,
  type PromptStatus,
  type PromptVersion,
  type PromptView,
  type RatingValue,
  type RenderResponse,
  type UpdatePromptRequest,
} from '../contracts/prompts.js';
import { slugOf } from '../domain/slug.js';
import { AppError, isAppError } from '../domain/errors.js';
import {
  canEdit,
  canSee,
  checkTransition,
  isCurator,
  isOwner,
  nextStatuses,
} from '../domain/prompt-lifecycle.js';
import { renderPrompt, templateProblems } from '../domain/prompt-template.js';
import { diffLines } from '../domain/text-diff.js';
import type { Caller } from './caller.js';
import type { PromptCatalog } from './prompt-catalog.js';
import type { IndexedPrompt, PromptSearchIndex } from './prompt-search-index.js';
import type { UsageRecorder } from './usage-recorder.js';

export interface PromptPorts {
  readonly prompts: {
    find(tenantId: string, id: string): Promise<{ value: Prompt; etag: string } | undefined>;
    create(prompt: Prompt): Promise<{ value: Prompt; etag: string }>;
    replace(prompt: Prompt, etag: string): Promise<{ value: Prompt; etag: string }>;
    incrementUsage(tenantId: string, id: string): Promise<{ value: Prompt; etag: string }>;
    adjustRatings(
      tenantId: string,
      id: string,
      up: number,
      down: number,
    ): Promise<{ value: Prompt; etag: string }>;
    createVersion(version: PromptVersion): Promise<void>;
    listVersions(tenantId: string, promptId: string): Promise<PromptVersion[]>;
    findVersion(
      tenantId: string,
      promptId: string,
      version: number,
    ): Promise<PromptVersion | undefined>;
    findRating(
      tenantId: string,
      promptId: string,
      userId: string,
    ): Promise<PromptRating | undefined>;
    upsertRating(rating: PromptRating): Promise<void>;
    bumpRevision(tenantId: string): Promise<number>;
  };
  /** The tasks a department mapped, for search boosts. */
  readonly mappedTasks: {
    taskIdsOf(tenantId: string, departmentId: string): Promise<ReadonlySet<string>>;
  };
}

export interface PromptServiceOptions {
  readonly index: PromptSearchIndex;
  readonly usage: Pick<UsageRecorder, 'record'>;
  readonly newId: () => string;
  readonly now: () => Date;
}

/** Internal creation options: seeding and imports keep their ids, owners and statuses. */
export interface CreateOptions {
  readonly id?: string;
  readonly status?: PromptStatus;
  readonly source?: Prompt['source'];
  readonly ownerName?: string;
  /** Bulk writers bump the library revision once at the end instead of per prompt. */
  readonly deferRevision?: boolean;
}

const maxImportRows = 1000;

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decodeOffset(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      offset?: unknown;
    };
    if (
      typeof parsed.offset === 'number' &&
      Number.isInteger(parsed.offset) &&
      parsed.offset >= 0
    ) {
      return parsed.offset;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('invalid', 'The continuation token is not valid', {
    fieldErrors: [{ field: 'continuationToken', message: 'use the token of the previous page' }],
  });
}

function contentOf(prompt: PromptContent): PromptContent {
  const { title, body, variables, jobFamilyIds, taskIds, tags } = prompt;
  return { title, body, variables, jobFamilyIds, taskIds, tags };
}

function checkTemplate(content: PromptContent): void {
  const problems = templateProblems(content.body, content.variables);
  if (problems.length > 0) {
    throw new AppError('invalid', 'The prompt body and its variables do not match', {
      fieldErrors: problems,
    });
  }
}

/**
 * The shared prompt library: proposals, reviews, versions, ratings, rendering and search. Lists and
 * the compose box come from the in-memory index; single prompts and edits from the store.
 */
export class PromptService implements PromptCatalog {
  constructor(
    private readonly ports: PromptPorts,
    private readonly options: PromptServiceOptions,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Reading

  async get(caller: Caller, promptId: string): Promise<PromptView> {
    const found = await this.visible(caller.identity, promptId);
    const rating = await this.ports.prompts.findRating(
      caller.identity.tenantId,
      promptId,
      caller.identity.userId,
    );
    return this.view(caller.identity, found.value, found.etag, rating?.value);
  }

  async list(caller: Caller, query: PromptListQuery): Promise<PromptPage> {
    const { identity } = caller;
    const status = query.status ?? 'published';
    const owner = query.owner === 'me' ? identity.userId : query.owner;
    const accept = (prompt: Prompt): boolean =>
      prompt.status === status &&
      canSee(identity, prompt) &&
      (query.jobFamily === undefined || prompt.jobFamilyIds.includes(query.jobFamily)) &&
      (query.task === undefined || prompt.taskIds.includes(query.task)) &&
      (query.tag === undefined || prompt.tags.includes(query.tag)) &&
      (owner === undefined || prompt.ownerId === owner);
    const ranked = await this.options.index.search(
      identity.tenantId,
      query.q ?? '',
      accept,
      await this.boostFor(caller),
    );
    return this.page(identity, ranked, decodeOffset(query.continuationToken), query.limit);
  }

  async searchPublished(
    caller: Caller,
    query: { readonly text?: string | undefined; readonly skip: number; readonly count: number },
  ): Promise<{ items: PromptView[]; hasMore: boolean }> {
    const ranked = await this.options.index.search(
      caller.identity.tenantId,
      query.text ?? '',
      (prompt) => prompt.status === 'published',
      await this.boostFor(caller),
    );
    const items = ranked.slice(query.skip, query.skip + query.count);
    return {
      items: items.map((entry) => this.view(caller.identity, entry.prompt, entry.etag)),
      hasMore: ranked.length > query.skip + query.count,
    };
  }

  /** Proposals waiting for the caller: their own prompts in review, or all of them for curators. */
  async reviewQueue(caller: Caller): Promise<PromptPage> {
    const { identity } = caller;
    const waiting = await this.options.index.all(
      identity.tenantId,
      (prompt) =>
        prompt.status === 'in-review' && (isCurator(identity) || isOwner(identity, prompt)),
    );
    waiting.sort((a, b) => a.prompt.updatedAt.localeCompare(b.prompt.updatedAt));
    return { items: waiting.map((entry) => this.view(identity, entry.prompt, entry.etag)) };
  }

  async history(caller: Caller, promptId: string): Promise<PromptHistory> {
    await this.visible(caller.identity, promptId);
    const versions = await this.ports.prompts.listVersions(caller.identity.tenantId, promptId);
    return { items: versions.map(({ tenantId: _tenant, type: _type, ...version }) => version) };
  }

  async diff(caller: Caller, promptId: string, from: number, to: number): Promise<PromptDiff> {
    await this.visible(caller.identity, promptId);
    const [before, after] = await Promise.all([
      this.ports.prompts.findVersion(caller.identity.tenantId, promptId, from),
      this.ports.prompts.findVersion(caller.identity.tenantId, promptId, to),
    ]);
    if (before === undefined || after === undefined) {
      throw new AppError(
        'not-found',
        `Version ${String(before === undefined ? from : to)} was not found`,
      );
    }
    const fields = [
      'title',
      'body',
      'variables',
      'jobFamilyIds',
      'taskIds',
      'tags',
      'status',
    ] as const;
    return {
      from,
      to,
      changedFields: fields.filter(
        (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
      ),
      title: { from: before.title, to: after.title },
      body: diffLines(before.body, after.body),
    };
  }

  async render(
    caller: Caller,
    promptId: string,
    values: Readonly<Record<string, string>>,
  ): Promise<RenderResponse> {
    const found = await this.visible(caller.identity, promptId);
    return renderPrompt(found.value.body, found.value.variables, values);
  }

  /** How many published prompts link to each mapped task. */
  async countsByTask(tenantId: string): Promise<ReadonlyMap<string, number>> {
    const counts = new Map<string, number>();
    for (const { prompt } of await this.options.index.all(
      tenantId,
      (item) => item.status === 'published',
    )) {
      for (const taskId of prompt.taskIds) counts.set(taskId, (counts.get(taskId) ?? 0) + 1);
    }
    return counts;
  }

  /** Every prompt the tenant has, for export by curators. */
  async exportAll(caller: Caller): Promise<Prompt[]> {
    this.requireCurator(caller.identity);
    const all = await this.options.index.all(caller.identity.tenantId, () => true);
    return all.map((entry) => entry.prompt).sort((a, b) => a.title.localeCompare(b.title));
  }

  // -------------------------------------------------------------------------------------------
  // Writing

  /** Anyone proposes; curators may name another owner. */
  async create(
    caller: Caller,
    request: CreatePromptRequest,
    options: CreateOptions = {},
  ): Promise<PromptView> {
    const { identity } = caller;
    const content = contentOf(request);
    checkTemplate(content);
    if (request.ownerId !== undefined && request.ownerId !== identity.userId)
      this.requireCurator(identity);
    const status = options.status ?? (request.submit ? 'in-review' : 'draft');
    if (status === 'published' || status === 'retired') this.requireCurator(identity);
    const now = this.options.now().toISOString();
    const ownerId = request.ownerId ?? identity.userId;
    const prompt: Prompt = {
      ...content,
      id: options.id ?? `p-${slugOf(content.title, 'prompt')}-${this.options.newId().slice(0, 8)}`,
      tenantId: identity.tenantId,
      type: 'prompt',
      status,
      version: 1,
      ownerId,
      ...(options.ownerName !== undefined
        ? { ownerName: options.ownerName }
        : ownerId === identity.userId && identity.displayName !== undefined
          ? { ownerName: identity.displayName }
          : {}),
      source: options.source ?? { kind: 'library' },
      usageCount: 0,
      ratingUp: 0,
      ratingDown: 0,
      createdAt: now,
      createdBy: identity.userId,
      updatedAt: now,
      updatedBy: identity.userId,
      ...(status === 'published' ? { publishedAt: now } : {}),
    };
    const created = await this.ports.prompts.create(prompt);
    await this.afterWrite(created.value, created.etag, identity, 'Created', options.deferRevision);
    return this.view(identity, created.value, created.etag);
  }

  async propose(
    caller: Caller,
    content: PromptContent,
    source: { readonly kind: 'message' | 'practice'; readonly reference?: string },
  ): Promise<PromptView> {
    return this.create(caller, { ...content, submit: true }, { source });
  }

  /** A new version of the content, if `etag` still names the latest. */
  async update(
    caller: Caller,
    promptId: string,
    request: UpdatePromptRequest,
    etag: string,
  ): Promise<PromptView> {
    const { identity } = caller;
    const current = await this.visible(identity, promptId);
    if (!canEdit(identity, current.value)) {
      throw new AppError('forbidden', 'Only the prompt owner or an AI champion can edit it');
    }
    const content = contentOf(request);
    checkTemplate(content);
    return this.replace(
      caller,
      current,
      etag,
      { ...current.value, ...content },
      request.note ?? 'Edited',
    );
  }

  async setStatus(
    caller: Caller,
    promptId: string,
    status: PromptStatus,
    etag: string,
    note?: string,
  ): Promise<PromptView> {
    const { identity } = caller;
    const current = await this.visible(identity, promptId);
    const check = checkTransition(identity, current.value, status);
    if (!check.allowed) throw new AppError(check.kind, check.reason);
    const now = this.options.now().toISOString();
    return this.replace(
      caller,
      current,
      etag,
      { ...current.value, status, ...(status === 'published' ? { publishedAt: now } : {}) },
      note ?? `Status: ${status}`,
    );
  }

  /** One rating per person; rating again replaces it. Only published prompts are rated. */
  async rate(
    caller: Caller,
    promptId: string,
    value: RatingValue,
    reason?: string,
  ): Promise<PromptView> {
    const { identity } = caller;
    const current = await this.visible(identity, promptId);
    if (current.value.status !== 'published')
      throw new AppError('invalid', 'Only published prompts can be rated');
    const previous = await this.ports.prompts.findRating(
      identity.tenantId,
      promptId,
      identity.userId,
    );
    const delta = (side: RatingValue): number =>
      (value === side ? 1 : 0) - (previous?.value === side ? 1 : 0);
    await this.ports.prompts.upsertRating({
      id: `${promptId}:rating:${identity.userId}`,
      tenantId: identity.tenantId,
      type: 'promptRating',
      promptId,
      userId: identity.userId,
      value,
      ...(reason === undefined || reason === '' ? {} : { reason }),
      ratedAt: this.options.now().toISOString(),
    });
    const updated =
      delta('up') === 0 && delta('down') === 0
        ? current
        : await this.ports.prompts.adjustRatings(
            identity.tenantId,
            promptId,
            delta('up'),
            delta('down'),
          );
    await this.options.index.upsert(identity.tenantId, updated.value, updated.etag);
    return this.view(identity, updated.value, updated.etag, value);
  }

  async recordUse(
    caller: Caller,
    promptId: string,
    use: { readonly eventId: string; readonly occurredAt: Date; readonly kind: 'insert' | 'copy' },
  ): Promise<{ recorded: boolean }> {
    const { identity } = caller;
    await this.visible(identity, promptId);
    const { recorded } = await this.options.usage.record(
      {
        tenantId: identity.tenantId,
        userId: identity.userId,
        departmentId: caller.departmentId,
        source: use.kind === 'insert' ? 'prompt-insert' : 'prompt-copy',
        sourceEventId: `${promptId}:${use.eventId}`,
        occurredAt: use.occurredAt,
        promptId,
      },
      this.options.now(),
    );
    if (recorded) {
      const updated = await this.ports.prompts.incrementUsage(identity.tenantId, promptId);
      await this.options.index.upsert(identity.tenantId, updated.value, updated.etag);
    }
    return { recorded };
  }

  /** Imports prompts all or nothing: every row is checked before the first is written. */
  async importPrompts(
    caller: Caller,
    rows: readonly {
      readonly row: number;
      readonly content: PromptContent;
      readonly status: PromptStatus;
    }[],
  ): Promise<{ imported: number }> {
    this.requireCurator(caller.identity);
    if (rows.length > maxImportRows) {
      throw new AppError('invalid', `An import holds at most ${String(maxImportRows)} prompts`);
    }
    const problems = rows.flatMap(({ row, content }) =>
      templateProblems(content.body, content.variables).map((problem) => ({
        field: `${String(row)}.${problem.field}`,
        message: problem.message,
      })),
    );
    if (problems.length > 0)
      throw new AppError('invalid', 'Some rows are not valid; nothing was imported', {
        fieldErrors: problems,
      });
    for (const { content, status } of rows) {
      await this.create(
        caller,
        { ...content, submit: status !== 'draft' },
        { status, source: { kind: 'import' } },
      );
    }
    return { imported: rows.length };
  }

  // -------------------------------------------------------------------------------------------

  private async replace(
    caller: Caller,
    current: { value: Prompt; etag: string },
    etag: string,
    next: Prompt,
    note: string,
  ): Promise<PromptView> {
    const { identity } = caller;
    if (current.etag !== etag) throw this.lostRace(identity, current);
    const prompt: Prompt = {
      ...next,
      version: current.value.version + 1,
      updatedAt: this.options.now().toISOString(),
      updatedBy: identity.userId,
    };
    const replaced = await this.ports.prompts
      .replace(prompt, etag)
      .catch(async (error: unknown) => {
        if (!isAppError(error, 'precondition-failed')) throw error;
        const latest = await this.ports.prompts.find(identity.tenantId, prompt.id);
        throw latest === undefined ? error : this.lostRace(identity, latest);
      });
    await this.afterWrite(replaced.value, replaced.etag, identity, note);
    return this.view(identity, replaced.value, replaced.etag);
  }

  private lostRace(identity: Identity, latest: { value: Prompt; etag: string }): AppError {
    return new AppError(
      'precondition-failed',
      'Someone else changed this prompt; here is the latest version',
      {
        current: { value: this.view(identity, latest.value, latest.etag), etag: latest.etag },
      },
    );
  }

  /** Keeps the version history, tells other instances, and updates this instance's index. */
  private async afterWrite(
    prompt: Prompt,
    etag: string,
    identity: Identity,
    note: string,
    deferRevision = false,
  ): Promise<void> {
    await this.ports.prompts.createVersion({
      ...contentOf(prompt),
      id: `${prompt.id}:v${String(prompt.version)}`,
      tenantId: prompt.tenantId,
      type: 'promptVersion',
      promptId: prompt.id,
      version: prompt.version,
      status: prompt.status,
      editedBy: identity.userId,
      ...(identity.displayName === undefined ? {} : { editedByName: identity.displayName }),
      editedAt: prompt.updatedAt,
      note,
    });
    await this.options.index.upsert(prompt.tenantId, prompt, etag);
    if (!deferRevision) await this.bumpRevision(prompt.tenantId);
  }

  /** Tells other instances the library changed; this instance's index already has the change. */
  private async bumpRevision(tenantId: string): Promise<void> {
    const revision = await this.ports.prompts.bumpRevision(tenantId);
    await this.options.index.noteOwnRevision(tenantId, revision);
  }

  private async visible(
    identity: Identity,
    promptId: string,
  ): Promise<{ value: Prompt; etag: string }> {
    const found = await this.ports.prompts.find(identity.tenantId, promptId);
    if (found === undefined || !canSee(identity, found.value)) {
      throw new AppError('not-found', `Prompt ${promptId} was not found`);
    }
    return found;
  }

  private requireCurator(identity: Identity): void {
    if (!isCurator(identity))
      throw new AppError('forbidden', 'Only AI champions and admins can do that');
  }

  private async boostFor(
    caller: Caller,
  ): Promise<{ jobFamilyId?: string; taskIds?: ReadonlySet<string> }> {
    const taskIds =
      caller.departmentId === undefined
        ? undefined
        : await this.ports.mappedTasks.taskIdsOf(caller.identity.tenantId, caller.departmentId);
    return {
      ...(caller.jobFamilyId === undefined ? {} : { jobFamilyId: caller.jobFamilyId }),
      ...(taskIds === undefined ? {} : { taskIds }),
    };
  }

  private page(
    identity: Identity,
    ranked: readonly IndexedPrompt[],
    offset: number,
    limit: number,
  ): PromptPage {
    const items = ranked
      .slice(offset, offset + limit)
      .map((entry) => this.view(identity, entry.prompt, entry.etag));
    return offset + limit < ranked.length
      ? { items, continuationToken: encodeOffset(offset + limit) }
      : { items };
  }

  private view(
    identity: Identity,
    prompt: Prompt,
    etag: string,
    myRating?: RatingValue,
  ): PromptView {
    const { tenantId: _tenant, type: _type, ...rest } = prompt;
    return {
      ...rest,
      etag,
      ...(myRating === undefined ? {} : { myRating }),
      permissions: { edit: canEdit(identity, prompt), statuses: nextStatuses(identity, prompt) },
    };
  }
}
