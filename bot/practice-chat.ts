import {
  practicePhases,
  type ConversationKind,
  type PracticeSession,
} from '../src/contracts/practice.js';
import { isAppError } from '../src/domain/errors.js';
import type { Caller } from '../src/services/caller.js';
import type { PracticeConversation, PracticeService } from '../src/services/practice-service.js';
import type { PromptCatalog } from '../src/services/prompt-catalog.js';
import { renderCapturePromptCard, renderPracticeCard } from './cards/learning-cards.js';
import type { AdaptiveCardJson } from './cards/render-card.js';
import { formText } from './prompt-forms.js';

export interface PracticeChatDeps {
  readonly practice: Pick<
    PracticeService,
    | 'start'
    | 'session'
    | 'rememberCard'
    | 'attend'
    | 'capture'
    | 'schedule'
    | 'unschedule'
    | 'scheduleFor'
    | 'jobFamilyName'
  >;
  readonly prompts: Pick<PromptCatalog, 'get'>;
}

/** The conversation kinds practice runs in; personal chats are not among them. */
export function practiceConversationKind(
  conversationType: unknown,
  isGroup: unknown,
): ConversationKind | undefined {
  if (conversationType === 'channel') return 'channel';
  if (conversationType === 'groupChat') return 'groupChat';
  // Meeting chats are group chats whose id names the meeting thread.
  if (conversationType === 'meeting') return 'meeting';
  if (conversationType === undefined && isGroup === true) return 'groupChat';
  return undefined;
}

export function isMeetingConversation(conversationId: string): boolean {
  return conversationId.includes('meeting_');
}

export type PracticeRequest =
  | { readonly kind: 'start'; readonly jobFamily?: string }
  | { readonly kind: 'schedule'; readonly jobFamily?: string }
  | { readonly kind: 'unschedule' };

/** `practice`, `practice analysis`, `practice schedule [family]`, `practice stop`. */
export function parsePracticeArgument(argument: string): PracticeRequest {
  const words = argument
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '');
  const [first, ...rest] = words;
  const family = rest.join(' ');
  if (first?.toLowerCase() === 'schedule') {
    return family === '' ? { kind: 'schedule' } : { kind: 'schedule', jobFamily: family };
  }
  if (first?.toLowerCase() === 'stop' || first?.toLowerCase() === 'unschedule') {
    return { kind: 'unschedule' };
  }
  return words.length === 0 ? { kind: 'start' } : { kind: 'start', jobFamily: words.join(' ') };
}

const sessionIdPattern = /^practice:[a-z0-9]{1,40}:\d{4}-W\d{2}$/u;

/** The session id an action carries, if it is well-formed. */
export function sessionIdFrom(data: unknown): string | undefined {
  const id = formText(data, 'sessionId');
  return sessionIdPattern.test(id) ? id : undefined;
}

/**
 * The team's practice as cards: the session card posted in the meeting chat, attendance through
 * `attendPractice`, and the form that captures a prompt that worked.
 */
export class PracticeChat {
  constructor(private readonly deps: PracticeChatDeps) {}

  async start(
    caller: Caller,
    conversation: PracticeConversation,
    options: { readonly jobFamily?: string | undefined; readonly scheduled?: boolean } = {},
  ): Promise<{ session: PracticeSession; card: AdaptiveCardJson }> {
    const { session } = await this.deps.practice.start(caller, conversation, {
      jobFamilyId: options.jobFamily,
      ...(options.scheduled === true ? { scheduled: true } : {}),
    });
    return { session, card: await this.card(caller, session) };
  }

  async attend(
    caller: Caller,
    sessionId: string,
  ): Promise<{ session: PracticeSession; card: AdaptiveCardJson; counted: boolean }> {
    const { session, counted } = await this.deps.practice.attend(caller, sessionId);
    return { session, card: await this.card(caller, session), counted };
  }

  async rememberCard(tenantId: string, sessionId: string, activityId: string): Promise<void> {
    await this.deps.practice.rememberCard(tenantId, sessionId, activityId);
  }

  async schedule(
    caller: Caller,
    conversation: PracticeConversation,
    jobFamily: string | undefined,
  ): Promise<void> {
    await this.deps.practice.schedule(caller, conversation, jobFamily);
  }

  async unschedule(caller: Caller, conversationId: string): Promise<boolean> {
    return this.deps.practice.unschedule(caller, conversationId);
  }

  async scheduleFor(
    tenantId: string,
    conversationId: string,
  ): Promise<{ createdBy: string; jobFamilyId: string } | undefined> {
    return this.deps.practice.scheduleFor(tenantId, conversationId);
  }

  captureForm(
    sessionId: string,
    entered: { title: string; body: string },
    errors: string[] = [],
  ): AdaptiveCardJson {
    return renderCapturePromptCard({
      sessionId,
      title: entered.title,
      body: entered.body,
      errors: errors.map((line) => ({ line })),
    });
  }

  /** Validates the captured prompt and sends it to review; a form with errors otherwise. */
  async submitCapture(
    caller: Caller,
    sessionId: string,
    data: unknown,
  ): Promise<
    | { kind: 'saved'; title: string; session: PracticeSession; card: AdaptiveCardJson }
    | { kind: 'form'; card: AdaptiveCardJson }
  > {
    const entered = { title: formText(data, 'title'), body: formText(data, 'body') };
    const errors = [
      ...(entered.title.length < 3 || entered.title.length > 120
        ? ['Give the prompt a title of 3 to 120 characters.']
        : []),
      ...(entered.body.length < 10 || entered.body.length > 8000
        ? ['Paste the prompt itself: 10 to 8,000 characters.']
        : []),
    ];
    if (errors.length > 0)
      return { kind: 'form', card: this.captureForm(sessionId, entered, errors) };
    try {
      const { prompt, session } = await this.deps.practice.capture(caller, sessionId, entered);
      return {
        kind: 'saved',
        title: prompt.title,
        session,
        card: await this.card(caller, session),
      };
    } catch (error) {
      if (!isAppError(error, 'invalid')) throw error;
      const reasons = error.fieldErrors.map((field) => `${field.field} ${field.message}`);
      return {
        kind: 'form',
        card: this.captureForm(sessionId, entered, reasons.length > 0 ? reasons : [error.message]),
      };
    }
  }

  async card(caller: Caller, session: PracticeSession): Promise<AdaptiveCardJson> {
    const [jobFamilyName, prompt] = await Promise.all([
      this.deps.practice.jobFamilyName(session.tenantId, session.jobFamilyId),
      session.promptId === undefined ? undefined : this.promptOf(caller, session.promptId),
    ]);
    return renderPracticeCard({
      sessionId: session.id,
      jobFamilyName,
      weekLabel: `Week ${session.week.slice(-2).replace(/^0/u, '')} of ${session.week.slice(0, 4)}`,
      scenario: session.scenario,
      prompt: prompt ?? null,
      phases: practicePhases.map(({ label, minutes }) => ({ label, minutes })),
      attendeeCount: session.attendeeCount,
      startedByName: session.startedByName ?? '',
      capturedCount: session.capturedPromptIds.length,
      ended: false,
    });
  }

  private async promptOf(
    caller: Caller,
    promptId: string,
  ): Promise<{ title: string; text: string } | undefined> {
    try {
      const prompt = await this.deps.prompts.get(caller, promptId);
      return { title: prompt.title, text: prompt.body };
    } catch (error) {
      if (isAppError(error, 'not-found')) return undefined;
      throw error;
    }
  }
}
