import type { Identity } from '../contracts/identity.js';
import {
  type CurriculumSchedule,
  type CurriculumScheduleUpdate,
  type CurriculumScheduleView,
  defaultCurriculumSchedule,
  type Lesson,
  type LessonContent,
  type LessonStatus,
  type LessonView,
} from '../contracts/lessons.js';
import { inCurriculumOrder } from '../domain/curriculum-schedule.js';
import { AppError } from '../domain/errors.js';
import { hasAnyRole } from '../domain/roles.js';
import { slugOf } from '../domain/slug.js';

interface Stored<T> {
  readonly value: T;
  readonly etag: string;
}

export interface CurriculumPorts {
  readonly curriculum: {
    findLesson(tenantId: string, id: string): Promise<Stored<Lesson> | undefined>;
    listLessons(tenantId: string, filter?: { jobFamilyId?: string }): Promise<Stored<Lesson>[]>;
    createLesson(lesson: Lesson): Promise<Stored<Lesson>>;
    replaceLesson(lesson: Lesson, etag: string): Promise<Stored<Lesson>>;
    deleteLesson(tenantId: string, id: string, etag: string): Promise<void>;
    findSchedule(tenantId: string): Promise<Stored<CurriculumSchedule> | undefined>;
    createSchedule(schedule: CurriculumSchedule): Promise<Stored<CurriculumSchedule>>;
    replaceSchedule(
      schedule: CurriculumSchedule,
      etag: string,
    ): Promise<Stored<CurriculumSchedule>>;
  };
  /** What a lesson may link to: the tenant's job families, mapped tasks and library prompts. */
  readonly references: {
    jobFamilyExists(tenantId: string, id: string): Promise<boolean>;
    taskExists(tenantId: string, id: string): Promise<boolean>;
    promptExists(tenantId: string, id: string): Promise<boolean>;
  };
}

const editors = ['champion', 'admin'] as const;
const maxIdAttempts = 20;

function view({ value, etag }: Stored<Lesson>): LessonView {
  const { tenantId: _tenant, type: _type, ...rest } = value;
  return { ...rest, etag };
}

function lostRace(latest: Stored<Lesson>): AppError {
  return new AppError(
    'precondition-failed',
    'Someone else changed this lesson; here is the latest version',
    {
      current: { value: view(latest), etag: latest.etag },
    },
  );
}

/**
 * The curriculum: micro-lessons per job family and week, written and scheduled by champions. Others
 * see published lessons only.
 */
export class CurriculumService {
  constructor(
    private readonly ports: CurriculumPorts,
    private readonly now: () => Date,
  ) {}

  canEdit(identity: Identity): boolean {
    return hasAnyRole(identity.roles, editors);
  }

  async list(
    identity: Identity,
    filter: {
      readonly jobFamilyId?: string | undefined;
      readonly status?: LessonStatus | undefined;
    },
  ): Promise<LessonView[]> {
    const stored = await this.ports.curriculum.listLessons(
      identity.tenantId,
      filter.jobFamilyId === undefined ? {} : { jobFamilyId: filter.jobFamilyId },
    );
    const status = this.canEdit(identity) ? filter.status : 'published';
    const visible = stored.filter((entry) => status === undefined || entry.value.status === status);
    const ordered = [...visible].sort(
      (left, right) =>
        left.value.jobFamilyId.localeCompare(right.value.jobFamilyId) ||
        left.value.week - right.value.week ||
        left.value.title.localeCompare(right.value.title),
    );
    return ordered.map(view);
  }

  /** Published lessons of one job family in the order people take them. */
  async publishedFor(tenantId: string, jobFamilyId: string): Promise<Lesson[]> {
    const stored = await this.ports.curriculum.listLessons(tenantId, { jobFamilyId });
    return inCurriculumOrder(
      stored.map((entry) => entry.value).filter((lesson) => lesson.status === 'published'),
    );
  }

  async get(identity: Identity, id: string): Promise<LessonView> {
    return view(await this.visible(identity, id));
  }

  /** A published lesson by id, for the bot and the scheduler; undefined when gone or a draft. */
  async findPublished(tenantId: string, id: string): Promise<Lesson | undefined> {
    const found = await this.ports.curriculum.findLesson(tenantId, id);
    return found?.value.status === 'published' ? found.value : undefined;
  }

  async create(
    identity: Identity,
    content: LessonContent,
    options: { readonly id?: string } = {},
  ): Promise<LessonView> {
    this.requireEditor(identity);
    await this.checkReferences(identity.tenantId, content);
    const at = this.now().toISOString();
    const base =
      options.id ??
      `${content.jobFamilyId}-w${String(content.week)}-${slugOf(content.title, 'lesson')}`;
    for (let attempt = 1; attempt <= maxIdAttempts; attempt += 1) {
      const id = (attempt === 1 ? base : `${base}-${String(attempt)}`).slice(0, 64);
      try {
        const created = await this.ports.curriculum.createLesson({
          ...content,
          id,
          tenantId: identity.tenantId,
          type: 'lesson',
          createdAt: at,
          createdBy: identity.userId,
          updatedAt: at,
          updatedBy: identity.userId,
        });
        return view(created);
      } catch (error) {
        if (!(error instanceof AppError && error.kind === 'conflict') || options.id !== undefined)
          throw error;
      }
    }
    throw new AppError('conflict', 'Could not find a free id for this lesson; change its title');
  }

  async update(
    identity: Identity,
    id: string,
    content: LessonContent,
    etag: string,
  ): Promise<LessonView> {
    this.requireEditor(identity);
    const current = await this.visible(identity, id);
    if (current.etag !== etag) throw lostRace(current);
    await this.checkReferences(identity.tenantId, content);
    const updated = await this.ports.curriculum
      .replaceLesson(
        {
          ...current.value,
          ...content,
          updatedAt: this.now().toISOString(),
          updatedBy: identity.userId,
        },
        etag,
      )
      .catch(async (error: unknown) => {
        throw await this.withLatest(identity.tenantId, id, error);
      });
    return view(updated);
  }

  async remove(identity: Identity, id: string, etag: string): Promise<void> {
    this.requireEditor(identity);
    const current = await this.visible(identity, id);
    if (current.etag !== etag) throw lostRace(current);
    await this.ports.curriculum
      .deleteLesson(identity.tenantId, id, etag)
      .catch(async (error: unknown) => {
        throw await this.withLatest(identity.tenantId, id, error);
      });
  }

  async schedule(tenantId: string): Promise<CurriculumScheduleView> {
    const stored = await this.ports.curriculum.findSchedule(tenantId);
    if (stored === undefined) return { ...defaultCurriculumSchedule };
    const { lessonDay, lessonTime, timeZone, deliverWeekly, updatedAt } = stored.value;
    return { lessonDay, lessonTime, timeZone, deliverWeekly, updatedAt, etag: stored.etag };
  }

  /** Saves the defaults: `etag` of the stored schedule, or undefined to create the first one. */
  async saveSchedule(
    identity: Identity,
    update: CurriculumScheduleUpdate,
    etag: string | undefined,
  ): Promise<CurriculumScheduleView> {
    this.requireEditor(identity);
    const schedule: CurriculumSchedule = {
      ...update,
      id: 'curriculum-schedule',
      tenantId: identity.tenantId,
      type: 'curriculumSchedule',
      updatedAt: this.now().toISOString(),
      updatedBy: identity.userId,
    };
    try {
      if (etag === undefined) await this.ports.curriculum.createSchedule(schedule);
      else await this.ports.curriculum.replaceSchedule(schedule, etag);
    } catch (error) {
      const lost =
        (etag === undefined && error instanceof AppError && error.kind === 'conflict') ||
        (error instanceof AppError && error.kind === 'precondition-failed');
      if (!lost) throw error;
      const latest = await this.schedule(identity.tenantId);
      throw new AppError(
        'precondition-failed',
        'Someone else changed the schedule; here is the latest version',
        latest.etag === undefined ? {} : { current: { value: latest, etag: latest.etag } },
      );
    }
    return this.schedule(identity.tenantId);
  }

  /** A lost edit race as the API reports it: with the latest version to re-apply to. */
  private async withLatest(tenantId: string, id: string, error: unknown): Promise<unknown> {
    if (!(error instanceof AppError && error.kind === 'precondition-failed')) return error;
    const latest = await this.ports.curriculum.findLesson(tenantId, id);
    return latest === undefined ? error : lostRace(latest);
  }

  private async visible(identity: Identity, id: string): Promise<Stored<Lesson>> {
    const found = await this.ports.curriculum.findLesson(identity.tenantId, id);
    if (found === undefined || (found.value.status !== 'published' && !this.canEdit(identity))) {
      throw new AppError('not-found', `Lesson ${id} was not found`);
    }
    return found;
  }

  private requireEditor(identity: Identity): void {
    if (!this.canEdit(identity)) {
      throw new AppError('forbidden', 'Only AI champions and admins edit the curriculum');
    }
  }

  private async checkReferences(tenantId: string, content: LessonContent): Promise<void> {
    const { references } = this.ports;
    const [family, task, prompt] = await Promise.all([
      references.jobFamilyExists(tenantId, content.jobFamilyId),
      content.taskId === undefined ? true : references.taskExists(tenantId, content.taskId),
      content.promptId === undefined ? true : references.promptExists(tenantId, content.promptId),
    ]);
    const errors = [
      ...(family ? [] : [{ field: 'jobFamilyId', message: 'is not a job family of this program' }]),
      ...(task ? [] : [{ field: 'taskId', message: 'is not a mapped workflow task' }]),
      ...(prompt ? [] : [{ field: 'promptId', message: 'is not a prompt in the library' }]),
    ];
    if (errors.length > 0) {
      throw new AppError('invalid', 'The lesson links to something that does not exist', {
        fieldErrors: errors,
      });
    }
  }
}
