import type { Container } from '@azure/cosmos';
import {
  type CurriculumSchedule,
  curriculumScheduleSchema,
  type Lesson,
  lessonSchema,
} from '../contracts/lessons.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository, type Versioned } from './repository.js';
import type { RetryPolicy } from './throttle-retry.js';

/** A tenant's curriculum is small (job families × weeks); more than this is a runaway import. */
const listLimit = 2000;

/** Lessons and the curriculum schedule, in the `program` container (partition `/tenantId`). */
export class CurriculumRepository {
  private readonly lessons: CosmosRepository<Lesson>;
  private readonly schedules: CosmosRepository<CurriculumSchedule>;

  constructor(container: Container, options: { journal?: WriteJournal; retry?: RetryPolicy }) {
    const common = {
      name: 'program',
      journal: options.journal,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    };
    this.lessons = new CosmosRepository(container, {
      ...common,
      type: 'lesson',
      schema: lessonSchema,
      partitionKeyOf: (lesson) => lesson.tenantId,
    });
    this.schedules = new CosmosRepository(container, {
      ...common,
      type: 'curriculumSchedule',
      schema: curriculumScheduleSchema,
      partitionKeyOf: (schedule) => schedule.tenantId,
    });
  }

  async findLesson(tenantId: string, id: string): Promise<Versioned<Lesson> | undefined> {
    return this.lessons.find({ tenantId }, id);
  }

  async listLessons(
    tenantId: string,
    filter: { readonly jobFamilyId?: string | undefined } = {},
  ): Promise<Versioned<Lesson>[]> {
    return this.lessons.queryAll(
      { tenantId },
      filter.jobFamilyId === undefined
        ? {}
        : {
            where: 'c.jobFamilyId = @jobFamily',
            parameters: [{ name: '@jobFamily', value: filter.jobFamilyId }],
          },
      listLimit,
    );
  }

  async createLesson(lesson: Lesson): Promise<Versioned<Lesson>> {
    return this.lessons.create(lesson);
  }

  async createLessons(lessons: readonly Lesson[]): Promise<{ created: number }> {
    return this.lessons.createMany(lessons);
  }

  async replaceLesson(lesson: Lesson, etag: string): Promise<Versioned<Lesson>> {
    return this.lessons.replace(lesson, etag);
  }

  async deleteLesson(tenantId: string, id: string, etag: string): Promise<void> {
    await this.lessons.delete({ tenantId }, id, { etag });
  }

  async findSchedule(tenantId: string): Promise<Versioned<CurriculumSchedule> | undefined> {
    return this.schedules.find({ tenantId }, 'curriculum-schedule');
  }

  async createSchedule(schedule: CurriculumSchedule): Promise<Versioned<CurriculumSchedule>> {
    return this.schedules.create(schedule);
  }

  async replaceSchedule(
    schedule: CurriculumSchedule,
    etag: string,
  ): Promise<Versioned<CurriculumSchedule>> {
    return this.schedules.replace(schedule, etag);
  }
}
