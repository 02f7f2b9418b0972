import type { ConversationReference, TenantChannel } from '../contracts/deliveries.js';

export interface ConversationBookPorts {
  readonly conversations: {
    find(tenantId: string, userId: string): Promise<ConversationReference | undefined>;
    save(reference: ConversationReference): Promise<void>;
    saveChannel(channel: TenantChannel): Promise<void>;
  };
}

/** Where a person was last heard from in a 1:1 chat with the bot. */
export interface HeardFrom {
  readonly tenantId: string;
  readonly userId: string;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly botId: string;
}

const rememberedLimit = 50_000;

/**
 * Keeps the conversation references proactive messages need: each person's 1:1 chat, and the
 * tenant's service URL for creating one. Most messages come from a known place, so what this
 * instance saved is remembered and only a change is written.
 */
export class ConversationBook {
  private readonly saved = new Map<string, string>();

  constructor(
    private readonly ports: ConversationBookPorts,
    private readonly now: () => Date,
  ) {}

  /**
   * Where the bot can reach a tenant from, heard in any conversation (a team, a meeting chat): a
   * person who has never chatted with the bot 1:1 can then get a new 1:1 chat.
   */
  async rememberChannel(heard: Omit<HeardFrom, 'userId' | 'conversationId'>): Promise<void> {
    const key = `${heard.tenantId}/`;
    const where = `${heard.serviceUrl} ${heard.botId}`;
    if (this.saved.get(key) === where) return;
    await this.ports.conversations.saveChannel({
      id: 'bot-channel',
      tenantId: heard.tenantId,
      type: 'tenantChannel',
      serviceUrl: heard.serviceUrl,
      channelId: heard.channelId,
      botId: heard.botId,
      updatedAt: this.now().toISOString(),
    });
    this.saved.set(key, where);
  }

  async remember(heard: HeardFrom): Promise<void> {
    const key = `${heard.tenantId}/${heard.userId}`;
    const where = `${heard.conversationId} ${heard.serviceUrl} ${heard.botId}`;
    if (this.saved.get(key) === where) return;
    const stored = await this.ports.conversations.find(heard.tenantId, heard.userId);
    const updatedAt = this.now().toISOString();
    const changed =
      stored === undefined ||
      stored.conversationId !== heard.conversationId ||
      stored.serviceUrl !== heard.serviceUrl ||
      stored.botId !== heard.botId;
    if (changed) {
      await this.ports.conversations.save({
        id: `conversation:${heard.userId}`,
        tenantId: heard.tenantId,
        type: 'conversationReference',
        userId: heard.userId,
        conversationId: heard.conversationId,
        serviceUrl: heard.serviceUrl,
        channelId: heard.channelId,
        botId: heard.botId,
        updatedAt,
      });
      await this.ports.conversations.saveChannel({
        id: 'bot-channel',
        tenantId: heard.tenantId,
        type: 'tenantChannel',
        serviceUrl: heard.serviceUrl,
        channelId: heard.channelId,
        botId: heard.botId,
        updatedAt,
      });
    }
    if (this.saved.size >= rememberedLimit) this.saved.clear();
    this.saved.set(key, where);
  }
}
