import { pulseRequestSchema } from '../src/contracts/adoption.js';
import type { PulseView } from '../src/contracts/pulse.js';
import { isAppError } from '../src/domain/errors.js';
import { isoWeekOf } from '../src/domain/iso-week.js';
import type { Caller } from '../src/services/caller.js';
import type { PulseService } from '../src/services/pulse-service.js';
import { maxPulseMinutes, renderPulseCard } from './cards/pulse-cards.js';
import { renderNoticeCard, type AdaptiveCardJson } from './cards/render-card.js';
import { formText } from './prompt-forms.js';

export interface PulseChatDeps {
  readonly pulse: Pick<PulseService, 'questionFor' | 'answer'>;
  /** Who a weekly delivery is for, with their roster department. */
  readonly callers: { callerFor(tenantId: string, userId: string): Promise<Caller> };
  readonly now: () => Date;
}

const noTasks =
  'Your department has not mapped any tasks yet, so there is no pulse question this week. Your team lead maps tasks on the Workflows page.';
const badMinutes = `Enter the minutes it took as a whole number, from 1 to ${String(maxPulseMinutes)}.`;
const taskGone = "That task is no longer mapped. Here is this week's question instead.";

/** The minutes input as Teams sends it: a string, or a number from some clients. */
function minutesOf(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !('minutes' in data)) return '';
  const value: unknown = data.minutes;
  return typeof value === 'string' ? value.trim() : value;
}

/** The toggle sends its `valueOn` / `valueOff`; a client that leaves it out means "no". */
function aiHelpedOf(data: unknown): string | boolean {
  if (typeof data !== 'object' || data === null || !('aiHelped' in data)) return 'false';
  const value: unknown = data.aiHelped;
  return typeof value === 'boolean' ? value : String(value).trim().toLowerCase();
}

/**
 * The weekly pulse in personal chat: the question card (`pulse`, or the weekly delivery), its
 * answer (`answerPulse`), which refreshes the card into a thank-you showing what was recorded,
 * and `editPulse`, which brings the form back with that answer in it.
 */
export class PulseChat {
  constructor(private readonly deps: PulseChatDeps) {}

  /** `pulse`: this week's question, or what the person answered this week. */
  async card(caller: Caller): Promise<AdaptiveCardJson> {
    const view = await this.deps.pulse.questionFor(caller);
    return viewCard(view) ?? renderNoticeCard({ message: noTasks });
  }

  /** `answerPulse`: the card's inputs and its `taskId` arrive as the action's data. */
  async answer(caller: Caller, data: unknown): Promise<AdaptiveCardJson> {
    const taskId = formText(data, 'taskId');
    const parsed = pulseRequestSchema.safeParse({
      taskId,
      minutes: minutesOf(data),
      aiHelped: aiHelpedOf(data),
    });
    if (!parsed.success) {
      const view = await this.deps.pulse.questionFor(caller);
      const helped = aiHelpedOf(data);
      return (
        formCard(view, taskId, {
          error: badMinutes,
          values: { minutes: null, aiHelped: helped === true || helped === 'true' },
        }) ?? renderNoticeCard({ message: noTasks })
      );
    }
    try {
      const view = await this.deps.pulse.answer(caller, parsed.data);
      return viewCard(view) ?? renderNoticeCard({ message: noTasks });
    } catch (error) {
      if (!isAppError(error, 'invalid')) throw error;
      const view = await this.deps.pulse.questionFor(caller);
      if (view.question === null) return renderNoticeCard({ message: noTasks });
      return (
        formCard(view, view.question.taskId, { error: taskGone }) ??
        renderNoticeCard({ message: noTasks })
      );
    }
  }

  /** `editPulse`: the form again, holding this week's answer. */
  async edit(caller: Caller): Promise<AdaptiveCardJson> {
    const view = await this.deps.pulse.questionFor(caller);
    const { answer } = view;
    if (answer === null) return this.card(caller);
    return (
      formCard(view, answer.taskId, {
        values: { minutes: answer.minutes, aiHelped: answer.aiHelped },
      }) ?? renderNoticeCard({ message: noTasks })
    );
  }

  /**
   * The card of a weekly delivery to one person; undefined when the week is over by the time it
   * is sent, or there is nothing to ask them (off the roster, or no mapped tasks).
   */
  async deliveryCard(
    tenantId: string,
    userId: string,
    week: string,
  ): Promise<AdaptiveCardJson | undefined> {
    if (week !== isoWeekOf(this.deps.now())) return undefined;
    const caller = await this.deps.callers.callerFor(tenantId, userId);
    if (caller.departmentId === undefined) return undefined;
    return viewCard(await this.deps.pulse.questionFor(caller, week));
  }
}

/** The thank-you once answered, else the question; undefined when there is no question. */
function viewCard(view: PulseView): AdaptiveCardJson | undefined {
  const { answer, question } = view;
  if (answer !== null) {
    return renderPulseCard({
      week: view.week,
      taskId: answer.taskId,
      taskName: answer.taskName,
      baselineMinutes: null,
      values: { minutes: answer.minutes, aiHelped: answer.aiHelped },
      answered: { taskName: answer.taskName, minutes: answer.minutes, aiHelped: answer.aiHelped },
      error: '',
    });
  }
  if (question === null) return undefined;
  return renderPulseCard({
    week: view.week,
    taskId: question.taskId,
    taskName: question.taskName,
    baselineMinutes: question.baselineMinutes,
    values: { minutes: null, aiHelped: false },
    answered: null,
    error: '',
  });
}

/**
 * The question form for `taskId` when it is this week's question or this week's answer, else for
 * this week's question; undefined when there is neither.
 */
function formCard(
  view: PulseView,
  taskId: string,
  state: {
    readonly error?: string;
    readonly values?: { readonly minutes: number | null; readonly aiHelped: boolean };
  },
): AdaptiveCardJson | undefined {
  const { question, answer } = view;
  const task =
    question !== null && question.taskId === taskId
      ? { taskId, taskName: question.taskName, baselineMinutes: question.baselineMinutes }
      : answer !== null && answer.taskId === taskId
        ? { taskId, taskName: answer.taskName, baselineMinutes: null }
        : question === null
          ? undefined
          : {
              taskId: question.taskId,
              taskName: question.taskName,
              baselineMinutes: question.baselineMinutes,
            };
  if (task === undefined) return undefined;
  return renderPulseCard({
    week: view.week,
    ...task,
    values: state.values ?? { minutes: null, aiHelped: false },
    answered: null,
    error: state.error ?? '',
  });
}
