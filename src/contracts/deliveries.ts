import { z } from 'zod';
import { isoWeekSchema } from './activity.js';

/**
 * Where the bot can reach a person or a conversation without being spoken to: the Bot Framework
 * conversation reference, kept in the people container (id `conversation:<userId>`) for 1:1 chats.
 */
export const conversationReferenceSchema = z.object({
  id: z.string().min(1).max(300),
  tenantId: z.string().min(1),
  type: z.literal('conversationReference'),
  userId: z.string().min(1).max(128),
  conversationId: z.string().min(1).max(500),
  serviceUrl: z.url({ protocol: /^https?$/u }),
  channelId: z.string().min(1).max(40),
  /** The bot's own id in that channel (`28:<app id>` in Teams). */
  botId: z.string().min(1).max(200),
  updatedAt: z.iso.datetime(),
});
export type ConversationReference = z.infer<typeof conversationReferenceSchema>;

/** The last place the bot heard from a tenant: where to create a 1:1 conversation from. */
export const tenantChannelSchema = z.object({
  id: z.literal('bot-channel'),
  tenantId: z.string().min(1),
  type: z.literal('tenantChannel'),
  serviceUrl: z.url({ protocol: /^https?$/u }),
  channelId: z.string().min(1).max(40),
  botId: z.string().min(1).max(200),
  updatedAt: z.iso.datetime(),
});
export type TenantChannel = z.infer<typeof tenantChannelSchema>;

export const deliveryStateSchema = z.enum(['queued', 'leased', 'sent', 'dead']);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

/** What a delivery carries; the message is rendered when it is sent, from current data. */
export const deliveryPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lesson'), lessonId: z.string().min(1).max(64) }),
  /** The weekly pulse question of an ISO week (`pulse:<userId>:<week>`). */
  z.object({ kind: z.literal('pulse'), week: isoWeekSchema }),
  z.object({
    kind: z.literal('notice'),
    title: z.string().trim().min(1).max(200),
    text: z.string().trim().min(1).max(4000),
    /** Why it was sent, for the admin's view: `flag-resolved`, `coaching`, ... */
    topic: z.string().trim().min(1).max(40),
  }),
]);
export type DeliveryPayload = z.infer<typeof deliveryPayloadSchema>;

/** Either a person (a 1:1 chat, created when needed) or a known conversation (a meeting chat). */
export const deliveryRecipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), userId: z.string().min(1).max(128) }),
  z.object({
    kind: z.literal('conversation'),
    conversationId: z.string().min(1).max(500),
    serviceUrl: z.url({ protocol: /^https?$/u }),
  }),
]);
export type DeliveryRecipient = z.infer<typeof deliveryRecipientSchema>;

/**
 * One proactive message in the `deliveries` container (partition `pk = tenantId`). The id is
 * deterministic (`lesson:<userId>:<lessonId>`, `notice:<topic>:<key>`), so enqueueing twice
 * creates one item. Workers lease an item by replacing it with `IfMatch`; the lease ends at
 * `availableAt`, after which any worker may claim it again.
 */
export const deliverySchema = z.object({
  id: z.string().min(1).max(400),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('delivery'),
  state: deliveryStateSchema,
  recipient: deliveryRecipientSchema,
  payload: deliveryPayloadSchema,
  attempts: z.number().int().min(0),
  /** When it may next be claimed: due time, retry time or lease end. */
  availableAt: z.iso.datetime(),
  leaseOwner: z.string().max(200).optional(),
  lastError: z.string().max(1000).optional(),
  /** The activity id the connector answered with, once sent. */
  activityId: z.string().max(500).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  sentAt: z.iso.datetime().optional(),
  deadAt: z.iso.datetime().optional(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** `GET /api/deliveries?state=dead`: the admin's view of what could not be delivered. */
export const deliveryViewSchema = deliverySchema
  .omit({ tenantId: true, pk: true, type: true, leaseOwner: true })
  .extend({ etag: z.string() });
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const deliveryListQuerySchema = z.object({
  state: deliveryStateSchema.default('dead'),
  // The store's own token goes into a request header: printable ASCII only.
  continuationToken: z
    .string()
    .max(4000)
    .regex(/^[\x20-\x7E]*$/u, 'is not a token from a previous page')
    .optional(),
});
export const deliveryListSchema = z.object({
  items: z.array(deliveryViewSchema),
  continuationToken: z.string().optional(),
});
export type DeliveryList = z.infer<typeof deliveryListSchema>;
