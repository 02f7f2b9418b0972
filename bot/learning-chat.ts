import {
  type LearnerSetup,
  learnerSetupSchema,
  type Lesson,
  weekdays,
} from '../src/contracts/lessons.js';
import type { Department, JobFamily } from '../src/contracts/program.js';
import { AppError, isAppError } from '../src/domain/errors.js';
import type { Caller } from '../src/services/caller.js';
import type { DeliveryQueue } from '../src/services/delivery-queue.js';
import type { LearningService } from '../src/services/learning-service.js';
import type { PromptCatalog } from '../src/services/prompt-catalog.js';
import {
  renderLessonCard,
  renderProgressCard,
  renderSetupCard,
  type LessonCardData,
} from './cards/learning-cards.js';
import { renderNoticeCard, type AdaptiveCardJson } from './cards/render-card.js';
import { libraryUrl } from './library-link.js';
import { formText } from './prompt-forms.js';

/** What the bot's learning conversation needs from the services. */
export interface LearningChatDeps {
  readonly learning: Pick<
    LearningService,
    'setupFor' | 'saveSetup' | 'nextLesson' | 'lesson' | 'answer' | 'progress' | 'completion'
  >;
  readonly program: {
    listJobFamilies(tenantId: string): Promise<Pick<JobFamily, 'id' | 'name'>[]>;
    listDepartments(tenantId: string): Promise<Pick<Department, 'id' | 'name'>[]>;
  };
  readonly prompts: Pick<PromptCatalog, 'get'>;
  readonly tasks: { taskName(tenantId: string, taskId: string): Promise<string | undefined> };
  readonly tabEndpoint: string | undefined;
  /** The proactive queue, for a lesson asked for in a team or meeting: it goes to a 1:1 chat. */
  readonly deliveries?: Pick<DeliveryQueue, 'enqueue'> | undefined;
  readonly now?: () => Date;
}

/** The time zones offered on the set-up card: the runtime's list, with UTC first. */
const timeZoneChoices = (() => {
  const zones = Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC');
  return [{ id: 'UTC', name: 'UTC' }, ...zones.map((zone) => ({ id: zone, name: zone }))].slice(
    0,
    600,
  );
})();

/** Someone without any lessons yet: the program has no curriculum for their job family. */
const noCurriculum =
  'There are no lessons for your job family yet. Your AI champion adds them on the Program page.';

function phrase(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

/**
 * The personal learning conversation as cards: set-up, the next lesson, answering it and
 * progress. Card actions come back as `Action.Execute` invokes, answered with the refreshed card.
 */
export class LearningChat {
  constructor(private readonly deps: LearningChatDeps) {}

  async setupCard(
    caller: Caller,
    name: string,
    state: { readonly error?: string; readonly entered?: Partial<LearnerSetup> } = {},
  ): Promise<AdaptiveCardJson> {
    const { tenantId } = caller.identity;
    const [current, jobFamilies, departments] = await Promise.all([
      this.deps.learning.setupFor(caller),
      this.deps.program.listJobFamilies(tenantId),
      this.deps.program.listDepartments(tenantId),
    ]);
    if (jobFamilies.length === 0 || departments.length === 0) {
      return renderNoticeCard({
        message:
          'This program has no job families or departments yet, so lessons cannot be set up. Your admin adds them in the Lastmile tab.',
      });
    }
    const values = { ...current.values, ...state.entered };
    const saved = current.saved && state.error === undefined && state.entered === undefined;
    return renderSetupCard({
      name,
      jobFamilies: jobFamilies.map(({ id, name: label }) => ({ id, name: label })),
      departments: departments.map(({ id, name: label }) => ({ id, name: label })),
      timeZones: timeZoneChoices,
      values: {
        jobFamilyId: values.jobFamilyId ?? '',
        departmentId: values.departmentId ?? '',
        lessonDay: values.lessonDay ?? '',
        lessonTime: values.lessonTime ?? '',
        timeZone: values.timeZone ?? 'UTC',
      },
      error: state.error ?? '',
      saved,
    });
  }

  /** `saveSetup`: the card's inputs arrive as the action's data. */
  async saveSetup(caller: Caller, name: string, data: unknown): Promise<AdaptiveCardJson> {
    const entered = {
      jobFamilyId: formText(data, 'jobFamilyId'),
      departmentId: formText(data, 'departmentId'),
      lessonDay: formText(data, 'lessonDay'),
      lessonTime: formText(data, 'lessonTime').slice(0, 5),
      timeZone: formText(data, 'timeZone'),
    };
    const parsed = learnerSetupSchema.safeParse(entered);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
      return this.setupCard(caller, name, {
        error: `Please choose ${fields.map(fieldLabel).join(', ')}.`,
        entered: pickKnown(entered),
      });
    }
    try {
      await this.deps.learning.saveSetup(caller, parsed.data);
    } catch (error) {
      if (!isAppError(error, 'invalid')) throw error;
      return this.setupCard(caller, name, { error: error.message, entered: parsed.data });
    }
    return this.setupCard(caller, name);
  }

  /** `lesson`: the next lesson that is due, or when the next one comes. */
  async nextLessonCard(caller: Caller): Promise<AdaptiveCardJson> {
    const next = await this.deps.learning.nextLesson(caller);
    if (next.kind === 'no-curriculum') return renderNoticeCard({ message: noCurriculum });
    if (next.kind === 'up-to-date') {
      const setup = await this.deps.learning.setupFor(caller);
      const when =
        next.nextAt === undefined
          ? 'You have done every lesson of the program. Well done.'
          : `Your next lesson arrives on ${phrase(next.nextAt, setup.values.timeZone ?? 'UTC')}.`;
      return renderNoticeCard({ message: `You are up to date with your lessons. ${when}` });
    }
    const done = await this.deps.learning.completion(caller, next.lesson.id);
    return this.lessonCard(caller, next.lesson, done === undefined ? {} : { alreadyDone: true });
  }

  /**
   * `lesson` typed in a team or meeting: the next lesson is sent to the person's 1:1 chat through
   * the delivery queue (which creates the chat when needed), once a day at most. Returns what to
   * say in the conversation.
   */
  async sendPrivately(caller: Caller): Promise<string> {
    const next = await this.deps.learning.nextLesson(caller);
    if (next.kind === 'no-curriculum') return noCurriculum;
    if (next.kind === 'up-to-date') return 'You are up to date with your lessons.';
    if (this.deps.deliveries === undefined) {
      return 'Lessons are personal: open a chat with Lastmile and type lesson there.';
    }
    const now = (this.deps.now ?? (() => new Date()))();
    const { tenantId, userId } = caller.identity;
    await this.deps.deliveries.enqueue(
      {
        tenantId,
        id: `asked:${userId}:${next.lesson.id}:${now.toISOString().slice(0, 10)}`,
        recipient: { kind: 'person', userId },
        payload: { kind: 'lesson', lessonId: next.lesson.id },
      },
      now,
    );
    return `I am sending you "${next.lesson.title}" in a private chat with Lastmile.`;
  }

  /** A lesson for a weekly delivery: shown as the person will see it, unanswered. */
  async deliveryCard(tenantId: string, lessonId: string): Promise<AdaptiveCardJson | undefined> {
    const caller: Caller = {
      identity: { tenantId, userId: 'lastmile-scheduler', roles: ['member'] },
    };
    try {
      const lesson = await this.deps.learning.lesson(caller, lessonId);
      return await this.lessonCard(caller, lesson, {});
    } catch (error) {
      if (isAppError(error, 'not-found')) return undefined;
      throw error;
    }
  }

  /** `answerLesson`: records the answer once and shows its feedback. */
  async answer(caller: Caller, data: unknown): Promise<AdaptiveCardJson> {
    const lessonId = formText(data, 'lessonId');
    const answerId = formText(data, 'answerId');
    const reflection = formText(data, 'reflection').slice(0, 1000);
    const lesson = await this.deps.learning.lesson(caller, lessonId);
    if (answerId === '')
      return this.lessonCard(caller, lesson, { error: 'Choose an answer first.' });
    try {
      const result = await this.deps.learning.answer(caller, lessonId, {
        answerId,
        ...(reflection === '' ? {} : { reflection }),
      });
      return await this.lessonCard(caller, lesson, {
        answered: {
          answerId: result.option.id,
          correct: result.correct,
          feedback: result.feedback,
          chosenText: result.option.text,
          reflectionText: result.reflection ?? '',
        },
        alreadyDone: result.alreadyDone,
      });
    } catch (error) {
      if (!isAppError(error, 'invalid')) throw error;
      return this.lessonCard(caller, lesson, { error: 'Choose one of the answers.' });
    }
  }

  async progressCard(caller: Caller, name: string): Promise<AdaptiveCardJson> {
    const progress = await this.deps.learning.progress(caller);
    const stateLabels = { done: 'Done', due: 'Due now', upcoming: 'Coming up' } as const;
    const zone = progress.profile?.timeZone ?? 'UTC';
    return renderProgressCard({
      name,
      programWeek: progress.programWeek,
      completed: progress.completed,
      total: progress.lessons.length,
      due: progress.due,
      practiceAttended: progress.practiceAttended,
      nextLessonText:
        progress.nextLessonAt === undefined ? '' : phrase(new Date(progress.nextLessonAt), zone),
      lessons: progress.lessons.map((lesson) => ({
        week: lesson.week,
        title: lesson.title,
        stateLabel:
          lesson.state === 'done' && lesson.correct === false
            ? 'Done (worth another look)'
            : stateLabels[lesson.state],
      })),
    });
  }

  private async lessonCard(
    caller: Caller,
    lesson: Lesson,
    state: Partial<Pick<LessonCardData, 'answered' | 'alreadyDone' | 'error'>>,
  ): Promise<AdaptiveCardJson> {
    const { tenantId } = caller.identity;
    const [families, taskName, prompt] = await Promise.all([
      this.deps.program.listJobFamilies(tenantId),
      lesson.taskId === undefined ? undefined : this.deps.tasks.taskName(tenantId, lesson.taskId),
      lesson.promptId === undefined ? undefined : this.promptOf(caller, lesson.promptId),
    ]);
    return renderLessonCard({
      lessonId: lesson.id,
      title: lesson.title,
      minutes: lesson.minutes,
      week: lesson.week,
      jobFamilyName:
        families.find((family) => family.id === lesson.jobFamilyId)?.name ?? lesson.jobFamilyId,
      taskName: taskName ?? '',
      scenario: lesson.scenario,
      tryIt: lesson.tryIt,
      prompt: prompt ?? null,
      question: lesson.check.question,
      options: lesson.check.options.map(({ id, text }) => ({ id, text })),
      reflection: lesson.reflection,
      answered: state.answered ?? null,
      alreadyDone: state.alreadyDone ?? false,
      error: state.error ?? '',
    });
  }

  private async promptOf(
    caller: Caller,
    promptId: string,
  ): Promise<{ title: string; text: string; libraryUrl: string } | undefined> {
    try {
      const prompt = await this.deps.prompts.get(caller, promptId);
      return {
        title: prompt.title,
        text: prompt.body,
        libraryUrl: libraryUrl(this.deps.tabEndpoint, prompt.id) ?? '',
      };
    } catch (error) {
      // A retired or removed prompt leaves the lesson usable without it.
      if (error instanceof AppError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }
}

const fieldLabels: Readonly<Record<string, string>> = {
  jobFamilyId: 'your job family',
  departmentId: 'your department',
  lessonDay: 'a lesson day',
  lessonTime: 'a lesson time',
  timeZone: 'your time zone',
};

function fieldLabel(field: string): string {
  return fieldLabels[field] ?? field;
}

/** Keeps what a person entered that is well-formed, so the form comes back as they left it. */
function pickKnown(entered: Record<keyof LearnerSetup, string>): Partial<LearnerSetup> {
  // Only values the form's inputs could hold are shown again: anything else (a 100 kB "id")
  // would not fit the card, and the turn would fail instead of asking again.
  const fields = learnerSetupSchema.shape;
  const known = (key: keyof LearnerSetup): boolean => fields[key].safeParse(entered[key]).success;
  const day = weekdays.find((candidate) => candidate === entered.lessonDay);
  return {
    ...(known('jobFamilyId') ? { jobFamilyId: entered.jobFamilyId } : {}),
    ...(known('departmentId') ? { departmentId: entered.departmentId } : {}),
    ...(day === undefined ? {} : { lessonDay: day }),
    ...(/^\d\d:\d\d$/u.test(entered.lessonTime) ? { lessonTime: entered.lessonTime } : {}),
    ...(known('timeZone') ? { timeZone: entered.timeZone } : {}),
  };
}
