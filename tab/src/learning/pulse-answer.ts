import { pulseRequestSchema } from '../../../src/contracts/adoption.js';
import type { PulseAnswerView } from '../../../src/contracts/pulse.js';

/** The path of this week's pulse: `GET` for the question, `POST` for the answer. */
export const pulsePath = '/api/pulse';

export type MinutesCheck =
  | { readonly ok: true; readonly minutes: number }
  | { readonly ok: false; readonly message: string };

/** The most minutes an answer may give, as the API checks it. */
export const maxMinutes = pulseRequestSchema.shape.minutes.maxValue ?? 10_000;

/** The minutes as typed: a whole number from 1 to `maxMinutes`, the same bounds as the API. */
export function checkMinutes(text: string): MinutesCheck {
  const trimmed = text.trim();
  if (!/^\d+$/u.test(trimmed)) {
    return { ok: false, message: 'Enter the minutes it took as a whole number.' };
  }
  const minutes = Number(trimmed);
  if (minutes < 1 || minutes > maxMinutes) {
    return { ok: false, message: `Enter a number of minutes from 1 to ${String(maxMinutes)}.` };
  }
  return { ok: true, minutes };
}

/** "45 minutes, and AI helped": what was recorded, in words. */
export function answerText(answer: Pick<PulseAnswerView, 'minutes' | 'aiHelped'>): string {
  const minutes = `${String(answer.minutes)} ${answer.minutes === 1 ? 'minute' : 'minutes'}`;
  return `${minutes}, and ${answer.aiHelped ? 'AI helped' : 'AI did not help'}`;
}
