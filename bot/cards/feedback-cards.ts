import { z } from 'zod';
import { flagCategorySchema } from '../../src/contracts/feedback.js';
import flagFormCardTemplate from './flag-form-card.json' with { type: 'json' };
import suggestionCardTemplate from './suggestion-card.json' with { type: 'json' };
import { expand } from './render-card.js';
import type { AdaptiveCardJson } from './render-card.js';

/**
 * The cards of the feedback loop. As in render-card.ts, data is parsed before it reaches the
 * template engine, and whatever a person wrote (the flagged message, its author, prompt titles,
 * what they expected) goes in a `TextRun` or an input's label or value, which Adaptive Cards never
 * read as markdown.
 */

const cardText = z.string().max(2000);

// ---------------------------------------------------------------------------------------------
// Flag form

export const flagFormCardDataSchema = z.object({
  /** The flagged message's text, already shortened, or '' for none. */
  excerpt: z.string().max(600),
  /** Who wrote the flagged message, or '' when unknown. */
  author: z.string().max(200),
  /** '' leaves the category unchosen. */
  category: z.union([z.literal(''), flagCategorySchema]),
  expected: cardText,
  /** '' leaves the prompt unchosen. */
  promptId: z.string().max(64),
  /** Empty hides the prompt input: there is nothing to choose from. */
  prompts: z
    .array(z.object({ id: z.string().min(1).max(64), title: z.string().min(1).max(200) }))
    .max(25),
  errors: z.array(z.object({ line: cardText.min(1) })).max(10),
});
export type FlagFormCardData = z.infer<typeof flagFormCardDataSchema>;

export function renderFlagFormCard(data: FlagFormCardData): AdaptiveCardJson {
  return expand(flagFormCardTemplate, flagFormCardDataSchema.parse(data));
}

/**
 * The same form in a chat with the bot (`flag`): there is no message to quote, so it asks for the
 * output itself, and it answers through `Action.Execute` (verb `submitFlag`), which refreshes the
 * card in place.
 */
export function renderFlagChatCard(
  data: Omit<FlagFormCardData, 'excerpt' | 'author'> & {
    readonly outputText: string;
    /** Where the form was opened from: the bot's `flag`, or a thumbs-down on a prompt card. */
    readonly source?: 'bot' | 'prompt-card';
  },
): AdaptiveCardJson {
  const { outputText, source, ...form } = data;
  const card = renderFlagFormCard({ ...form, excerpt: '', author: '' });
  const body = Array.isArray(card['body']) ? (card['body'] as unknown[]) : [];
  const outputInput = {
    type: 'Input.Text',
    id: 'outputText',
    label: 'The AI output (paste it here)',
    isMultiline: true,
    maxLength: 8000,
    value: z.string().max(8000).parse(outputText),
  };
  return {
    ...card,
    body: [...body.slice(0, 1), outputInput, ...body.slice(1)],
    actions: [
      {
        type: 'Action.Execute',
        title: 'Send flag',
        verb: 'submitFlag',
        data: source === 'prompt-card' ? { source } : {},
      },
    ],
  };
}

export const suggestionCardDataSchema = z.object({
  title: z.string().max(120),
  detail: z.string().max(4000),
  errors: z.array(z.object({ line: z.string().min(1).max(2000) })).max(10),
});
export type SuggestionCardData = z.infer<typeof suggestionCardDataSchema>;

/** `suggest` in the bot: a workflow improvement, sent with `Action.Execute` `submitSuggestion`. */
export function renderSuggestionCard(data: SuggestionCardData): AdaptiveCardJson {
  return expand(suggestionCardTemplate, suggestionCardDataSchema.parse(data));
}
