// The package's index types pull in adaptivecards' TypeScript sources, which do not compile under
// this project's settings; the engine module alone has clean declarations.
import { Template } from 'adaptivecards-templating/lib/template-engine.js';
import { z } from 'zod';
import helpCardTemplate from './help-card.json' with { type: 'json' };
import noticeCardTemplate from './notice-card.json' with { type: 'json' };
import promptCardTemplate from './prompt-card.json' with { type: 'json' };
import promptFormCardTemplate from './prompt-form-card.json' with { type: 'json' };
import promptPickerCardTemplate from './prompt-picker-card.json' with { type: 'json' };
import savePromptCardTemplate from './save-prompt-card.json' with { type: 'json' };
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

/** Prompt bodies run to 8,000 characters; filled-in values can add as much again. */
const longText = z.string().max(40_000);
const httpUrl = z.url({ protocol: /^https?$/u });

/** The card a prompt becomes in a chat: inserted from search, a link or the fill-in form. */
export const promptCardDataSchema = z.object({
  title: cardText.min(1),
  /** The prompt as it will be used: filled in, or with its `{{placeholders}}` showing. */
  text: longText.min(1),
  /** Job families and tags on one line, or '' for none. */
  labels: cardText,
  /** The prompt in the library tab, or '' when no tab address is configured. */
  libraryUrl: z.union([z.literal(''), httpUrl]),
  /** The library prompt, for the thumbs-down that flags it; '' for none. */
  promptId: z.string().max(64).default(''),
});
export type PromptCardData = z.input<typeof promptCardDataSchema>;

export const promptPickerCardDataSchema = z.object({
  error: cardText,
  search: cardText,
  choices: z.array(z.object({ title: cardText.min(1), value: cardText.min(1) })).max(50),
});
export type PromptPickerCardData = z.infer<typeof promptPickerCardDataSchema>;

export const promptFormCardDataSchema = z.object({
  promptId: cardText.min(1),
  title: cardText.min(1),
  /** The prompt with its placeholders, so people see where their words go. */
  text: longText.min(1),
  error: cardText,
  fields: z
    .array(
      z.object({
        id: cardText.min(1),
        label: cardText.min(1),
        placeholder: cardText,
        value: z.string().max(4000),
        required: z.boolean(),
      }),
    )
    .max(20),
});
export type PromptFormCardData = z.infer<typeof promptFormCardDataSchema>;

export const savePromptCardDataSchema = z.object({
  errors: z.array(z.object({ line: cardText.min(1) })).max(20),
  title: cardText,
  body: longText,
  jobFamilyId: cardText,
  jobFamilies: z.array(z.object({ id: cardText.min(1), name: cardText.min(1) })).max(50),
  tags: cardText,
  /** Who wrote the message being saved, or '' when unknown. */
  author: cardText,
});
export type SavePromptCardData = z.infer<typeof savePromptCardDataSchema>;

export function expand(template: object, data: object): AdaptiveCardJson {
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

export function renderPromptCard(data: PromptCardData): AdaptiveCardJson {
  return expand(promptCardTemplate, promptCardDataSchema.parse(data));
}

export function renderPromptPickerCard(data: PromptPickerCardData): AdaptiveCardJson {
  return expand(promptPickerCardTemplate, promptPickerCardDataSchema.parse(data));
}

export function renderPromptFormCard(data: PromptFormCardData): AdaptiveCardJson {
  return expand(promptFormCardTemplate, promptFormCardDataSchema.parse(data));
}

export function renderSavePromptCard(data: SavePromptCardData): AdaptiveCardJson {
  return expand(savePromptCardTemplate, savePromptCardDataSchema.parse(data));
}
