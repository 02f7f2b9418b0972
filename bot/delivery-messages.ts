import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { Delivery } from '../src/contracts/deliveries.js';
import { renderNoticeCard } from './cards/render-card.js';

export type DeliveryRenderer = (item: Delivery) => Promise<Partial<Activity> | undefined>;

export interface DeliveryRendererDeps {
  /** The lesson's card as the person should see it, or undefined when the lesson is gone. */
  readonly lessonCard: (
    tenantId: string,
    lessonId: string,
  ) => Promise<Record<string, unknown> | undefined>;
  /**
   * A person's weekly pulse card for an ISO week, or undefined when there is nothing to ask them
   * (or the week is over); without it, pulses render as nothing.
   */
  readonly pulseCard?: (
    tenantId: string,
    userId: string,
    week: string,
  ) => Promise<Record<string, unknown> | undefined>;
  /** How long a lesson's card is reused (a week's lesson goes to many people at once). */
  readonly lessonCardTtlMs?: number;
  readonly clock?: () => number;
}

const defaultLessonCardTtlMs = 30_000;
const lessonCardCacheSize = 500;

/** The notice card's text limit (`noticeCardDataSchema`). */
const noticeLimit = 2000;

function fitNotice(text: string): string {
  return text.length <= noticeLimit ? text : `${text.slice(0, noticeLimit - 1)}…`;
}

/**
 * Turns a queued delivery into the message to send, from current data at send time: a lesson
 * that was withdrawn meanwhile renders as nothing, and the worker dead-letters it.
 */
export function createDeliveryRenderer(deps: DeliveryRendererDeps): DeliveryRenderer {
  const ttlMs = deps.lessonCardTtlMs ?? defaultLessonCardTtlMs;
  const clock = deps.clock ?? Date.now;
  const lessonCards = new Map<
    string,
    { at: number; card: Promise<Record<string, unknown> | undefined> }
  >();
  // The card is the same for everyone who gets the lesson, and rendering it reads the lesson, its
  // task and its prompt: so one render serves the deliveries of the next `ttlMs`.
  const lessonCard = (
    tenantId: string,
    lessonId: string,
  ): Promise<Record<string, unknown> | undefined> => {
    const key = `${tenantId}/${lessonId}`;
    const cached = lessonCards.get(key);
    if (cached !== undefined && clock() - cached.at < ttlMs) return cached.card;
    if (lessonCards.size >= lessonCardCacheSize) lessonCards.clear();
    const card = deps.lessonCard(tenantId, lessonId);
    lessonCards.set(key, { at: clock(), card });
    // A failed render is not kept: the next delivery tries again.
    card.catch(() => lessonCards.delete(key));
    return card;
  };
  return async (item) => {
    const { payload } = item;
    switch (payload.kind) {
      case 'lesson': {
        const card = await lessonCard(item.tenantId, payload.lessonId);
        return card === undefined
          ? undefined
          : MessageFactory.attachment(CardFactory.adaptiveCard(card));
      }
      case 'pulse': {
        if (item.recipient.kind !== 'person' || deps.pulseCard === undefined) return undefined;
        const card = await deps.pulseCard(item.tenantId, item.recipient.userId, payload.week);
        return card === undefined
          ? undefined
          : MessageFactory.attachment(CardFactory.adaptiveCard(card));
      }
      case 'notice': {
        const card = renderNoticeCard({
          message: fitNotice(`${payload.title}\n\n${payload.text}`),
        });
        return MessageFactory.attachment(CardFactory.adaptiveCard(card));
      }
    }
  };
}
