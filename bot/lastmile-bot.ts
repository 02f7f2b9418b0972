import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AppBasedLinkQuery,
  type ChannelAccount,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';
import { AppError } from '../src/domain/errors.js';
import type { CallerDirectory, PromptCatalog } from '../src/services/prompt-catalog.js';
import type { BotLogger } from './bot-endpoint.js';
import {
  renderHelpCard,
  renderNoticeCard,
  renderWelcomeCard,
  type AdaptiveCardJson,
  type WelcomeCardData,
} from './cards/render-card.js';
import { commandCatalog, parseCommand, type CommandName, type ParsedCommand } from './commands.js';
import { PromptMessageExtension } from './message-extension.js';

/** What each command not built yet says, in one honest sentence. */
const notSetUpYet: Readonly<Record<Exclude<CommandName, 'help'>, string>> = {
  lesson: 'Lessons are not set up yet for this program.',
  progress: 'Progress tracking is not set up yet for this program.',
  flag: 'Flagging AI output is not set up yet for this program.',
  suggest: 'Workflow suggestions are not set up yet for this program.',
  practice: 'Team practice sessions are not set up yet for this program.',
};

const longestName = 100;

function cardMessage(card: AdaptiveCardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

function helpMessage(lead: string): Partial<Activity> {
  const commands = commandCatalog.map(({ name, summary }) => ({ name, summary }));
  return cardMessage(renderHelpCard({ lead, commands }));
}

function replyTo(command: ParsedCommand): Partial<Activity> {
  if (command.kind === 'unknown') return helpMessage("I didn't catch that.");
  if (command.name === 'help') return helpMessage('');
  return cardMessage(renderNoticeCard({ message: notSetUpYet[command.name] }));
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

export interface LastmileBotDeps {
  readonly prompts: PromptCatalog;
  readonly callers: CallerDirectory;
  /** The tab's public address (`TAB_ENDPOINT`), for links to the library; undefined locally. */
  readonly tabEndpoint: string | undefined;
  readonly now: () => Date;
  readonly logger?: BotLogger | undefined;
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

  constructor(deps: LastmileBotDeps = withoutPromptLibrary) {
    super();
    this.#extension = new PromptMessageExtension(deps);
    this.onMessage(async (context, next) => {
      await context.sendActivity(replyTo(parseCommand(typedText(context.activity))));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const welcome = welcomeFor(context.activity);
      if (welcome !== undefined)
        await context.sendActivity(cardMessage(renderWelcomeCard(welcome)));
      await next();
    });
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

  protected override handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    _action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.#extension.submitAction(context.activity);
  }
}
