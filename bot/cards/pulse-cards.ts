import { z } from 'zod';
import { isoWeekSchema } from '../../src/contracts/activity.js';
import { pulseAnswerSchema } from '../../src/contracts/adoption.js';
import { weekStart } from '../../src/domain/iso-week.js';
import pulseCardTemplate from './pulse-card.json' with { type: 'json' };
import { expand } from './render-card.js';
import type { AdaptiveCardJson } from './render-card.js';

/**
 * The weekly pulse card: one question about one mapped task (minutes, and whether AI helped),
 * answered with `Action.Execute` (verb `answerPulse`); once answered it becomes a thank-you that
 * shows what was recorded, with `editPulse` to change it. As in render-card.ts, data is parsed
 * before it reaches the template engine, and task names (written by leads) go in a `TextRun`.
 */

const cardText = z.string().max(2000);
/** The most minutes an answer may give, as the contract says. */
export const maxPulseMinutes = pulseAnswerSchema.shape.minutes.maxValue ?? 10_000;
const minutes = z.number().int().min(1).max(maxPulseMinutes);

export const pulseCardDataSchema = z.object({
  week: isoWeekSchema,
  /** The task asked about: this week's question, or the one being changed. */
  taskId: cardText.min(1).max(64),
  taskName: cardText.min(1),
  /** The minutes the team mapped before AI, or null to leave it out. */
  baselineMinutes: z.number().int().min(1).max(10_000).nullable(),
  /** What the form starts with: an answer being changed, or what was sent when it needs fixing. */
  values: z.object({ minutes: minutes.nullable(), aiHelped: z.boolean() }),
  /** null until answered; then the card thanks the person and shows what was recorded. */
  answered: z.object({ taskName: cardText.min(1), minutes, aiHelped: z.boolean() }).nullable(),
  /** A line near the top, or '' for none. */
  error: cardText,
});
export type PulseCardData = z.infer<typeof pulseCardDataSchema>;

function minutesText(amount: number): string {
  return `${String(amount)} ${amount === 1 ? 'minute' : 'minutes'}`;
}

/** "Week of 23 November 2026" (its Monday): people do not think in ISO week numbers. */
export function pulseWeekLabel(week: string): string {
  const monday = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(weekStart(week));
  return `Week of ${monday}`;
}

export function renderPulseCard(data: PulseCardData): AdaptiveCardJson {
  const parsed = pulseCardDataSchema.parse(data);
  const { answered } = parsed;
  return expand(pulseCardTemplate, {
    ...parsed,
    weekLabel: pulseWeekLabel(parsed.week),
    maxMinutes: maxPulseMinutes,
    baselineText:
      parsed.baselineMinutes === null
        ? ''
        : `Your team mapped it at ${minutesText(parsed.baselineMinutes)} before AI.`,
    hasMinutes: parsed.values.minutes !== null,
    aiHelpedValue: parsed.values.aiHelped ? 'true' : 'false',
    isAnswered: answered !== null,
    answered: answered ?? { taskName: '', minutes: 1, aiHelped: false },
    answeredLine:
      answered === null
        ? ''
        : `${minutesText(answered.minutes)} · ${answered.aiHelped ? 'AI helped' : 'AI did not help'}`,
  });
}
