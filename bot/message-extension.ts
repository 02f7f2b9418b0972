import type { RateLimiter } from '../src/domain/rate-limit.js';
import {
  CardFactory,
  type Activity,
  type Attachment,
  type MessagingExtensionActionResponse,
  type MessagingExtensionAttachment,
  type MessagingExtensionResponse,
} from 'botbuilder';
import { flagCategorySchema, type FlagView } from '../src/contracts/feedback.js';
import type { JobFamily } from '../src/contracts/program.js';
import type { PromptView } from '../src/contracts/prompts.js';
import { isAppError } from '../src/domain/errors.js';
import type { Caller } from '../src/services/caller.js';
import type { NewFlag } from '../src/services/flag-service.js';
import type { CallerDirectory, PromptCatalog } from '../src/services/prompt-catalog.js';
import { identityFromActivity } from './activity-identity.js';
import type { BotLogger } from './bot-endpoint.js';
import {
  renderPromptCard,
  renderPromptFormCard,
  renderPromptPickerCard,
  renderSavePromptCard,
  type AdaptiveCardJson,
} from './cards/render-card.js';
import { renderFlagFormCard } from './cards/feedback-cards.js';
import { flagThanks } from './flag-chat.js';
import { appIconUrl, libraryUrl, promptIdFromLibraryUrl } from './library-link.js';
import { escapeHtml, neutraliseMarkdown, oneLine } from './plain-text.js';
import {
  contentFromSaveForm,
  enteredValues,
  flaggedMessage,
  fillsWithDefaults,
  formFields,
  formText,
  jobFamilyChoicesFor,
  missingValuesMessage,
  promptLabels,
  saveFormErrors,
  saveFormFromData,
  saveFormFromMessage,
  type SaveForm,
} from './prompt-forms.js';

/**
 * The message extension's commands (the ids are in appPackage/manifest.json): search the library
 * and insert a prompt, fill a prompt's variables in a form, save a message as a proposed prompt,
 * and unfurl links to the library. Handlers answer every failure with a sentence the person can
 * act on, never an HTTP error, because Teams shows a bare "something went wrong" for those.
 */

/** Result cards kept for reuse, oldest dropped first. */
const attachmentCacheSize = 5000;

export const messageExtensionCommands = {
  findPrompt: 'findPrompt',
  fillPrompt: 'fillPrompt',
  saveAsPrompt: 'saveAsPrompt',
  flagOutput: 'flagOutput',
} as const;

/** Raises a flag on AI output (`FlagService.raise`). */
export interface FlagRaiser {
  raise(caller: Caller, input: NewFlag): Promise<FlagView>;
}

/** The program's job families, so cards name them (`ProgramRepository.listJobFamilies`). */
/** How long a tenant's job family names are reused by searches. */
const jobFamilyNamesMs = 30_000;

export interface JobFamilyDirectory {
  listJobFamilies(tenantId: string): Promise<readonly Pick<JobFamily, 'id' | 'name'>[]>;
}

export interface MessageExtensionDeps {
  readonly prompts: PromptCatalog;
  /** Without it, prompt cards show job family ids. */
  readonly jobFamilies?: JobFamilyDirectory | undefined;
  readonly flags?: FlagRaiser | undefined;
  readonly callers: CallerDirectory;
  /** The tab's public address, for "Open in library" links and the app icon; none in local runs. */
  readonly tabEndpoint: string | undefined;
  readonly now: () => Date;
  readonly logger?: BotLogger | undefined;
  /** Limits each person's searches (`composeExtension/query`); none means no limit. */
  readonly searchLimit?: Pick<RateLimiter, 'take' | 'perMinute'> | undefined;
}

/** The parts of an invoke activity the handlers read. */
export type InvokeActivity = Pick<
  Activity,
  'id' | 'value' | 'channelData' | 'conversation' | 'from'
>;

const defaultPageSize = 10;
const largestPage = 25;
const furthestSkip = 1000;
const pickerSize = 25;
const promptIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/u;

const sentences = {
  unknownCaller:
    'Lastmile could not tell who you are from this request. Open it from Microsoft Teams and try again.',
  notFound: 'That prompt is not in the library any more, or it is not shared with you.',
  forbidden: 'You do not have access to that.',
  throttled: 'Lastmile is busy right now. Please try again in a minute.',
  unavailable: 'The prompt library is not available right now. Please try again in a minute.',
  invalid: 'Lastmile could not use what was sent. Please check it and try again.',
  failed: "Sorry, something went wrong on Lastmile's side. Please try again in a minute.",
  unknownCommand: 'That command is not available in this version of Lastmile.',
  flagNotReady: 'Flagging AI output is not set up yet for this program.',
  flagged: flagThanks,
  choosePrompt: 'Choose a prompt first.',
} as const;

type ResponseKind = 'compose' | 'task';
type ExtensionResponse = MessagingExtensionResponse & MessagingExtensionActionResponse;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageResponse(kind: ResponseKind, text: string): ExtensionResponse {
  return kind === 'compose'
    ? { composeExtension: { type: 'message', text } }
    : { task: { type: 'message', value: text } };
}

function resultResponse(attachments: MessagingExtensionAttachment[]): ExtensionResponse {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

function continueTask(title: string, card: AdaptiveCardJson): ExtensionResponse {
  return {
    task: {
      type: 'continue',
      value: { title, height: 'large', width: 'medium', card: CardFactory.adaptiveCard(card) },
    },
  };
}

function nonNegativeInteger(value: unknown, fallback: number, ceiling: number): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) return fallback;
  return Math.min(Math.floor(number), ceiling);
}

interface SearchRequest {
  readonly commandId: string;
  readonly text: string;
  readonly skip: number;
  readonly count: number;
}

/**
 * A `composeExtension/query` value. When the search box opens empty Teams sends the parameter
 * `initialRun` instead of `searchQuery`; both mean "the best for me" when there is no text.
 */
function searchRequestFrom(value: unknown): SearchRequest {
  const query = isRecord(value) ? value : {};
  const parameters = Array.isArray(query.parameters) ? (query.parameters as unknown[]) : [];
  const search = parameters.find(
    (parameter) => isRecord(parameter) && parameter.name === 'searchQuery',
  );
  const raw = isRecord(search) && typeof search.value === 'string' ? search.value : '';
  const options = isRecord(query.queryOptions) ? query.queryOptions : {};
  const count = nonNegativeInteger(options.count, defaultPageSize, largestPage);
  return {
    commandId: typeof query.commandId === 'string' ? query.commandId : '',
    text: raw.trim().slice(0, 200),
    skip: nonNegativeInteger(options.skip, 0, furthestSkip),
    count: count === 0 ? defaultPageSize : count,
  };
}

function promptIdIn(data: unknown): string | undefined {
  const id = formText(data, 'promptId');
  return promptIdPattern.test(id) ? id : undefined;
}

function commandIdOf(value: unknown): string {
  return isRecord(value) && typeof value.commandId === 'string' ? value.commandId : '';
}

function dataOf(value: unknown): unknown {
  return isRecord(value) ? value.data : undefined;
}

/** Runs the message extension's commands against the prompt library. */
export class PromptMessageExtension {
  readonly #deps: MessageExtensionDeps;

  readonly #familyNames = new Map<
    string,
    { readonly at: number; readonly names: Promise<ReadonlyMap<string, string>> }
  >();

  readonly #attachments = new Map<string, MessagingExtensionAttachment>();

  constructor(deps: MessageExtensionDeps) {
    this.#deps = deps;
  }

  /** `composeExtension/query`: a page of published prompts, each with its card and a preview. */
  query(activity: InvokeActivity): Promise<MessagingExtensionResponse> {
    return this.#asCaller(activity, 'compose', async (caller) => {
      const request = searchRequestFrom(activity.value);
      if (request.commandId !== messageExtensionCommands.findPrompt) {
        return messageResponse('compose', sentences.unknownCommand);
      }
      const { tenantId, userId } = caller.identity;
      const decision = this.#deps.searchLimit?.take(`${tenantId}/${userId}`, Date.now());
      if (decision?.allowed === false) {
        return messageResponse(
          'compose',
          `That is a lot of searches in a short time. Try again in ${String(decision.retryAfterSeconds)} seconds.`,
        );
      }
      const page = await this.#deps.prompts.searchPublished(caller, {
        text: request.text,
        skip: request.skip,
        count: request.count,
      });
      const names = await this.#jobFamilyNames(caller);
      const attachments = await Promise.all(
        page.items.map(async (prompt) =>
          this.#resultAttachment(prompt, await this.#shownText(caller, prompt), names),
        ),
      );
      return resultResponse(attachments);
    });
  }

  /**
   * `composeExtension/selectItem`: the person picked a result, so Teams inserts its card. That
   * insertion is AI use; the activity id makes a retried invoke count once.
   */
  selectItem(activity: InvokeActivity): Promise<MessagingExtensionResponse> {
    return this.#asCaller(activity, 'compose', async (caller) => {
      const promptId = promptIdIn(activity.value);
      if (promptId === undefined) return messageResponse('compose', sentences.notFound);
      const prompt = await this.#deps.prompts.get(caller, promptId);
      const [text, names] = await Promise.all([
        this.#shownText(caller, prompt),
        this.#jobFamilyNames(caller),
      ]);
      await this.#recordInsert(caller, prompt.id, activity);
      return resultResponse([this.#resultAttachment(prompt, text, names)]);
    });
  }

  /** `composeExtension/queryLink`: a pasted library link becomes the prompt's card. */
  queryLink(activity: InvokeActivity): Promise<MessagingExtensionResponse> {
    return this.#asCaller(activity, 'compose', async (caller) => {
      const url = isRecord(activity.value) ? activity.value.url : undefined;
      const promptId =
        typeof url === 'string' ? promptIdFromLibraryUrl(url, this.#deps.tabEndpoint) : undefined;
      if (promptId === undefined) return resultResponse([]);
      try {
        const prompt = await this.#deps.prompts.get(caller, promptId);
        const [text, names] = await Promise.all([
          this.#shownText(caller, prompt),
          this.#jobFamilyNames(caller),
        ]);
        return resultResponse([this.#resultAttachment(prompt, text, names)]);
      } catch (error) {
        // A link to a prompt this person cannot see stays a plain link.
        if (isAppError(error, 'not-found') || isAppError(error, 'forbidden'))
          return resultResponse([]);
        throw error;
      }
    });
  }

  /** `composeExtension/fetchTask`: the first form of an action command. */
  fetchTask(activity: InvokeActivity): Promise<MessagingExtensionActionResponse> {
    return this.#asCaller(activity, 'task', async (caller) => {
      const value = activity.value as unknown;
      switch (commandIdOf(value)) {
        case messageExtensionCommands.fillPrompt: {
          const promptId = promptIdIn(dataOf(value));
          return promptId === undefined
            ? this.#pickerTask(caller, '', '')
            : this.#formTask(caller, promptId);
        }
        case messageExtensionCommands.saveAsPrompt: {
          const messagePayload = isRecord(value) ? value.messagePayload : undefined;
          return this.#saveTask(
            caller,
            saveFormFromMessage(messagePayload, caller.jobFamilyId),
            [],
          );
        }
        case messageExtensionCommands.flagOutput: {
          if (this.#deps.flags === undefined) {
            return messageResponse('task', sentences.flagNotReady);
          }
          const message = flaggedMessage(isRecord(value) ? value.messagePayload : undefined);
          return this.#flagTask(caller, message, {
            category: '',
            expected: '',
            promptId: '',
            errors: [],
          });
        }
        default:
          return messageResponse('task', sentences.unknownCommand);
      }
    });
  }

  /** `composeExtension/submitAction`: the next step of a form, or its result. */
  submitAction(activity: InvokeActivity): Promise<MessagingExtensionActionResponse> {
    return this.#asCaller(activity, 'task', async (caller) => {
      const value = activity.value as unknown;
      const data = dataOf(value);
      switch (commandIdOf(value)) {
        case messageExtensionCommands.fillPrompt:
          return this.#fillStep(caller, activity, data);
        case messageExtensionCommands.saveAsPrompt:
          return this.#save(caller, activity, data);
        case messageExtensionCommands.flagOutput:
          return this.#flag(caller, activity, value, data);
        default:
          return messageResponse('task', sentences.unknownCommand);
      }
    });
  }

  // -------------------------------------------------------------------------------------------
  // Flag AI output

  async #flag(
    caller: Caller,
    activity: InvokeActivity,
    value: unknown,
    data: unknown,
  ): Promise<ExtensionResponse> {
    const flags = this.#deps.flags;
    if (flags === undefined) return messageResponse('task', sentences.flagNotReady);
    const message = flaggedMessage(isRecord(value) ? value.messagePayload : undefined);
    const category = flagCategorySchema.safeParse(formText(data, 'category'));
    const expected = formText(data, 'expected').slice(0, 2000);
    const promptId = promptIdIn(data);
    if (!category.success || expected === '') {
      return this.#flagTask(caller, message, {
        category: category.success ? category.data : '',
        expected,
        promptId: promptId ?? '',
        errors: [
          ...(category.success ? [] : ['Choose what was wrong with it.']),
          ...(expected === '' ? ['Say what you expected instead.'] : []),
        ],
      });
    }
    const conversationType: unknown = activity.conversation?.conversationType;
    await flags.raise(caller, {
      source: 'message-action',
      category: category.data,
      expected,
      outputText: message.text,
      ...(message.author === '' ? {} : { outputAuthor: message.author }),
      ...(typeof activity.conversation?.id === 'string'
        ? { conversationId: activity.conversation.id }
        : {}),
      ...(conversationType === 'personal' ||
      conversationType === 'groupChat' ||
      conversationType === 'channel'
        ? { conversationKind: conversationType }
        : {}),
      ...(promptId === undefined ? {} : { promptId }),
      ...(typeof activity.id === 'string' ? { sourceEventId: activity.id } : {}),
    });
    return messageResponse('task', sentences.flagged);
  }

  async #flagTask(
    caller: Caller,
    message: { text: string; author: string },
    entered: { category: string; expected: string; promptId: string; errors: string[] },
  ): Promise<ExtensionResponse> {
    const page = await this.#deps.prompts.searchPublished(caller, {
      text: '',
      skip: 0,
      count: pickerSize,
    });
    const category = flagCategorySchema.safeParse(entered.category);
    const card = renderFlagFormCard({
      excerpt: oneLine(message.text, 600),
      author: message.author,
      category: category.success ? category.data : '',
      expected: entered.expected,
      promptId: entered.promptId,
      prompts: page.items.map((prompt) => ({ id: prompt.id, title: oneLine(prompt.title, 120) })),
      errors: entered.errors.map((line) => ({ line })),
    });
    return continueTask('Flag AI output', card);
  }

  // -------------------------------------------------------------------------------------------
  // Fill a prompt

  async #fillStep(
    caller: Caller,
    activity: InvokeActivity,
    data: unknown,
  ): Promise<ExtensionResponse> {
    const step = formText(data, 'step');
    const promptId = promptIdIn(data);
    if (step === 'search') return this.#pickerTask(caller, formText(data, 'search'), '');
    if (promptId === undefined) {
      return this.#pickerTask(caller, formText(data, 'search'), sentences.choosePrompt);
    }
    if (step !== 'fill') return this.#formTask(caller, promptId);

    const values = enteredValues(data);
    const prompt = await this.#deps.prompts.get(caller, promptId);
    const rendered = await this.#deps.prompts.render(caller, promptId, values);
    if (rendered.missing.length > 0) {
      return this.#formView(
        prompt,
        values,
        missingValuesMessage(prompt.variables, rendered.missing),
      );
    }
    await this.#recordInsert(caller, prompt.id, activity);
    const names = await this.#jobFamilyNames(caller);
    return resultResponse([this.#resultAttachment(prompt, rendered.text, names)]);
  }

  async #pickerTask(caller: Caller, search: string, error: string): Promise<ExtensionResponse> {
    const page = await this.#deps.prompts.searchPublished(caller, {
      text: search.slice(0, 200),
      skip: 0,
      count: pickerSize,
    });
    const card = renderPromptPickerCard({
      error,
      search: search.slice(0, 200),
      choices: page.items.map((prompt) => ({
        title: oneLine(prompt.title, 120),
        value: prompt.id,
      })),
    });
    return continueTask('Fill a prompt', card);
  }

  async #formTask(caller: Caller, promptId: string): Promise<ExtensionResponse> {
    return this.#formView(await this.#deps.prompts.get(caller, promptId), {}, '');
  }

  #formView(
    prompt: PromptView,
    entered: Readonly<Record<string, string>>,
    error: string,
  ): ExtensionResponse {
    const card = renderPromptFormCard({
      promptId: prompt.id,
      title: prompt.title,
      text: prompt.body,
      error,
      fields: formFields(prompt.variables, entered),
    });
    return continueTask('Fill a prompt', card);
  }

  // -------------------------------------------------------------------------------------------
  // Save as prompt

  async #saveTask(
    caller: Caller,
    form: SaveForm,
    errors: readonly string[],
  ): Promise<ExtensionResponse> {
    const card = renderSavePromptCard({
      ...form,
      errors: errors.map((line) => ({ line })),
      jobFamilies: jobFamilyChoicesFor(caller.jobFamilyId, await this.#jobFamilyNames(caller)),
    });
    return continueTask('Save as prompt', card);
  }

  async #save(caller: Caller, activity: InvokeActivity, data: unknown): Promise<ExtensionResponse> {
    const allowed = jobFamilyChoicesFor(caller.jobFamilyId, await this.#jobFamilyNames(caller)).map(
      (choice) => choice.id,
    );
    const result = contentFromSaveForm(data, allowed);
    if (!result.ok) return this.#saveTask(caller, result.form, result.errors);
    const reference = activity.conversation?.id;
    try {
      const proposal = await this.#deps.prompts.propose(caller, result.content, {
        kind: 'message',
        ...(typeof reference === 'string' && reference !== ''
          ? { reference: reference.slice(0, 500) }
          : {}),
      });
      return messageResponse(
        'task',
        `Saved. ${proposal.title} is waiting for review in the library.`,
      );
    } catch (error) {
      if (!isAppError(error, 'invalid')) throw error;
      const fields = error.fieldErrors.map((fault) => fault.field);
      return this.#saveTask(caller, saveFormFromData(data), saveFormErrors(fields));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Shared

  /**
   * What a card shows of a prompt: filled with its defaults when that completes it, otherwise the
   * body with its `{{placeholders}}` for the person to replace.
   */
  async #shownText(caller: Caller, prompt: PromptView): Promise<string> {
    if (!fillsWithDefaults(prompt)) return prompt.body;
    try {
      const rendered = await this.#deps.prompts.render(caller, prompt.id, {});
      return rendered.missing.length === 0 && rendered.text.trim() !== ''
        ? rendered.text
        : prompt.body;
    } catch (error) {
      // One prompt that will not render must not empty a whole page of results.
      this.#deps.logger?.warn(
        { promptId: prompt.id, error: describe(error) },
        'A prompt could not be filled with its defaults; showing its body',
      );
      return prompt.body;
    }
  }

  /** Job family names by id; on a failed lookup the cards show ids rather than failing. */
  /**
   * Every search shows the names, so each tenant's are kept for a short while rather than read
   * per query; a renamed family shows within `jobFamilyNamesMs`.
   */
  #jobFamilyNames(caller: Caller): Promise<ReadonlyMap<string, string>> {
    const directory = this.#deps.jobFamilies;
    if (directory === undefined) return Promise.resolve(new Map());
    const tenantId = caller.identity.tenantId;
    const now = this.#deps.now().getTime();
    const cached = this.#familyNames.get(tenantId);
    if (cached !== undefined && now - cached.at >= 0 && now - cached.at < jobFamilyNamesMs) {
      return cached.names;
    }
    const names = directory.listJobFamilies(tenantId).then(
      (families): ReadonlyMap<string, string> =>
        new Map(families.map((family) => [family.id, family.name])),
      (error: unknown): ReadonlyMap<string, string> => {
        this.#familyNames.delete(tenantId);
        this.#deps.logger?.warn(
          { error: describe(error) },
          'Job family names could not be read; cards show their ids',
        );
        return new Map();
      },
    );
    this.#familyNames.set(tenantId, { at: now, names });
    return names;
  }

  #resultAttachment(
    prompt: PromptView,
    text: string,
    jobFamilyNames: ReadonlyMap<string, string>,
  ): MessagingExtensionAttachment {
    // Expanding a card template costs about a millisecond and every caller gets the same card for
    // the same version of a prompt, so results are reused until the prompt (or a name on it) changes.
    const labels = promptLabels(prompt, jobFamilyNames);
    const key = `${prompt.id}\u0000${String(prompt.version)}\u0000${prompt.updatedAt}\u0000${labels}\u0000${text}`;
    const cached = this.#attachments.get(key);
    if (cached !== undefined) return cached;
    const attachment = this.#buildAttachment(prompt, text, labels);
    if (this.#attachments.size >= attachmentCacheSize) {
      const oldest = this.#attachments.keys().next().value;
      if (oldest !== undefined) this.#attachments.delete(oldest);
    }
    this.#attachments.set(key, attachment);
    return attachment;
  }

  #buildAttachment(prompt: PromptView, text: string, labels: string): MessagingExtensionAttachment {
    const card = renderPromptCard({
      title: prompt.title,
      text,
      labels,
      libraryUrl: libraryUrl(this.#deps.tabEndpoint, prompt.id) ?? '',
      promptId: this.#deps.flags === undefined ? '' : prompt.id,
    });
    const icon = appIconUrl(this.#deps.tabEndpoint);
    const preview: Attachment = CardFactory.thumbnailCard(
      oneLine(prompt.title, 120),
      escapeHtml(neutraliseMarkdown(oneLine(prompt.body, 140))),
      icon === undefined ? [] : [icon],
      [],
      { tap: { type: 'invoke', title: 'Insert', value: { promptId: prompt.id } } },
    );
    return { ...CardFactory.adaptiveCard(card), preview };
  }

  async #recordInsert(caller: Caller, promptId: string, activity: InvokeActivity): Promise<void> {
    const eventId = typeof activity.id === 'string' ? activity.id.trim() : '';
    if (eventId === '') {
      this.#deps.logger?.warn({ promptId }, 'An insertion without an activity id was not counted');
      return;
    }
    try {
      await this.#deps.prompts.recordUse(caller, promptId, {
        eventId,
        occurredAt: this.#deps.now(),
        kind: 'insert',
      });
    } catch (error) {
      // The person asked for the prompt; counting it must not stand in their way.
      this.#deps.logger?.warn(
        { promptId, error: describe(error) },
        'An insertion could not be recorded as AI use',
      );
    }
  }

  async #asCaller(
    activity: InvokeActivity,
    kind: ResponseKind,
    handle: (caller: Caller) => Promise<ExtensionResponse>,
  ): Promise<ExtensionResponse> {
    const identity = identityFromActivity(activity);
    if (identity === undefined) return messageResponse(kind, sentences.unknownCaller);
    try {
      const { tenantId, userId, name } = identity;
      const caller = await (name === undefined
        ? this.#deps.callers.callerFor(tenantId, userId)
        : this.#deps.callers.callerFor(tenantId, userId, name));
      return await handle(caller);
    } catch (error) {
      return messageResponse(kind, this.#sentenceFor(error, identity.tenantId));
    }
  }

  #sentenceFor(error: unknown, tenantId: string): string {
    if (isAppError(error)) {
      switch (error.kind) {
        case 'not-found':
          return sentences.notFound;
        case 'forbidden':
        case 'unauthenticated':
          return sentences.forbidden;
        case 'throttled':
          return sentences.throttled;
        case 'unavailable':
          return sentences.unavailable;
        case 'invalid':
          return sentences.invalid;
        default:
          break;
      }
    }
    this.#deps.logger?.error(
      { error: describe(error, true), tenantId },
      'A message extension request failed',
    );
    return sentences.failed;
  }
}

function describe(error: unknown, withStack = false): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  return {
    type: error.name,
    message: error.message,
    ...(isAppError(error) ? { kind: error.kind } : {}),
    ...(withStack && error.stack !== undefined ? { stack: error.stack } : {}),
  };
}
