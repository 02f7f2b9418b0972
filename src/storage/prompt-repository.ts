import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import {
  type Prompt,
  type PromptRating,
  promptRatingSchema,
  promptSchema,
  type PromptVersion,
  promptVersionSchema,
} from '../contracts/prompts.js';
import { AppError } from '../domain/errors.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository, type Versioned } from './repository.js';
import type { RetryPolicy } from './throttle-retry.js';

/**
 * A per-tenant counter bumped by every library edit, so other instances notice a change with one
 * cheap point read instead of scanning the container.
 */
const revisionSchema = z.object({
  id: z.literal('library-revision'),
  tenantId: z.string().min(1),
  type: z.literal('libraryRevision'),
  revision: z.number().int().min(0),
});
type Revision = z.infer<typeof revisionSchema>;

const versionLimit = 1000;
const listLimit = 50_000;

export function versionId(promptId: string, version: number): string {
  return `${promptId}:v${String(version)}`;
}

export function ratingId(promptId: string, userId: string): string {
  return `${promptId}:rating:${userId}`;
}

/** The `prompts` container: prompts, their versions and ratings, and the library's revision. */
export class PromptRepository {
  private readonly prompts: CosmosRepository<Prompt>;
  private readonly versions: CosmosRepository<PromptVersion>;
  private readonly ratings: CosmosRepository<PromptRating>;
  private readonly revisions: CosmosRepository<Revision>;

  constructor(container: Container, options: { journal?: WriteJournal; retry?: RetryPolicy }) {
    const common = {
      name: 'prompts',
      journal: options.journal,
      partitionKeyOf: (document: { tenantId: string }) => document.tenantId,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    };
    this.prompts = new CosmosRepository(container, {
      ...common,
      type: 'prompt',
      schema: promptSchema,
    });
    this.versions = new CosmosRepository(container, {
      ...common,
      type: 'promptVersion',
      schema: promptVersionSchema,
    });
    this.ratings = new CosmosRepository(container, {
      ...common,
      type: 'promptRating',
      schema: promptRatingSchema,
    });
    this.revisions = new CosmosRepository(container, {
      ...common,
      type: 'libraryRevision',
      schema: revisionSchema,
    });
  }

  async find(tenantId: string, id: string): Promise<Versioned<Prompt> | undefined> {
    return this.prompts.find({ tenantId }, id);
  }

  async create(prompt: Prompt): Promise<Versioned<Prompt>> {
    return this.prompts.create(prompt);
  }

  async replace(prompt: Prompt, etag: string): Promise<Versioned<Prompt>> {
    return this.prompts.replace(prompt, etag);
  }

  /** Counts one more use without touching the ETag race of editors (a patch, not a replace). */
  async incrementUsage(tenantId: string, id: string): Promise<Versioned<Prompt>> {
    return this.prompts.patch({ tenantId }, id, [{ op: 'incr', path: '/usageCount', value: 1 }]);
  }

  async adjustRatings(
    tenantId: string,
    id: string,
    up: number,
    down: number,
  ): Promise<Versioned<Prompt>> {
    return this.prompts.patch({ tenantId }, id, [
      { op: 'incr', path: '/ratingUp', value: up },
      { op: 'incr', path: '/ratingDown', value: down },
    ]);
  }

  /** Every prompt of a tenant (the search index's load), or those changed at or after `sinceTs`. */
  async listAll(tenantId: string, sinceTs?: number): Promise<Versioned<Prompt>[]> {
    return this.prompts.queryAll(
      { tenantId },
      sinceTs === undefined
        ? {}
        : { where: 'c._ts >= @since', parameters: [{ name: '@since', value: sinceTs }] },
      listLimit,
    );
  }

  /**
   * Published prompts whose title or body contains the text: the simple design the in-memory index
   * replaces, kept as the search benchmark's baseline.
   */
  async containsSearch(tenantId: string, text: string, limit: number): Promise<Prompt[]> {
    const page = await this.prompts.query(
      { tenantId },
      {
        where:
          "c.status = 'published' AND (CONTAINS(LOWER(c.title), @text) OR CONTAINS(LOWER(c.body), @text))",
        parameters: [{ name: '@text', value: text.toLowerCase() }],
      },
      { maxItemCount: limit },
    );
    return page.items.map((item) => item.value);
  }

  async createVersion(version: PromptVersion): Promise<void> {
    await this.versions.createIfAbsent(version);
  }

  async listVersions(tenantId: string, promptId: string): Promise<PromptVersion[]> {
    const found = await this.versions.queryAll(
      { tenantId },
      {
        where: 'c.promptId = @promptId',
        parameters: [{ name: '@promptId', value: promptId }],
        orderBy: 'c.version DESC',
      },
      versionLimit,
    );
    return found.map((item) => item.value);
  }

  async findVersion(
    tenantId: string,
    promptId: string,
    version: number,
  ): Promise<PromptVersion | undefined> {
    return (await this.versions.find({ tenantId }, versionId(promptId, version)))?.value;
  }

  async findRating(
    tenantId: string,
    promptId: string,
    userId: string,
  ): Promise<PromptRating | undefined> {
    return (await this.ratings.find({ tenantId }, ratingId(promptId, userId)))?.value;
  }

  async upsertRating(rating: PromptRating): Promise<void> {
    await this.ratings.upsert(rating);
  }

  async revision(tenantId: string): Promise<number> {
    return (await this.revisions.find({ tenantId }, 'library-revision'))?.value.revision ?? 0;
  }

  /** Marks the tenant's library as changed, for other instances' search indexes. */
  async bumpRevision(tenantId: string): Promise<number> {
    try {
      const bumped = await this.revisions.patch({ tenantId }, 'library-revision', [
        { op: 'incr', path: '/revision', value: 1 },
      ]);
      return bumped.value.revision;
    } catch (error) {
      if (!(error instanceof AppError && error.kind === 'not-found')) throw error;
      const { created } = await this.revisions.createIfAbsent({
        id: 'library-revision',
        tenantId,
        type: 'libraryRevision',
        revision: 1,
      });
      return created ? 1 : this.bumpRevision(tenantId);
    }
  }
}
