import { flagCategorySchema } from '../src/contracts/feedback.js';
import type { Caller } from '../src/services/caller.js';
import type { PromptCatalog } from '../src/services/prompt-catalog.js';
import { renderFlagChatCard, renderSuggestionCard } from './cards/feedback-cards.js';
import { renderNoticeCard, type AdaptiveCardJson } from './cards/render-card.js';
import type { FlagRaiser } from './message-extension.js';
import { oneLine } from './plain-text.js';
import { formText } from './prompt-forms.js';

const pickerSize = 25;
const promptIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/u;

export const flagThanks =
  'Thank you: your flag is with your AI champion and the prompt owner. You will hear back when it is dealt with.';

/** `flag` typed to the bot: a form for the output and what was wrong, sent with `submitFlag`. */
export class FlagChat {
  constructor(
    private readonly deps: {
      readonly flags: FlagRaiser;
      readonly prompts: Pick<PromptCatalog, 'searchPublished'>;
    },
  ) {}

  async form(
    caller: Caller,
    entered: { category: string; expected: string; promptId: string; outputText: string } = {
      category: '',
      expected: '',
      promptId: '',
      outputText: '',
    },
    errors: readonly string[] = [],
    source: 'bot' | 'prompt-card' = 'bot',
  ): Promise<AdaptiveCardJson> {
    const page = await this.deps.prompts.searchPublished(caller, {
      text: '',
      skip: 0,
      count: pickerSize,
    });
    const category = flagCategorySchema.safeParse(entered.category);
    const prompts = page.items.map((prompt) => ({
      id: prompt.id,
      title: oneLine(prompt.title, 120),
    }));
    return renderFlagChatCard({
      category: category.success ? category.data : '',
      expected: entered.expected,
      promptId: prompts.some((prompt) => prompt.id === entered.promptId) ? entered.promptId : '',
      prompts,
      errors: errors.map((line) => ({ line })),
      outputText: entered.outputText,
      source,
    });
  }

  /** A thumbs-down on an inserted prompt card: the form, with that prompt already chosen. */
  async fromPromptCard(caller: Caller, data: unknown): Promise<AdaptiveCardJson> {
    const promptId = formText(data, 'promptId');
    return this.form(
      caller,
      {
        category: 'unhelpful',
        expected: '',
        promptId: promptIdPattern.test(promptId) ? promptId : '',
        outputText: '',
      },
      [],
      'prompt-card',
    );
  }

  /** The card's values: a flag raised (once per card action), or the form again with what is missing. */
  async submit(
    caller: Caller,
    data: unknown,
    activityId: string | undefined,
  ): Promise<AdaptiveCardJson> {
    const entered = {
      category: formText(data, 'category'),
      expected: formText(data, 'expected').slice(0, 2000),
      promptId: formText(data, 'promptId'),
      outputText: formText(data, 'outputText').slice(0, 8000),
    };
    const source = formText(data, 'source') === 'prompt-card' ? 'prompt-card' : 'bot';
    const category = flagCategorySchema.safeParse(entered.category);
    if (!category.success || entered.expected === '') {
      return this.form(
        caller,
        entered,
        [
          ...(category.success ? [] : ['Choose what was wrong with it.']),
          ...(entered.expected === '' ? ['Say what you expected instead.'] : []),
        ],
        source,
      );
    }
    await this.deps.flags.raise(caller, {
      source,
      category: category.data,
      expected: entered.expected,
      outputText: entered.outputText,
      ...(promptIdPattern.test(entered.promptId) ? { promptId: entered.promptId } : {}),
      ...(activityId === undefined ? {} : { sourceEventId: activityId }),
    });
    return renderNoticeCard({ message: flagThanks });
  }
}

/** Records a workflow improvement (`ImprovementService.suggest`). */
export interface Suggestions {
  suggest(
    caller: Caller,
    request: { title: string; detail: string },
    options: { sourceEventId?: string | undefined },
  ): Promise<unknown>;
}

export const suggestionThanks =
  'Thank you: your suggestion is with your AI champion, who reads every one. The best go to the AI vendor.';

/** `suggest` typed to the bot: a short form, sent with `submitSuggestion`. */
export class SuggestionChat {
  constructor(private readonly suggestions: Suggestions) {}

  form(entered = { title: '', detail: '' }, errors: readonly string[] = []): AdaptiveCardJson {
    return renderSuggestionCard({ ...entered, errors: errors.map((line) => ({ line })) });
  }

  async submit(
    caller: Caller,
    data: unknown,
    activityId: string | undefined,
  ): Promise<AdaptiveCardJson> {
    const entered = {
      title: formText(data, 'title').slice(0, 120),
      detail: formText(data, 'detail').slice(0, 4000),
    };
    if (entered.title.length < 3) {
      return this.form(entered, ['Give your suggestion a short title (3 characters or more).']);
    }
    await this.suggestions.suggest(caller, entered, { sourceEventId: activityId });
    return renderNoticeCard({ message: suggestionThanks });
  }
}
