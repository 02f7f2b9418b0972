import type { Container } from '@azure/cosmos';
import {
  type ConversationReference,
  conversationReferenceSchema,
  type TenantChannel,
  tenantChannelSchema,
} from '../contracts/deliveries.js';
import { AppError } from '../domain/errors.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository } from './repository.js';
import type { RetryPolicy } from './throttle-retry.js';

const tenantChannelId = 'bot-channel';

/**
 * Where the bot can reach people without being spoken to, in the `people` container: one
 * conversation reference per person (`conversation:<userId>`) for their 1:1 chat, and per tenant
 * the channel the bot last heard from, which is where new 1:1 chats are created.
 */
export class ConversationRepository {
  private readonly references: CosmosRepository<ConversationReference>;
  private readonly channels: CosmosRepository<TenantChannel>;

  constructor(container: Container, options: { journal?: WriteJournal; retry?: RetryPolicy }) {
    const common = {
      name: 'people',
      journal: options.journal,
      partitionKeyOf: (document: { tenantId: string }) => document.tenantId,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    };
    this.references = new CosmosRepository(container, {
      ...common,
      type: 'conversationReference',
      schema: conversationReferenceSchema,
    });
    this.channels = new CosmosRepository(container, {
      ...common,
      type: 'tenantChannel',
      schema: tenantChannelSchema,
    });
  }

  async find(tenantId: string, userId: string): Promise<ConversationReference | undefined> {
    return (await this.references.find({ tenantId }, referenceId(userId)))?.value;
  }

  async save(reference: ConversationReference): Promise<void> {
    await this.references.upsert({ ...reference, id: referenceId(reference.userId) });
  }

  /** Drops a reference Teams no longer knows, so the next send creates a new 1:1 chat. */
  async forget(tenantId: string, userId: string): Promise<void> {
    try {
      await this.references.delete({ tenantId }, referenceId(userId));
    } catch (error) {
      if (!(error instanceof AppError && error.kind === 'not-found')) throw error;
    }
  }

  async findChannel(tenantId: string): Promise<TenantChannel | undefined> {
    return (await this.channels.find({ tenantId }, tenantChannelId))?.value;
  }

  async saveChannel(channel: TenantChannel): Promise<void> {
    await this.channels.upsert(channel);
  }
}

function referenceId(userId: string): string {
  return `conversation:${userId}`;
}
