import type { IsoWeek } from '../contracts/activity.js';
import type { PulseAnswer, PulseRequest } from '../contracts/adoption.js';
import type { LearnerProfile } from '../contracts/lessons.js';
import type { PulseView } from '../contracts/pulse.js';
import { AppError } from '../domain/errors.js';
import { isoWeekOf, weekPartitionKey } from '../domain/iso-week.js';
import {
  pulseAnswerId,
  pulseDeliveryId,
  pulseDueAt,
  pulseTaskFor,
} from '../domain/pulse-question.js';
import type { Caller } from './caller.js';
import type { EnqueueInput } from './delivery-queue.js';

/** What the pulse needs of a mapped task. */
export interface PulseTask {
  readonly id: string;
  readonly name: string;
  readonly departmentId: string;
  readonly baselineMinutes: number;
}

export interface PulsePorts {
  readonly pulses: {
    save(answer: PulseAnswer): Promise<unknown>;
    find(tenantId: string, week: IsoWeek, userId: string): Promise<PulseAnswer | undefined>;
  };
  readonly tasks: {
    listForDepartment(tenantId: string, departmentId: string): Promise<PulseTask[]>;
    find(tenantId: string, taskId: string): Promise<PulseTask | undefined>;
  };
  /** People who set up lessons: the ones the bot can reach each week on a day they chose. */
  readonly learners: { listProfiles(tenantId: string): Promise<LearnerProfile[]> };
  readonly callers: { callerFor(tenantId: string, userId: string): Promise<Caller> };
  readonly queue: { enqueue(input: EnqueueInput, now: Date): Promise<{ created: boolean }> };
}

export interface PulseRun {
  readonly learners: number;
  readonly enqueued: number;
  /** Pulses the queue already held for this week: a rerun finds these and adds nothing. */
  readonly alreadyQueued: number;
  /** People who answered this week already (in the tab, or by typing `pulse`). */
  readonly alreadyAnswered: number;
  /** People off the roster, or whose department has mapped no tasks: nothing to ask. */
  readonly nothingToAsk: number;
}

/** How many settled pulses an instance remembers before it starts over. */
const rememberedLimit = 200_000;

const notOnRoster =
  'The weekly pulse is for people on the roster. Ask your admin to add you to the program.';

/**
 * The one-question weekly pulse: "last time you did this task, how many minutes did it take, and
 * did AI help?" Each person is asked about one of their department's mapped tasks, rotating by
 * week; the answers feed the 90-day checkpoint's time per task.
 */
export class PulseService {
  /** What this instance found per person and week, so a rerun does not ask the store again. */
  private readonly settled = new Map<string, 'queued' | 'answered'>();

  constructor(
    private readonly ports: PulsePorts,
    private readonly now: () => Date,
  ) {}

  /** This week's question for the caller and what they answered this week, if anything. */
  async questionFor(caller: Caller, week: IsoWeek = isoWeekOf(this.now())): Promise<PulseView> {
    const departmentId = rosterDepartment(caller);
    const { tenantId, userId } = caller.identity;
    const [tasks, answer] = await Promise.all([
      this.ports.tasks.listForDepartment(tenantId, departmentId),
      this.ports.pulses.find(tenantId, week, userId),
    ]);
    const task = pulseTaskFor(tasks, userId, week);
    return {
      week,
      question:
        task === undefined
          ? null
          : {
              taskId: task.id,
              taskName: task.name,
              departmentId: task.departmentId,
              baselineMinutes: task.baselineMinutes,
            },
      answer: answer === undefined ? null : await this.answerView(tenantId, answer, tasks),
    };
  }

  /**
   * Records the caller's answer for the current week, replacing one given earlier that week. The
   * task may be any mapped task of the tenant (the question suggests one, the tab may offer
   * others); the department is the roster's, so answers count where the person works.
   */
  async answer(caller: Caller, request: PulseRequest): Promise<PulseView> {
    const departmentId = rosterDepartment(caller);
    const { tenantId, userId } = caller.identity;
    const task = await this.ports.tasks.find(tenantId, request.taskId);
    if (task === undefined) {
      throw new AppError('invalid', 'Choose one of the mapped tasks', {
        fieldErrors: [{ field: 'taskId', message: 'is not a mapped task of this program' }],
      });
    }
    const now = this.now();
    const week = isoWeekOf(now);
    await this.ports.pulses.save({
      id: pulseAnswerId(userId),
      tenantId,
      pk: weekPartitionKey(tenantId, week),
      type: 'pulseAnswer',
      week,
      userId,
      departmentId,
      taskId: task.id,
      minutes: request.minutes,
      aiHelped: request.aiHelped,
      answeredAt: now.toISOString(),
    });
    return this.questionFor(caller, week);
  }

  /**
   * Puts this week's pulse on the delivery queue for every set-up learner who has something to
   * be asked and has not answered yet, due on their lesson day and time. Ids are deterministic
   * (`pulse:<userId>:<week>`), so any number of runs and instances queue one per person and week.
   */
  async enqueueWeekly(tenantId: string, now: Date): Promise<PulseRun> {
    const week = isoWeekOf(now);
    const counts = {
      learners: 0,
      enqueued: 0,
      alreadyQueued: 0,
      alreadyAnswered: 0,
      nothingToAsk: 0,
    };
    const profiles = await this.ports.learners.listProfiles(tenantId);
    const tasksByDepartment = new Map<string, Promise<PulseTask[]>>();
    const tasksOf = (departmentId: string): Promise<PulseTask[]> => {
      let tasks = tasksByDepartment.get(departmentId);
      if (tasks === undefined) {
        tasks = this.ports.tasks.listForDepartment(tenantId, departmentId);
        tasksByDepartment.set(departmentId, tasks);
      }
      return tasks;
    };
    counts.learners = profiles.length;
    for (const profile of profiles) {
      const id = pulseDeliveryId(profile.userId, week);
      const key = `${tenantId}/${id}`;
      const settled = this.settled.get(key);
      if (settled !== undefined) {
        if (settled === 'queued') counts.alreadyQueued += 1;
        else counts.alreadyAnswered += 1;
        continue;
      }
      const caller = await this.ports.callers.callerFor(tenantId, profile.userId);
      const departmentId = caller.departmentId;
      if (
        departmentId === undefined ||
        pulseTaskFor(await tasksOf(departmentId), profile.userId, week) === undefined
      ) {
        counts.nothingToAsk += 1;
        continue;
      }
      if ((await this.ports.pulses.find(tenantId, week, profile.userId)) !== undefined) {
        counts.alreadyAnswered += 1;
        this.remember(key, 'answered');
        continue;
      }
      const { created } = await this.ports.queue.enqueue(
        {
          tenantId,
          id,
          recipient: { kind: 'person', userId: profile.userId },
          payload: { kind: 'pulse', week },
          notBefore: pulseDueAt(week, profile),
        },
        now,
      );
      if (created) counts.enqueued += 1;
      else counts.alreadyQueued += 1;
      this.remember(key, 'queued');
    }
    return counts;
  }

  private async answerView(
    tenantId: string,
    answer: PulseAnswer,
    departmentTasks: readonly PulseTask[],
  ): Promise<NonNullable<PulseView['answer']>> {
    const task =
      departmentTasks.find((candidate) => candidate.id === answer.taskId) ??
      (await this.ports.tasks.find(tenantId, answer.taskId));
    return {
      taskId: answer.taskId,
      taskName: task?.name ?? answer.taskId,
      minutes: answer.minutes,
      aiHelped: answer.aiHelped,
      answeredAt: answer.answeredAt,
    };
  }

  private remember(key: string, outcome: 'queued' | 'answered'): void {
    if (this.settled.size >= rememberedLimit) this.settled.clear();
    this.settled.set(key, outcome);
  }
}

function rosterDepartment(caller: Caller): string {
  if (caller.departmentId === undefined) throw new AppError('forbidden', notOnRoster);
  return caller.departmentId;
}
