import type { DeliveryPayload, DeliveryRecipient } from '../../../src/contracts/deliveries.js';

/** Who a delivery was for, in words. */
export function recipientText(recipient: DeliveryRecipient): string {
  return recipient.kind === 'person'
    ? `Person ${recipient.userId}`
    : `Conversation ${recipient.conversationId}`;
}

/** What a delivery carried, in words: a lesson, a weekly pulse, or a notice and why it was sent. */
export function payloadText(payload: DeliveryPayload): string {
  if (payload.kind === 'lesson') return `Lesson “${payload.lessonId}”`;
  if (payload.kind === 'pulse') return `Weekly pulse (${payload.week})`;
  return `Notice “${payload.title}” (${payload.topic})`;
}

/** "1 attempt", "5 attempts". */
export function attemptsText(attempts: number): string {
  return `${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}`;
}
