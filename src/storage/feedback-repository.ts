import type { Container } from '@azure/cosmos';
import {
  type Flag,
  flagSchema,
  type Improvement,
  improvementSchema,
} from '../contracts/feedback.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository, type Versioned } from './repository.js';
import type { RetryPolicy } from './throttle-retry.js';

const listLimit = 20_000;

/** Flags and improvement suggestions in the `feedback` container (partition `/tenantId`). */
export class FeedbackRepository {
  private readonly flags: CosmosRepository<Flag>;
  private readonly improvements: CosmosRepository<Improvement>;

  constructor(container: Container, options: { journal?: WriteJournal; retry?: RetryPolicy }) {
    this.flags = new CosmosRepository(container, {
      name: 'feedback',
      type: 'flag',
      schema: flagSchema,
      partitionKeyOf: (flag) => flag.tenantId,
      journal: options.journal,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    });
    this.improvements = new CosmosRepository(container, {
      name: 'feedback',
      type: 'improvement',
      schema: improvementSchema,
      partitionKeyOf: (improvement) => improvement.tenantId,
      journal: options.journal,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    });
  }

  async findImprovement(tenantId: string, id: string): Promise<Versioned<Improvement> | undefined> {
    return this.improvements.find({ tenantId }, id);
  }

  async createImprovementIfAbsent(improvement: Improvement): Promise<{ created: boolean }> {
    return this.improvements.createIfAbsent(improvement);
  }

  async replaceImprovement(
    improvement: Improvement,
    etag: string,
  ): Promise<Versioned<Improvement>> {
    return this.improvements.replace(improvement, etag);
  }

  async listImprovements(tenantId: string): Promise<Versioned<Improvement>[]> {
    return this.improvements.queryAll({ tenantId }, { orderBy: 'c.createdAt DESC' }, listLimit);
  }

  async findFlag(tenantId: string, id: string): Promise<Versioned<Flag> | undefined> {
    return this.flags.find({ tenantId }, id);
  }

  async createFlagIfAbsent(flag: Flag): Promise<{ created: boolean }> {
    return this.flags.createIfAbsent(flag);
  }

  async replaceFlag(flag: Flag, etag: string): Promise<Versioned<Flag>> {
    return this.flags.replace(flag, etag);
  }

  /** A tenant's flags, or only those one person raised or reviews. */
  async listFlags(
    tenantId: string,
    filter: { readonly involving?: string | undefined },
  ): Promise<Versioned<Flag>[]> {
    return this.flags.queryAll(
      { tenantId },
      filter.involving === undefined
        ? { orderBy: 'c.createdAt' }
        : {
            where: '(c.flaggedBy = @person OR c.reviewerId = @person)',
            parameters: [{ name: '@person', value: filter.involving }],
            orderBy: 'c.createdAt',
          },
      listLimit,
    );
  }
}
