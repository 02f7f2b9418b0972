import type { Container } from '@azure/cosmos';
import type { IsoWeek } from '../contracts/activity.js';
import { type PulseAnswer, pulseAnswerSchema } from '../contracts/adoption.js';
import { weekPartitionKey } from '../domain/iso-week.js';
import { pulseAnswerId } from '../domain/pulse-question.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository } from './repository.js';
import type { RetryPolicy } from './throttle-retry.js';

/** At most one answer per person and week, so a week holds at most the tenant's headcount. */
const defaultWeekLimit = 200_000;

/**
 * Weekly pulse answers (`activity`, partition `tenantId:isoWeek`, id `pulse:<userId>`): one per
 * person and week, the last one kept.
 */
export class PulseRepository {
  private readonly answers: CosmosRepository<PulseAnswer>;
  private readonly weekLimit: number;

  constructor(
    activity: Container,
    options: { journal?: WriteJournal; retry?: RetryPolicy; weekLimit?: number },
  ) {
    this.answers = new CosmosRepository(activity, {
      name: 'activity',
      type: 'pulseAnswer',
      schema: pulseAnswerSchema,
      partitionKeyOf: (answer) => answer.pk,
      journal: options.journal,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    });
    this.weekLimit = options.weekLimit ?? defaultWeekLimit;
  }

  /** Records the answer, replacing the person's earlier answer of that week. */
  async save(answer: PulseAnswer): Promise<PulseAnswer> {
    return (await this.answers.upsert(answer)).value;
  }

  async find(tenantId: string, week: IsoWeek, userId: string): Promise<PulseAnswer | undefined> {
    const scope = { tenantId, partitionKey: weekPartitionKey(tenantId, week) };
    return (await this.answers.find(scope, pulseAnswerId(userId)))?.value;
  }

  /**
   * Every answer of the given weeks, oldest week first. Each week is its own partition, so this
   * is one single-partition query per week (Azure answers a query for the partition it names;
   * a query across partitions would need the SDK's cross-partition mode). The embedded server
   * scans the container per query; weeks are read in parallel.
   */
  async listWeeks(tenantId: string, weeks: readonly IsoWeek[]): Promise<PulseAnswer[]> {
    const distinct = [...new Set(weeks)].sort();
    const perWeek = await Promise.all(
      distinct.map((week) =>
        this.answers.queryAll(
          { tenantId, partitionKey: weekPartitionKey(tenantId, week) },
          {
            where: 'c.week = @week',
            parameters: [{ name: '@week', value: week }],
            orderBy: 'c.userId',
          },
          this.weekLimit,
        ),
      ),
    );
    return perWeek.flat().map((stored) => stored.value);
  }
}
