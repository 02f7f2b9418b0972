// The package's index types pull in adaptivecards' TypeScript sources, which do not compile under
// this project's settings; the engine module alone has clean declarations.
import { Template } from 'adaptivecards-templating/lib/template-engine.js';
import { z } from 'zod';
import helpCardTemplate from './help-card.json' with { type: 'json' };
import noticeCardTemplate from './notice-card.json' with { type: 'json' };
import welcomeCardTemplate from './welcome-card.json' with { type: 'json' };

/**
 * Renders the bot's Adaptive Card templates. Data is parsed before it reaches the template engine:
 * the engine puts a value in place of a whole-string expression as it is, so an object where a
 * string belongs would become card JSON. Values are never re-read as template expressions, so a
 * string holding `${...}` stays text. Where a person's own words go on a card, the template puts
 * them in a `TextRun`, which Adaptive Cards never reads as markdown.
 */

export type AdaptiveCardJson = Readonly<Record<string, unknown>>;

const cardText = z.string().max(2000);

/** `personal` greets the person; `team` introduces Lastmile to a channel, group chat or meeting. */
export const welcomeCardDataSchema = z.discriminatedUnion('scope', [
  /** `name` is how to address the person: user data, shown verbatim. */
  z.object({ scope: z.literal('personal'), name: cardText }),
  z.object({ scope: z.literal('team') }),
]);
export type WelcomeCardData = z.infer<typeof welcomeCardDataSchema>;

export const helpCardDataSchema = z.object({
  /** A line above the list, or '' for none. */
  lead: cardText,
  commands: z.array(z.object({ name: cardText, summary: cardText })).max(20),
});
export type HelpCardData = z.infer<typeof helpCardDataSchema>;

export const noticeCardDataSchema = z.object({ message: cardText.min(1) });
export type NoticeCardData = z.infer<typeof noticeCardDataSchema>;

function expand(template: object, data: object): AdaptiveCardJson {
  // A fresh Template per render: `expand` keeps its context on the instance.
  const card: unknown = new Template(template).expand({ $root: data });
  if (typeof card !== 'object' || card === null || Array.isArray(card)) {
    throw new Error('An Adaptive Card template did not expand to an object.');
  }
  return card as AdaptiveCardJson;
}

export function renderWelcomeCard(data: WelcomeCardData): AdaptiveCardJson {
  return expand(welcomeCardTemplate, welcomeCardDataSchema.parse(data));
}

export function renderHelpCard(data: HelpCardData): AdaptiveCardJson {
  return expand(helpCardTemplate, helpCardDataSchema.parse(data));
}

export function renderNoticeCard(data: NoticeCardData): AdaptiveCardJson {
  return expand(noticeCardTemplate, noticeCardDataSchema.parse(data));
}
