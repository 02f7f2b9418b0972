import MiniSearch from 'minisearch';
import type { Prompt } from '../contracts/prompts.js';

/**
 * A prompt as the index holds it: the whole document with its ETag, so lists and the compose box
 * are answered from memory. Point reads (GET /api/prompts/:id, edits) still go to the store.
 */
export interface IndexedPrompt {
  readonly prompt: Prompt;
  readonly etag: string;
}

export interface SearchIndexPorts {
  readonly prompts: {
    listAll(
      tenantId: string,
      sinceTs?: number,
    ): Promise<{ value: Prompt; etag: string; timestamp: number }[]>;
    revision(tenantId: string): Promise<number>;
  };
}

export interface SearchBoost {
  /** The caller's job family: its prompts rank higher. */
  readonly jobFamilyId?: string | undefined;
  /** Tasks the caller's department mapped: prompts for them rank higher. */
  readonly taskIds?: ReadonlySet<string>;
}

interface IndexedDocument {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly tags: string;
}

interface TenantIndex {
  readonly text: MiniSearch<IndexedDocument>;
  readonly entries: Map<string, IndexedPrompt>;
  revision: number;
  /** Highest `_ts` seen; changes are re-read from one second before it (`_ts` has second precision). */
  lastTimestamp: number;
  lastCheckedAt: number;
  refreshing: Promise<void> | undefined;
}

/**
 * `{{placeholders}}` are not words of the prompt, and variable descriptions ("the client") are
 * left out too: they match almost every prompt and only slow the search down.
 */
const placeholderPattern = /\{\{[^}]*\}\}/g;

function documentOf(prompt: Prompt): IndexedDocument {
  return {
    id: prompt.id,
    title: prompt.title,
    body: prompt.body.replace(placeholderPattern, ' '),
    tags: prompt.tags.join(' '),
  };
}

/** How much a prompt's fit and track record multiply its text score. */
export function boostFactor(prompt: Prompt, boost: SearchBoost): number {
  let factor = 1;
  if (boost.jobFamilyId !== undefined && prompt.jobFamilyIds.includes(boost.jobFamilyId))
    factor *= 1.6;
  if (boost.taskIds !== undefined && prompt.taskIds.some((task) => boost.taskIds?.has(task)))
    factor *= 1.3;
  // Wilson-free but bounded: well-rated and well-used prompts edge ahead, never dominate.
  const votes = prompt.ratingUp + prompt.ratingDown;
  if (votes > 0) factor *= 1 + (0.3 * (prompt.ratingUp - prompt.ratingDown)) / (votes + 5);
  factor *= 1 + Math.min(0.2, Math.log10(1 + prompt.usageCount) / 15);
  return factor;
}

/**
 * An in-memory MiniSearch index per tenant (DESIGN.md), loaded from Cosmos DB on first use. This
 * instance's own writes go straight in; other instances' writes are noticed through the tenant's
 * library revision, read at most once per refresh interval, after which only documents with a newer
 * `_ts` are read again. Searches never wait for that check.
 */
export class PromptSearchIndex {
  private readonly tenants = new Map<string, Promise<TenantIndex>>();

  constructor(
    private readonly ports: SearchIndexPorts,
    private readonly options: { readonly refreshIntervalMs: number; readonly clock: () => number },
  ) {}

  /** The prompts that match `text`, best first, among those `accept` lets through. */
  async search(
    tenantId: string,
    text: string,
    accept: (prompt: Prompt) => boolean,
    boost: SearchBoost,
  ): Promise<IndexedPrompt[]> {
    const index = await this.tenant(tenantId);
    const query = text.trim().slice(0, 200);
    if (query === '') return this.best(index, accept, boost);
    const options = {
      prefix: true,
      boost: { title: 3, tags: 2 },
      filter: (result: { id: unknown }) => {
        const entry = index.entries.get(String(result.id));
        return entry !== undefined && accept(entry.prompt);
      },
      boostDocument: (id: unknown) => {
        const entry = index.entries.get(String(id));
        return entry === undefined ? 1 : boostFactor(entry.prompt, boost);
      },
    };
    // Fuzzy matching is the expensive part and only helps with typos, so it runs only when the
    // words as typed (and their prefixes) find nothing.
    const fuzzy = {
      fuzzy: (term: string) => (term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : false),
    };
    let results = index.text.search(query, { ...options, combineWith: 'AND' });
    if (results.length === 0)
      results = index.text.search(query, { ...options, ...fuzzy, combineWith: 'AND' });
    if (results.length === 0)
      results = index.text.search(query, { ...options, ...fuzzy, combineWith: 'OR' });
    return results.flatMap((result) => {
      const entry = index.entries.get(String(result.id));
      return entry === undefined ? [] : [entry];
    });
  }

  /** Every prompt `accept` lets through, in no particular order. */
  async all(tenantId: string, accept: (prompt: Prompt) => boolean): Promise<IndexedPrompt[]> {
    const index = await this.tenant(tenantId);
    return [...index.entries.values()].filter((entry) => accept(entry.prompt));
  }

  /**
   * Records a revision this instance made itself, so the next refresh does not re-read the store
   * for it; a jump of more than one means another instance wrote too, and is left for the refresh.
   */
  async noteOwnRevision(tenantId: string, revision: number): Promise<void> {
    const index = await this.tenant(tenantId);
    if (revision === index.revision + 1) index.revision = revision;
  }

  /**
   * Drops a tenant's index, so the next use loads it again from the store: after an erasure
   * rewrote prompts' owners, or an offboarding removed them all.
   */
  forget(tenantId: string): void {
    this.tenants.delete(tenantId);
  }

  /** Puts this instance's own write into the index at once. */
  async upsert(tenantId: string, prompt: Prompt, etag: string): Promise<void> {
    const index = await this.tenant(tenantId);
    this.put(index, prompt, etag);
  }

  /** The best prompts without a query: fit first, then track record, then freshness. */
  private best(
    index: TenantIndex,
    accept: (prompt: Prompt) => boolean,
    boost: SearchBoost,
  ): IndexedPrompt[] {
    return [...index.entries.values()]
      .filter((entry) => accept(entry.prompt))
      .map((entry) => ({ entry, score: boostFactor(entry.prompt, boost) }))
      .sort(
        (a, b) =>
          b.score - a.score || b.entry.prompt.updatedAt.localeCompare(a.entry.prompt.updatedAt),
      )
      .map(({ entry }) => entry);
  }

  private put(index: TenantIndex, prompt: Prompt, etag: string): void {
    const document = documentOf(prompt);
    if (index.text.has(prompt.id)) index.text.replace(document);
    else index.text.add(document);
    index.entries.set(prompt.id, { prompt, etag });
  }

  private tenant(tenantId: string): Promise<TenantIndex> {
    let loading = this.tenants.get(tenantId);
    if (loading === undefined) {
      loading = this.load(tenantId);
      this.tenants.set(tenantId, loading);
      loading.catch(() => this.tenants.delete(tenantId));
      return loading;
    }
    return loading.then((index) => {
      this.refreshInBackground(tenantId, index);
      return index;
    });
  }

  private async load(tenantId: string): Promise<TenantIndex> {
    const revision = await this.ports.prompts.revision(tenantId);
    const prompts = await this.ports.prompts.listAll(tenantId);
    const index: TenantIndex = {
      text: new MiniSearch<IndexedDocument>({
        fields: ['title', 'body', 'tags'],
        storeFields: [],
      }),
      entries: new Map(),
      revision,
      lastTimestamp: 0,
      lastCheckedAt: this.options.clock(),
      refreshing: undefined,
    };
    for (const { value, etag, timestamp } of prompts) {
      this.put(index, value, etag);
      index.lastTimestamp = Math.max(index.lastTimestamp, timestamp);
    }
    return index;
  }

  private refreshInBackground(tenantId: string, index: TenantIndex): void {
    const now = this.options.clock();
    if (
      index.refreshing !== undefined ||
      now - index.lastCheckedAt < this.options.refreshIntervalMs
    )
      return;
    index.lastCheckedAt = now;
    index.refreshing = this.refresh(tenantId, index)
      .catch(() => undefined)
      .finally(() => {
        index.refreshing = undefined;
      });
  }

  private async refresh(tenantId: string, index: TenantIndex): Promise<void> {
    const revision = await this.ports.prompts.revision(tenantId);
    if (revision === index.revision) return;
    if (revision < index.revision) {
      // The counter went back: the tenant's library was removed (offboarding) on another instance.
      this.forget(tenantId);
      return;
    }
    const changed = await this.ports.prompts.listAll(
      tenantId,
      Math.max(0, index.lastTimestamp - 1),
    );
    for (const { value, etag, timestamp } of changed) {
      this.put(index, value, etag);
      index.lastTimestamp = Math.max(index.lastTimestamp, timestamp);
    }
    index.revision = revision;
  }

  /** For tests and benchmarks: wait for any refresh under way. */
  async settled(tenantId: string): Promise<void> {
    const index = await this.tenants.get(tenantId);
    await index?.refreshing;
  }
}
