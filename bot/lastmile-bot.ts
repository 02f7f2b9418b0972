import type { RateLimiter } from '../src/domain/rate-limit.js';
import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type AppBasedLinkQuery,
  type ChannelAccount,
  type InvokeResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type TaskModuleRequest,
  type TaskModuleResponse,
} from 'botbuilder';
import { AppError, isAppError } from '../src/domain/errors.js';
import type { Caller } from '../src/services/caller.js';
import type { HeardFrom } from '../src/services/conversation-book.js';
import type { CallerDirectory, PromptCatalog } from '../src/services/prompt-catalog.js';
import { identityFromActivity } from './activity-identity.js';
import type { BotLogger } from './bot-endpoint.js';
import {
  renderHelpCard,
  renderNoticeCard,
  renderWelcomeCard,
  type AdaptiveCardJson,
  type WelcomeCardData,
} from './cards/render-card.js';
import { commandCatalog, parseCommand, type CommandName, type ParsedCommand } from './commands.js';
import { FlagChat, SuggestionChat, type Suggestions } from './flag-chat.js';
import type { LearningChat } from './learning-chat.js';
import type { PulseChat } from './pulse-chat.js';
import type { RosterChat } from './roster-chat.js';
import {
  type FlagRaiser,
  type JobFamilyDirectory,
  PromptMessageExtension,
} from './message-extension.js';
import {
  isMeetingConversation,
  parsePracticeArgument,
  practiceConversationKind,
  sessionIdFrom,
  type PracticeChat,
} from './practice-chat.js';

/** What each command not built yet says, in one honest sentence. */
const notSetUpYet: Readonly<Record<Exclude<CommandName, 'help'>, string>> = {
  lesson: 'Lessons are not set up yet for this program.',
  progress: 'Progress tracking is not set up yet for this program.',
  setup: 'Lessons are not set up yet for this program.',
  flag: 'Flagging AI output is not set up yet for this program.',
  suggest: 'Workflow suggestions are not set up yet for this program.',
  practice: 'Team practice sessions are not set up yet for this program.',
  sync: 'Roster sync is not set up yet for this program.',
  pulse: 'The weekly pulse is not set up yet for this program.',
};

const sentences = {
  personalOnly: 'Lessons and progress are personal: open a chat with Lastmile and type it there.',
  pulsePersonal: 'The weekly pulse is personal: open a chat with Lastmile and type pulse there.',
  practiceInTeam:
    "Practice runs in your team's meeting, group chat or channel: type @Lastmile practice there.",
  unknownCaller:
    'Lastmile could not tell who you are from this message. Open it from Microsoft Teams and try again.',
  forbiddenPractice: 'Only team leads and AI champions start practice sessions.',
  scheduled:
    'Practice is scheduled: I will post it here each time this meeting starts. Type "practice stop" to end that.',
  scheduleNeedsMeeting:
    'Practice can only be scheduled in a meeting chat: add Lastmile to the meeting and type it there.',
  unscheduled: 'Practice will no longer be posted when this meeting starts.',
  notScheduled: 'Practice was not scheduled for this meeting.',
  busy: 'Lastmile is busy right now. Please try again in a minute.',
  failed: "Sorry, something went wrong on Lastmile's side. Please try again in a minute.",
  notFound: 'That is not available any more.',
} as const;

const longestName = 100;

function cardMessage(card: AdaptiveCardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

function helpMessage(lead: string): Partial<Activity> {
  const commands = commandCatalog.map(({ name, summary }) => ({ name, summary }));
  return cardMessage(renderHelpCard({ lead, commands }));
}

function notice(message: string): Partial<Activity> {
  return cardMessage(renderNoticeCard({ message }));
}

function cardResponse(card: AdaptiveCardJson): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

/**
 * The text the person typed, without the bot's @mention: in channels and group chats Teams puts
 * `<at>Lastmile</at>` in the text. A malformed entity list (the JSON is the sender's) leaves the
 * text as sent rather than failing the turn.
 */
function typedText(activity: Activity): string | undefined {
  if (typeof activity.text !== 'string') return undefined;
  if (typeof activity.recipient?.id !== 'string') return activity.text;
  try {
    return TurnContext.removeRecipientMention(activity);
  } catch {
    return activity.text;
  }
}

function isPersonal(activity: Activity): boolean {
  const type: unknown = activity.conversation?.conversationType;
  return type === 'personal' || (type === undefined && activity.conversation?.isGroup !== true);
}

function addressAs(name: unknown): string {
  if (typeof name !== 'string') return 'there';
  const trimmed = name.trim().slice(0, longestName);
  return trimmed === '' ? 'there' : trimmed;
}

/**
 * One welcome per activity. Teams tells a personal install by adding the bot; the Bot Framework
 * Emulator and Agents Playground add the person too, so either one counts there. In a team, group
 * or meeting the card introduces Lastmile when the bot is added, not each time a person joins, so
 * the channel is not filled with repeats.
 */
function welcomeFor(activity: Activity): WelcomeCardData | undefined {
  const added: readonly ChannelAccount[] = Array.isArray(activity.membersAdded)
    ? activity.membersAdded
    : [];
  const botId = activity.recipient?.id;
  const botAdded = added.some((member) => member.id === botId);
  if (isPersonal(activity)) {
    const person = added.find((member) => member.id !== botId);
    if (!botAdded && person === undefined) return undefined;
    return { scope: 'personal', name: addressAs(person?.name ?? activity.from?.name) };
  }
  return botAdded ? { scope: 'team' } : undefined;
}

/** A per-key rate limit, such as `RateLimiter` from src/domain/rate-limit.ts. */
export type SearchLimit = Pick<RateLimiter, 'take' | 'perMinute'>;

export interface LastmileBotDeps {
  readonly prompts: PromptCatalog;
  /** The program's job families, named on prompt cards; without it the cards show their ids. */
  readonly jobFamilies?: JobFamilyDirectory | undefined;
  readonly callers: CallerDirectory;
  /** The tab's public address (`TAB_ENDPOINT`), for links to the library; undefined locally. */
  readonly tabEndpoint: string | undefined;
  readonly now: () => Date;
  readonly logger?: BotLogger | undefined;
  /** Lessons in personal chat; without it, `lesson` and `progress` say they are not set up. */
  readonly learning?: LearningChat | undefined;
  /** Practice in meetings; without it, `practice` says it is not set up. */
  readonly practice?: PracticeChat | undefined;
  /** Flags on AI output (the `flagOutput` message action); without it, flagging is not set up. */
  readonly flags?: FlagRaiser | undefined;
  /** Workflow improvements (`suggest`); without it, suggestions are not set up. */
  readonly suggestions?: Suggestions | undefined;
  /** `sync roster` in teams and group chats; without it, roster sync is not set up. */
  readonly roster?: RosterChat | undefined;
  /** The weekly pulse (`pulse`, `answerPulse`); without it, the pulse is not set up. */
  readonly pulse?: PulseChat | undefined;
  /** Limits each person's prompt searches in the message extension; none means no limit. */
  readonly searchLimit?: SearchLimit | undefined;
  /** Keeps conversation references for proactive messages. */
  readonly conversations?:
    | {
        remember(heard: HeardFrom): Promise<void>;
        rememberChannel(heard: Omit<HeardFrom, 'userId' | 'conversationId'>): Promise<void>;
      }
    | undefined;
}

function libraryNotConnected(): never {
  throw new AppError('unavailable', 'The prompt library is not connected to the bot');
}

/**
 * For a bot built without services (the endpoint's default): chat works, and the message
 * extension says the library is not available instead of failing.
 */
export const withoutPromptLibrary: LastmileBotDeps = {
  prompts: {
    searchPublished: libraryNotConnected,
    get: libraryNotConnected,
    render: libraryNotConnected,
    recordUse: libraryNotConnected,
    propose: libraryNotConnected,
  },
  callers: {
    callerFor: (tenantId, userId) =>
      Promise.resolve({ identity: { tenantId, userId, roles: ['member'] } }),
  },
  tabEndpoint: undefined,
  now: () => new Date(),
};

/** Lastmile's Teams bot: chat commands, the welcome and the message extension. */
export class LastmileBot extends TeamsActivityHandler {
  readonly #extension: PromptMessageExtension;
  readonly #deps: LastmileBotDeps;
  readonly #flagChat: FlagChat | undefined;
  readonly #suggestionChat: SuggestionChat | undefined;

  constructor(deps: LastmileBotDeps = withoutPromptLibrary) {
    super();
    this.#deps = deps;
    this.#extension = new PromptMessageExtension(deps);
    this.#suggestionChat =
      deps.suggestions === undefined ? undefined : new SuggestionChat(deps.suggestions);
    this.#flagChat =
      deps.flags === undefined
        ? undefined
        : new FlagChat({ flags: deps.flags, prompts: deps.prompts });
    this.onMessage(async (context, next) => {
      await this.#rememberConversation(context.activity);
      const command = parseCommand(typedText(context.activity));
      await this.#reply(context, command);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const welcome = welcomeFor(context.activity);
      if (welcome !== undefined) {
        await this.#rememberConversation(context.activity);
        await context.sendActivity(cardMessage(renderWelcomeCard(welcome)));
        if (welcome.scope === 'personal' && this.#deps.learning !== undefined) {
          await this.#asCaller(context, async (caller, name) => {
            const card = await this.#learning().setupCard(caller, name);
            await context.sendActivity(cardMessage(card));
          });
        }
      }
      await next();
    });
    this.onTeamsMeetingStartEvent(async (_meeting, context, next) => {
      await this.#postScheduledPractice(context);
      await next();
    });
  }

  async #reply(context: TurnContext, command: ParsedCommand): Promise<void> {
    if (command.kind === 'unknown') {
      await context.sendActivity(helpMessage("I didn't catch that."));
      return;
    }
    if (command.name === 'help') {
      await context.sendActivity(helpMessage(''));
      return;
    }
    const personal = isPersonal(context.activity);
    const { learning, practice, roster } = this.#deps;
    switch (command.name) {
      case 'lesson':
      case 'progress':
      case 'setup':
        if (learning === undefined) break;
        if (!personal && command.name === 'lesson') {
          // In a team or meeting the lesson goes to the person's own chat, not to everyone.
          await this.#asCaller(context, async (caller) => {
            await context.sendActivity(notice(await learning.sendPrivately(caller)));
          });
          return;
        }
        if (!personal) {
          await context.sendActivity(notice(sentences.personalOnly));
          return;
        }
        await this.#asCaller(context, async (caller, name) => {
          const card =
            command.name === 'lesson'
              ? await learning.nextLessonCard(caller)
              : command.name === 'progress'
                ? await learning.progressCard(caller, name)
                : await learning.setupCard(caller, name);
          await context.sendActivity(cardMessage(card));
        });
        return;
      case 'flag':
        if (this.#flagChat === undefined) break;
        await this.#asCaller(context, async (caller) => {
          const card = await this.#flagChat?.form(caller);
          if (card !== undefined) await context.sendActivity(cardMessage(card));
        });
        return;
      case 'suggest':
        if (this.#suggestionChat === undefined) break;
        await context.sendActivity(cardMessage(this.#suggestionChat.form()));
        return;
      case 'practice':
        if (practice === undefined) break;
        if (personal) {
          await context.sendActivity(notice(sentences.practiceInTeam));
          return;
        }
        await this.#asCaller(context, (caller) => this.#practiceCommand(context, caller, command));
        return;
      case 'sync':
        if (roster === undefined) break;
        await this.#asCaller(context, async (caller) => {
          await context.sendActivity(
            cardMessage(await roster.reply(context, caller, command.argument)),
          );
        });
        return;
      case 'pulse': {
        const { pulse } = this.#deps;
        if (pulse === undefined) break;
        if (!personal) {
          await context.sendActivity(notice(sentences.pulsePersonal));
          return;
        }
        await this.#asCaller(context, async (caller) => {
          await context.sendActivity(cardMessage(await pulse.card(caller)));
        });
        return;
      }
      default:
        break;
    }
    await context.sendActivity(notice(notSetUpYet[command.name]));
  }

  async #practiceCommand(
    context: TurnContext,
    caller: Caller,
    command: Extract<ParsedCommand, { kind: 'command' }>,
  ): Promise<void> {
    const practice = this.#practice();
    const conversation = practiceConversationOf(context.activity);
    if (conversation === undefined) {
      await context.sendActivity(notice(sentences.practiceInTeam));
      return;
    }
    const request = parsePracticeArgument(command.argument);
    if (request.kind === 'unschedule') {
      const removed = await practice.unschedule(caller, conversation.id);
      await context.sendActivity(
        notice(removed === true ? sentences.unscheduled : sentences.notScheduled),
      );
      return;
    }
    if (request.kind === 'schedule') {
      if (conversation.kind !== 'meeting') {
        await context.sendActivity(notice(sentences.scheduleNeedsMeeting));
        return;
      }
      await practice.schedule(caller, conversation, request.jobFamily);
      await context.sendActivity(notice(sentences.scheduled));
      return;
    }
    const { session, card } = await practice.start(caller, conversation, {
      jobFamily: request.jobFamily,
    });
    await this.#postPracticeCard(context, session.tenantId, session.id, card);
  }

  async #postPracticeCard(
    context: TurnContext,
    tenantId: string,
    sessionId: string,
    card: AdaptiveCardJson,
  ): Promise<void> {
    const sent = await context.sendActivity(cardMessage(card));
    if (sent?.id !== undefined) {
      await this.#practice().rememberCard(tenantId, sessionId, sent.id);
    }
  }

  /** `meetingStart`: a meeting whose lead scheduled practice gets this week's card. */
  async #postScheduledPractice(context: TurnContext): Promise<void> {
    const practice = this.#deps.practice;
    const conversation = practiceConversationOf(context.activity, 'meeting');
    const tenantId = tenantOf(context.activity);
    if (practice === undefined || conversation === undefined || tenantId === undefined) return;
    const schedule = await practice.scheduleFor(tenantId, conversation.id);
    if (schedule === undefined) return;
    const caller = await this.#deps.callers.callerFor(tenantId, schedule.createdBy);
    const { session, card } = await practice.start(caller, conversation, {
      jobFamily: schedule.jobFamilyId,
      scheduled: true,
    });
    await this.#postPracticeCard(context, tenantId, session.id, card);
  }

  /**
   * botbuilder reads `value.action.type` of a card action unchecked and fails the turn (a 500)
   * when the sender left the action out; that is the sender's fault, so it is a 400.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value: unknown = context.activity.value;
    const action: unknown =
      typeof value === 'object' && value !== null
        ? (value as { action?: unknown }).action
        : undefined;
    if (
      context.activity.name === 'adaptiveCard/action' &&
      (typeof action !== 'object' || action === null)
    ) {
      const body: AdaptiveCardInvokeResponse = {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: 'The card action is missing.' },
      };
      return { status: 400, body };
    }
    return super.onInvokeActivity(context);
  }

  /** `Action.Execute` from Lastmile's cards: answered with the refreshed card. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb = typeof invokeValue?.action?.verb === 'string' ? invokeValue.action.verb : '';
    const data: unknown = invokeValue?.action?.data;
    let response: AdaptiveCardJson = renderNoticeCard({ message: sentences.notFound });
    await this.#asCaller(
      context,
      async (caller, name) => {
        response = await this.#cardAction(context, caller, name, verb, data);
      },
      (message) => {
        response = renderNoticeCard({ message });
      },
    );
    return cardResponse(response);
  }

  async #cardAction(
    context: TurnContext,
    caller: Caller,
    name: string,
    verb: string,
    data: unknown,
  ): Promise<AdaptiveCardJson> {
    const { learning, practice } = this.#deps;
    if (learning !== undefined) {
      if (verb === 'saveSetup') return learning.saveSetup(caller, name, data);
      if (verb === 'answerLesson') return learning.answer(caller, data);
      if (verb === 'nextLesson') return learning.nextLessonCard(caller);
    }
    if (this.#deps.pulse !== undefined) {
      if (verb === 'answerPulse') return this.#deps.pulse.answer(caller, data);
      if (verb === 'editPulse') return this.#deps.pulse.edit(caller);
    }
    if (this.#flagChat !== undefined && verb === 'submitFlag') {
      return this.#flagChat.submit(caller, data, context.activity.id);
    }
    if (this.#suggestionChat !== undefined && verb === 'submitSuggestion') {
      return this.#suggestionChat.submit(caller, data, context.activity.id);
    }
    if (this.#flagChat !== undefined && verb === 'flagPrompt') {
      return this.#flagChat.fromPromptCard(caller, data);
    }
    if (practice !== undefined && verb === 'attendPractice') {
      const sessionId = sessionIdFrom(data);
      if (sessionId === undefined) return renderNoticeCard({ message: sentences.notFound });
      const { card, counted } = await practice.attend(caller, sessionId);
      if (counted) await this.#updateCardForEveryone(context, card);
      return card;
    }
    return renderNoticeCard({
      message: 'That action is not available in this version of Lastmile.',
    });
  }

  /** The card the action came from, updated in the conversation so everyone sees the count. */
  async #updateCardForEveryone(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
    const messageId = context.activity.replyToId;
    if (messageId !== undefined) await this.#updateMessage(context, messageId, card);
  }

  protected override handleTeamsTaskModuleFetch(
    context: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    return this.#captureTask(context, request, 'capturePrompt', (practice, sessionId) =>
      Promise.resolve(
        taskCard('Capture a prompt', practice.captureForm(sessionId, { title: '', body: '' })),
      ),
    );
  }

  protected override handleTeamsTaskModuleSubmit(
    context: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    return this.#captureTask(
      context,
      request,
      'submitCapture',
      async (practice, sessionId, caller) => {
        const result = await practice.submitCapture(caller, sessionId, request.data);
        if (result.kind === 'form') return taskCard('Capture a prompt', result.card);
        const activityId = result.session.activityId;
        if (activityId !== undefined) await this.#updateMessage(context, activityId, result.card);
        return taskMessage(
          `Sent "${result.title}" to the library owner for review. Thank you for sharing it.`,
        );
      },
    );
  }

  /** The "Capture a prompt" task module: its form, then its submit, for one practice session. */
  async #captureTask(
    context: TurnContext,
    request: TaskModuleRequest,
    verb: 'capturePrompt' | 'submitCapture',
    handle: (
      practice: PracticeChat,
      sessionId: string,
      caller: Caller,
    ) => Promise<TaskModuleResponse>,
  ): Promise<TaskModuleResponse> {
    const sessionId = sessionIdFrom(request?.data);
    const practice = this.#deps.practice;
    if (practice === undefined || sessionId === undefined || formVerb(request?.data) !== verb) {
      return taskMessage(sentences.notFound);
    }
    let response = taskMessage(sentences.failed);
    await this.#asCaller(
      context,
      async (caller) => {
        response = await handle(practice, sessionId, caller);
      },
      (message) => {
        response = taskMessage(message);
      },
    );
    return response;
  }

  /** Replaces a card message for everyone; the person's own card is refreshed either way. */
  async #updateMessage(
    context: TurnContext,
    activityId: string,
    card: AdaptiveCardJson,
  ): Promise<void> {
    try {
      await context.updateActivity({
        id: activityId,
        type: 'message',
        attachments: [CardFactory.adaptiveCard(card)],
      });
    } catch (error) {
      this.#deps.logger?.warn(
        { error: describeError(error) },
        'The practice card could not be updated',
      );
    }
  }

  /**
   * Runs `handle` as the person who sent the activity. Failures become one plain sentence: sent
   * to the chat, or given to `onFailure` for invokes, which must answer with a card.
   */
  async #asCaller(
    context: TurnContext,
    handle: (caller: Caller, name: string) => Promise<void>,
    onFailure?: (message: string) => void,
  ): Promise<void> {
    const fail = async (message: string): Promise<void> => {
      if (onFailure === undefined) await context.sendActivity(notice(message));
      else onFailure(message);
    };
    const identity = identityFromActivity(context.activity);
    if (identity === undefined) {
      await fail(sentences.unknownCaller);
      return;
    }
    try {
      const caller = await this.#deps.callers.callerFor(
        identity.tenantId,
        identity.userId,
        ...(identity.name === undefined ? [] : [identity.name]),
      );
      await handle(caller, addressAs(identity.name ?? caller.identity.displayName));
    } catch (error) {
      await fail(this.#sentenceFor(error, identity.tenantId));
    }
  }

  #sentenceFor(error: unknown, tenantId: string): string {
    if (isAppError(error)) {
      if (error.kind === 'forbidden') return error.message;
      if (error.kind === 'invalid') return error.message;
      if (error.kind === 'not-found') return sentences.notFound;
      if (error.kind === 'throttled' || error.kind === 'unavailable') return sentences.busy;
    }
    this.#deps.logger?.error({ error: describeError(error), tenantId }, 'A bot turn failed');
    return sentences.failed;
  }

  async #rememberConversation(activity: Activity): Promise<void> {
    const book = this.#deps.conversations;
    if (book === undefined) return;
    const identity = identityFromActivity(activity);
    const conversationId = activity.conversation?.id;
    const botId = activity.recipient?.id;
    if (identity === undefined || typeof conversationId !== 'string') return;
    if (typeof activity.serviceUrl !== 'string' || typeof botId !== 'string') return;
    const where = {
      tenantId: identity.tenantId,
      serviceUrl: activity.serviceUrl,
      channelId: typeof activity.channelId === 'string' ? activity.channelId : 'msteams',
      botId,
    };
    try {
      if (isPersonal(activity)) {
        await book.remember({ ...where, userId: identity.userId, conversationId });
      } else {
        await book.rememberChannel(where);
      }
    } catch (error) {
      // Answering the person matters more than remembering where they are.
      this.#deps.logger?.warn(
        { error: describeError(error) },
        'A conversation reference was not saved',
      );
    }
  }

  #learning(): LearningChat {
    if (this.#deps.learning === undefined)
      throw new AppError('unavailable', 'Lessons are not set up');
    return this.#deps.learning;
  }

  #practice(): PracticeChat {
    if (this.#deps.practice === undefined)
      throw new AppError('unavailable', 'Practice is not set up');
    return this.#deps.practice;
  }

  protected override handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    _query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    return this.#extension.query(context.activity);
  }

  protected override handleTeamsMessagingExtensionSelectItem(
    context: TurnContext,
    _item: unknown,
  ): Promise<MessagingExtensionResponse> {
    return this.#extension.selectItem(context.activity);
  }

  protected override handleTeamsAppBasedLinkQuery(
    context: TurnContext,
    _query: AppBasedLinkQuery,
  ): Promise<MessagingExtensionResponse> {
    return this.#extension.queryLink(context.activity);
  }

  protected override handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    _action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.#extension.fetchTask(context.activity);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    _action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    // A flag's outcome is sent to the flagger later: remember where the bot can reach them.
    await this.#rememberConversation(context.activity);
    return this.#extension.submitAction(context.activity);
  }
}

function formVerb(data: unknown): string {
  if (typeof data !== 'object' || data === null || !('verb' in data)) return '';
  return typeof data.verb === 'string' ? data.verb : '';
}

function taskMessage(text: string): TaskModuleResponse {
  return { task: { type: 'message', value: text } };
}

function taskCard(title: string, card: AdaptiveCardJson): TaskModuleResponse {
  return {
    task: {
      type: 'continue',
      value: { title, height: 'large', width: 'medium', card: CardFactory.adaptiveCard(card) },
    },
  };
}

function tenantOf(activity: Activity): string | undefined {
  const channelData: unknown = activity.channelData;
  if (typeof channelData === 'object' && channelData !== null && 'tenant' in channelData) {
    const tenant: unknown = channelData.tenant;
    if (typeof tenant === 'object' && tenant !== null && 'id' in tenant) {
      if (typeof tenant.id === 'string' && tenant.id.trim() !== '') return tenant.id.trim();
    }
  }
  const fromConversation: unknown = activity.conversation?.tenantId;
  return typeof fromConversation === 'string' && fromConversation !== ''
    ? fromConversation
    : undefined;
}

/** The group conversation an activity came from, as practice needs it. */
function practiceConversationOf(
  activity: Activity,
  assume?: 'meeting',
): { id: string; kind: 'meeting' | 'groupChat' | 'channel'; serviceUrl: string } | undefined {
  const id = activity.conversation?.id;
  if (typeof id !== 'string' || typeof activity.serviceUrl !== 'string') return undefined;
  const kind =
    assume ??
    practiceConversationKind(
      activity.conversation?.conversationType,
      activity.conversation?.isGroup,
    );
  if (kind === undefined) return undefined;
  const meeting = kind === 'meeting' || (kind === 'groupChat' && isMeetingConversation(id));
  return { id, kind: meeting ? 'meeting' : kind, serviceUrl: activity.serviceUrl };
}

function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  return {
    type: error.name,
    message: error.message,
    ...(isAppError(error) ? { kind: error.kind } : {}),
  };
}
