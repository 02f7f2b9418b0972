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
}

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
  return async (item) => {
    const { payload } = item;
    switch (payload.kind) {
      case 'lesson': {
        const card = await deps.lessonCard(item.tenantId, payload.lessonId);
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
