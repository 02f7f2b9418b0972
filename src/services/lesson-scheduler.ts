import type { CurriculumScheduleView, LearnerProfile, Lesson } from '../contracts/lessons.js';
import type { DeliveryPayload, DeliveryRecipient } from '../contracts/deliveries.js';
import { weeklyLessonDue } from '../domain/curriculum-schedule.js';
import { lessonDeliveryId } from '../domain/learning-ids.js';
import { PeriodicRun, type PeriodicSchedulerOptions, sumOverTenants } from './periodic-run.js';

export interface LessonSchedulerPorts {
  readonly tenants: { listTenantIds(): Promise<string[]> };
  readonly program: { programStart(tenantId: string): Promise<string | undefined> };
  readonly lessons: {
    publishedFor(tenantId: string, jobFamilyId: string): Promise<Lesson[]>;
    schedule(tenantId: string): Promise<CurriculumScheduleView>;
  };
  readonly learners: {
    listProfiles(tenantId: string): Promise<LearnerProfile[]>;
    findCompletion(tenantId: string, userId: string, lessonId: string): Promise<unknown>;
  };
  readonly queue: {
    enqueue(
      input: {
        readonly tenantId: string;
        readonly id: string;
        readonly recipient: DeliveryRecipient;
        readonly payload: DeliveryPayload;
      },
      now: Date,
    ): Promise<{ created: boolean }>;
  };
}

export interface SchedulerRun {
  readonly tenants: number;
  readonly learners: number;
  readonly enqueued: number;
  /** Due lessons the queue already held: a rerun finds these and adds nothing. */
  readonly alreadyQueued: number;
  /** Due lessons the person had already done through `lesson`. */
  readonly alreadyDone: number;
}

/** Ids this instance has enqueued, so a run does not ask the store again each interval. */
const rememberedLimit = 200_000;

/**
 * Puts each person's weekly lesson on the delivery queue once it falls due (their day and time, in
 * their time zone). Every instance may run it: ids are deterministic, so the queue holds one item
 * per person and lesson however many runs see it.
 */
export class LessonScheduler {
  private readonly enqueued = new Set<string>();
  private readonly loop: PeriodicRun<SchedulerRun>;

  constructor(
    private readonly ports: LessonSchedulerPorts,
    private readonly options: PeriodicSchedulerOptions,
  ) {
    this.loop = new PeriodicRun(() => this.runOnce(), {
      intervalMs: options.intervalMs,
      logger: options.logger,
      enqueuedMessage: 'weekly lessons enqueued',
      failedMessage: 'the lesson scheduler run failed',
    });
  }

  async runOnce(): Promise<SchedulerRun> {
    const now = this.options.now();
    const zero = { learners: 0, enqueued: 0, alreadyQueued: 0, alreadyDone: 0 };
    return sumOverTenants(await this.ports.tenants.listTenantIds(), zero, (tenantId) =>
      this.runTenant(tenantId, now),
    );
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  private async runTenant(tenantId: string, now: Date): Promise<Omit<SchedulerRun, 'tenants'>> {
    const counts = { learners: 0, enqueued: 0, alreadyQueued: 0, alreadyDone: 0 };
    const [start, schedule] = await Promise.all([
      this.ports.program.programStart(tenantId),
      this.ports.lessons.schedule(tenantId),
    ]);
    if (start === undefined || !schedule.deliverWeekly) return counts;
    const profiles = await this.ports.learners.listProfiles(tenantId);
    const lessonsByFamily = new Map<string, Promise<Lesson[]>>();
    const lessonsOf = (jobFamilyId: string): Promise<Lesson[]> => {
      let lessons = lessonsByFamily.get(jobFamilyId);
      if (lessons === undefined) {
        lessons = this.ports.lessons.publishedFor(tenantId, jobFamilyId);
        lessonsByFamily.set(jobFamilyId, lessons);
      }
      return lessons;
    };
    counts.learners = profiles.length;
    for (const profile of profiles) {
      const lesson = weeklyLessonDue(await lessonsOf(profile.jobFamilyId), start, profile, now);
      if (lesson === undefined) continue;
      const id = lessonDeliveryId(profile.userId, lesson.id);
      const key = `${tenantId}/${id}`;
      if (this.enqueued.has(key)) {
        counts.alreadyQueued += 1;
        continue;
      }
      const done = await this.ports.learners.findCompletion(tenantId, profile.userId, lesson.id);
      if (done !== undefined) {
        counts.alreadyDone += 1;
        this.remember(key);
        continue;
      }
      const { created } = await this.ports.queue.enqueue(
        {
          tenantId,
          id,
          recipient: { kind: 'person', userId: profile.userId },
          payload: { kind: 'lesson', lessonId: lesson.id },
        },
        now,
      );
      if (created) counts.enqueued += 1;
      else counts.alreadyQueued += 1;
      this.remember(key);
    }
    return counts;
  }

  private remember(key: string): void {
    if (this.enqueued.size >= rememberedLimit) this.enqueued.clear();
    this.enqueued.add(key);
  }
}
