import type { Container } from '@azure/cosmos';
import {
  type LearnerProfile,
  learnerProfileSchema,
  type LearnerStats,
  learnerStatsSchema,
  type LessonCompletion,
  lessonCompletionSchema,
} from '../contracts/lessons.js';
import {
  learnerPartitionKey,
  learnerProfileId,
  lessonCompletionId,
} from '../domain/learning-ids.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository, type Versioned } from './repository.js';
import type { RetryPolicy } from './throttle-retry.js';

const profileListLimit = 200_000;

/**
 * People's learning set-up (`people` container, id `learner:<userId>`) and their lesson
 * completions (`activity` container, in the person's own partition `tenantId:learner:<userId>`,
 * id `lesson:<lessonId>`), so progress is a handful of point reads, never a scan.
 */
export class LearnerRepository {
  private readonly profiles: CosmosRepository<LearnerProfile>;
  private readonly completions: CosmosRepository<LessonCompletion>;
  private readonly stats: CosmosRepository<LearnerStats>;

  constructor(
    people: Container,
    activity: Container,
    options: { journal?: WriteJournal; retry?: RetryPolicy },
  ) {
    const common = {
      journal: options.journal,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    };
    this.profiles = new CosmosRepository(people, {
      ...common,
      name: 'people',
      type: 'learnerProfile',
      schema: learnerProfileSchema,
      partitionKeyOf: (profile) => profile.tenantId,
    });
    this.completions = new CosmosRepository(activity, {
      ...common,
      name: 'activity',
      type: 'lessonCompletion',
      schema: lessonCompletionSchema,
      partitionKeyOf: (completion) => completion.pk,
    });
    this.stats = new CosmosRepository(activity, {
      ...common,
      name: 'activity',
      type: 'learnerStats',
      schema: learnerStatsSchema,
      partitionKeyOf: (stats) => stats.pk,
    });
  }

  async findProfile(
    tenantId: string,
    userId: string,
  ): Promise<Versioned<LearnerProfile> | undefined> {
    return this.profiles.find({ tenantId }, learnerProfileId(userId));
  }

  async saveProfile(profile: LearnerProfile): Promise<Versioned<LearnerProfile>> {
    return this.profiles.upsert(profile);
  }

  /** Every set-up profile of a tenant, for the weekly scheduler. */
  async listProfiles(tenantId: string): Promise<LearnerProfile[]> {
    const found = await this.profiles.queryAll({ tenantId }, {}, profileListLimit);
    return found.map((entry) => entry.value);
  }

  async practiceAttended(tenantId: string, userId: string): Promise<number> {
    const scope = { tenantId, partitionKey: learnerPartitionKey(tenantId, userId) };
    return (await this.stats.find(scope, 'stats'))?.value.practiceAttended ?? 0;
  }

  /** Adds one practice session to the person's count, creating the count on first use. */
  async countPracticeAttended(tenantId: string, userId: string): Promise<void> {
    const pk = learnerPartitionKey(tenantId, userId);
    const first: LearnerStats = {
      id: 'stats',
      tenantId,
      pk,
      type: 'learnerStats',
      userId,
      practiceAttended: 1,
    };
    await this.stats.incrementOrCreate(first, '/practiceAttended');
  }

  async createCompletionIfAbsent(completion: LessonCompletion): Promise<{ created: boolean }> {
    return this.completions.createIfAbsent(completion);
  }

  async findCompletion(
    tenantId: string,
    userId: string,
    lessonId: string,
  ): Promise<LessonCompletion | undefined> {
    const found = await this.completions.find(
      { tenantId, partitionKey: learnerPartitionKey(tenantId, userId) },
      lessonCompletionId(lessonId),
    );
    return found?.value;
  }
}
