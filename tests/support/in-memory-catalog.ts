/**
 * An in-process prompt library for bot tests that do not need the whole app: a real
 * implementation of `PromptCatalog` and `CallerDirectory` over maps, with the behaviour the bot
 * relies on (tenant scoping, visibility, paging, defaults, missing values, idempotent use records,
 * validation of proposals). The app's own `PromptService` is tested through the HTTP API.
 */
import { randomUUID } from 'node:crypto';
import {
  promptContentSchema,
  type PromptContent,
  type PromptView,
  type RenderResponse,
} from '../../src/contracts/prompts.js';
import type { Role } from '../../src/contracts/identity.js';
import { AppError, invalid, notFound } from '../../src/domain/errors.js';
import type { Caller } from '../../src/services/caller.js';
import type { CallerDirectory, PromptCatalog } from '../../src/services/prompt-catalog.js';

export interface RosterEntry {
  readonly tenantId: string;
  readonly userId: string;
  readonly roles?: readonly Role[];
  readonly jobFamilyId?: string;
  readonly departmentId?: string;
  readonly displayName?: string;
}

export interface UseRecord {
  readonly tenantId: string;
  readonly userId: string;
  readonly promptId: string;
  readonly eventId: string;
  readonly occurredAt: Date;
  readonly kind: 'insert' | 'copy';
}

export interface ProposalRecord {
  readonly tenantId: string;
  readonly prompt: PromptView;
  readonly source: { readonly kind: 'message' | 'practice'; readonly reference?: string };
}

/** A published prompt with every stored field filled in; override what a test cares about. */
export function samplePrompt(
  overrides: Partial<PromptView> & Pick<PromptView, 'id' | 'title' | 'body'>,
): PromptView {
  const at = '2026-09-01T09:00:00.000Z';
  return {
    variables: [],
    jobFamilyIds: [],
    taskIds: [],
    tags: [],
    status: 'published',
    version: 1,
    ownerId: 'owner-1',
    source: { kind: 'library' },
    usageCount: 0,
    ratingUp: 0,
    ratingDown: 0,
    createdAt: at,
    createdBy: 'owner-1',
    updatedAt: at,
    updatedBy: 'owner-1',
    publishedAt: at,
    etag: `"${randomUUID()}"`,
    permissions: { edit: false, statuses: [] },
    ...overrides,
  };
}

const placeholder = /\{\{\s*([A-Za-z][A-Za-z0-9_]{0,39})\s*\}\}/gu;

export class InMemoryCatalog implements PromptCatalog, CallerDirectory {
  readonly uses: UseRecord[] = [];
  readonly proposals: ProposalRecord[] = [];
  readonly #prompts = new Map<string, PromptView[]>();
  readonly #roster = new Map<string, RosterEntry>();
  readonly #useIds = new Set<string>();
  /** Called before every catalog method; a test can make it throw to inject a failure. */
  beforeEach: (method: keyof PromptCatalog) => void = () => undefined;

  constructor(options: { prompts?: Record<string, PromptView[]>; roster?: RosterEntry[] } = {}) {
    for (const [tenantId, prompts] of Object.entries(options.prompts ?? {})) {
      for (const prompt of prompts) this.addPrompt(tenantId, prompt);
    }
    for (const entry of options.roster ?? [])
      this.#roster.set(this.#key(entry.tenantId, entry.userId), entry);
  }

  addPrompt(tenantId: string, prompt: PromptView): void {
    const list = this.#prompts.get(tenantId) ?? [];
    list.push(prompt);
    this.#prompts.set(tenantId, list);
  }

  promptsOf(tenantId: string): readonly PromptView[] {
    return this.#prompts.get(tenantId) ?? [];
  }

  callerFor(tenantId: string, userId: string, name?: string): Promise<Caller> {
    const entry = this.#roster.get(this.#key(tenantId, userId));
    const displayName = entry?.displayName ?? name;
    return Promise.resolve({
      identity: {
        tenantId,
        userId,
        roles: [...(entry?.roles ?? ['member'])],
        ...(displayName === undefined ? {} : { displayName }),
      },
      jobFamilyId: entry?.jobFamilyId,
      departmentId: entry?.departmentId,
    });
  }

  searchPublished(
    caller: Caller,
    query: { readonly text?: string | undefined; readonly skip: number; readonly count: number },
  ): Promise<{ readonly items: readonly PromptView[]; readonly hasMore: boolean }> {
    this.beforeEach('searchPublished');
    const words = (query.text ?? '')
      .toLowerCase()
      .split(/\s+/u)
      .filter((word) => word !== '');
    const family = caller.jobFamilyId;
    const matches = this.promptsOf(caller.identity.tenantId)
      .filter((prompt) => prompt.status === 'published')
      .filter((prompt) => {
        const haystack = `${prompt.title} ${prompt.body} ${prompt.tags.join(' ')}`.toLowerCase();
        return words.every((word) => haystack.includes(word));
      })
      .map((prompt, index) => ({
        prompt,
        index,
        boost: family !== undefined && prompt.jobFamilyIds.includes(family) ? 1 : 0,
      }))
      .sort(
        (a, b) =>
          b.boost - a.boost || b.prompt.usageCount - a.prompt.usageCount || a.index - b.index,
      )
      .map(({ prompt }) => prompt);
    const items = matches.slice(query.skip, query.skip + query.count);
    return Promise.resolve({ items, hasMore: query.skip + items.length < matches.length });
  }

  get(caller: Caller, promptId: string): Promise<PromptView> {
    this.beforeEach('get');
    return Promise.resolve(this.#visible(caller, promptId));
  }

  render(
    caller: Caller,
    promptId: string,
    values: Readonly<Record<string, string>>,
  ): Promise<RenderResponse> {
    this.beforeEach('render');
    const prompt = this.#visible(caller, promptId);
    const missing = prompt.variables
      .filter((variable) => variable.required)
      .filter((variable) => (values[variable.name] ?? variable.default ?? '') === '')
      .map((variable) => variable.name);
    const text = prompt.body.replace(placeholder, (whole, name: string) => {
      const variable = prompt.variables.find((candidate) => candidate.name === name);
      if (variable === undefined) return whole;
      const value = values[name] ?? variable.default ?? '';
      return value === '' && variable.required ? whole : value;
    });
    return Promise.resolve({ text, missing });
  }

  recordUse(
    caller: Caller,
    promptId: string,
    use: { readonly eventId: string; readonly occurredAt: Date; readonly kind: 'insert' | 'copy' },
  ): Promise<{ readonly recorded: boolean }> {
    this.beforeEach('recordUse');
    const prompt = this.#visible(caller, promptId);
    const { tenantId, userId } = caller.identity;
    const id = `${tenantId}:${userId}:${use.eventId}`;
    if (this.#useIds.has(id)) return Promise.resolve({ recorded: false });
    this.#useIds.add(id);
    this.uses.push({ tenantId, userId, promptId, ...use });
    this.#replace(tenantId, { ...prompt, usageCount: prompt.usageCount + 1 });
    return Promise.resolve({ recorded: true });
  }

  propose(
    caller: Caller,
    content: PromptContent,
    source: { readonly kind: 'message' | 'practice'; readonly reference?: string },
  ): Promise<PromptView> {
    this.beforeEach('propose');
    const parsed = promptContentSchema.safeParse(content);
    if (!parsed.success) {
      throw invalid(
        parsed.error.issues.map((issue) => ({
          field: issue.path.join('.'),
          message: issue.message,
        })),
      );
    }
    const { tenantId, userId, displayName } = caller.identity;
    // A proposal has not been published, so it has no publication date.
    const { publishedAt: _never, ...prompt } = samplePrompt({
      ...parsed.data,
      id: `proposal-${randomUUID()}`,
      status: 'in-review',
      ownerId: userId,
      ...(displayName === undefined ? {} : { ownerName: displayName }),
      createdBy: userId,
      updatedBy: userId,
      source,
    });
    this.addPrompt(tenantId, prompt);
    this.proposals.push({ tenantId, prompt, source });
    return Promise.resolve(prompt);
  }

  #key(tenantId: string, userId: string): string {
    return `${tenantId}\u0000${userId}`;
  }

  #visible(caller: Caller, promptId: string): PromptView {
    const prompt = this.promptsOf(caller.identity.tenantId).find((item) => item.id === promptId);
    const mayReview = caller.identity.roles.some((role) => role === 'champion' || role === 'admin');
    if (
      prompt === undefined ||
      (prompt.status !== 'published' && prompt.ownerId !== caller.identity.userId && !mayReview)
    ) {
      throw notFound('The prompt');
    }
    return prompt;
  }

  #replace(tenantId: string, prompt: PromptView): void {
    const list = this.#prompts.get(tenantId) ?? [];
    this.#prompts.set(
      tenantId,
      list.map((item) => (item.id === prompt.id ? prompt : item)),
    );
  }
}

/** For tests that need a failure of a given kind from the library. */
export function failWith(kind: AppError['kind']): () => never {
  return () => {
    throw new AppError(kind, `Injected ${kind} failure`);
  };
}
