import type {
  Container,
  JSONObject,
  OperationInput,
  OperationResponse,
  SqlParameter,
  SqlQuerySpec,
} from '@azure/cosmos';
import { unassignedDepartmentId } from '../contracts/activity.js';
import type { IsoWeek } from '../contracts/activity.js';
import {
  type ErasedActive,
  erasedActiveSchema,
  type RetentionWatermark,
  retentionWatermarkSchema,
} from '../contracts/data-rights.js';
import { AppError } from '../domain/errors.js';
import {
  type ErasurePlan,
  type ErasureSubject,
  type LocatedDocument,
  personIdFields,
  type StoredJson,
} from '../domain/person-erasure.js';
import { type ContainerName, containerDefinitions, containerNames } from './containers.js';
import { toAppError } from './cosmos-errors.js';
import type { StoredDocument, WriteJournal } from './local-data-file.js';
import { CosmosRepository } from './repository.js';
import { defaultRetryPolicy, type RetryPolicy, withThrottleRetry } from './throttle-retry.js';
import { maxBatchOperations, runTransactionalBatch } from './transactional-batch.js';

/** What an erasure pass did, by the documents it touched (as they were found). */
export interface ErasureOutcome {
  readonly deleted: readonly StoredJson[];
  readonly scrubbed: readonly StoredJson[];
  /** Documents changed by someone else between the search and the write: the next pass sees them. */
  readonly conflicts: number;
}

/** One person's records in one container: more than this is refused rather than half read. */
const maxReferences = 500_000;
/** Documents read and deleted per round when a tenant or its old events are removed. */
const deletionRound = 1_000;
const maxRounds = 100_000;
const systemProperties = new Set(['_rid', '_self', '_etag', '_attachments', '_ts']);

function retentionPartitionKey(tenantId: string): string {
  return `${tenantId}:retention`;
}

function partitionKeyIn(container: ContainerName, document: StoredJson): string {
  const value = document[containerDefinitions[container].partitionKeyPath.slice(1)];
  return typeof value === 'string' ? value : '';
}

function withoutSystemProperties(document: StoredJson): JSONObject {
  return Object.fromEntries(
    Object.entries(document).filter(([key]) => !systemProperties.has(key)),
  ) as JSONObject;
}

/**
 * The reads and writes of data rights, across every container: a person's records found by the
 * fields that name people, a tenant's documents removed whole, and old raw usage events removed by
 * week. Every query filters on the tenant; every write is mirrored to the local data file, so local
 * mode does not bring erased data back at its next start.
 */
export class DataRightsRepository {
  private readonly retry: RetryPolicy;
  private readonly journal: WriteJournal | undefined;
  private readonly watermarks: CosmosRepository<RetentionWatermark>;
  private readonly erasedActive: CosmosRepository<ErasedActive>;

  constructor(
    private readonly container: (name: ContainerName) => Container,
    options: { journal?: WriteJournal; retry?: RetryPolicy },
  ) {
    this.retry = options.retry ?? defaultRetryPolicy;
    this.journal = options.journal;
    const common = {
      name: 'rollups',
      journal: options.journal,
      retry: this.retry,
      partitionKeyOf: (document: { pk: string }) => document.pk,
    };
    this.watermarks = new CosmosRepository(container('rollups'), {
      ...common,
      type: 'retentionWatermark',
      schema: retentionWatermarkSchema,
    });
    this.erasedActive = new CosmosRepository(container('rollups'), {
      ...common,
      type: 'erasedActive',
      schema: erasedActiveSchema,
    });
  }

  /**
   * Every document of the subject's tenant that may name them, in every container: by the id
   * fields people are kept in, the roster's `managerUpn`, a flag's `outputAuthor`, and every
   * department roster (whose `leads` list people).
   */
  async findReferences(subject: ErasureSubject): Promise<LocatedDocument[]> {
    const parameters: SqlParameter[] = [
      { name: '@tenantId', value: subject.tenantId },
      { name: '@userId', value: subject.userId },
    ];
    const matches = [
      "(c.type = 'person' AND c.id = @userId)",
      "c.type = 'departmentRoster'",
      ...personIdFields.map((field) => `c.${field} = @userId`),
    ];
    if (subject.upn !== undefined) {
      parameters.push({ name: '@upn', value: subject.upn.toLowerCase() });
      matches.push('c.managerUpn = @upn');
    }
    if (subject.displayName !== undefined) {
      parameters.push({ name: '@name', value: subject.displayName.trim().toLowerCase() });
      matches.push('LOWER(c.outputAuthor) = @name');
    }
    const query = {
      query: `SELECT * FROM c WHERE c.tenantId = @tenantId AND (${matches.join(' OR ')})`,
      parameters,
    };
    const found: LocatedDocument[] = [];
    for (const name of containerNames) {
      for (const document of await this.queryAll(name, query, maxReferences)) {
        found.push({ container: name, partitionKey: partitionKeyIn(name, document), document });
      }
    }
    return found;
  }

  /**
   * Carries out one pass of an erasure plan: rewrites (only if unchanged since read), deletes,
   * the weekly markers with their erased-active counts, and the roster entry last.
   */
  async applyErasure(subject: ErasureSubject, plan: ErasurePlan): Promise<ErasureOutcome> {
    const scrubbed: StoredJson[] = [];
    const deleted: StoredJson[] = [];
    let conflicts = 0;

    const rewrites = plan.scrubs.map(({ target, document }) => ({
      target,
      document,
      operation: {
        operationType: 'Replace',
        id: String(target.document['id']),
        partitionKey: target.partitionKey,
        resourceBody: withoutSystemProperties(document),
        ...(typeof target.document['_etag'] === 'string'
          ? { ifMatch: target.document['_etag'] }
          : {}),
      } satisfies OperationInput,
    }));
    for (const { target, document, result } of await this.runEach(rewrites)) {
      if (result.statusCode === 200) {
        scrubbed.push(target.document);
        const written = (result.resourceBody ??
          withoutSystemProperties(document)) as StoredDocument;
        this.journal?.recordWrite(target.container, target.partitionKey, written);
      } else if (result.statusCode === 412 || result.statusCode === 404) {
        conflicts += 1;
      } else {
        throw this.failure(result, target);
      }
    }

    deleted.push(...(await this.deleteAll(plan.deletes)));
    for (const marker of plan.markers) {
      if (await this.eraseMarker(subject, marker)) deleted.push(marker.document);
    }
    if (plan.person !== undefined) deleted.push(...(await this.deleteAll([plan.person])));
    return { deleted, scrubbed, conflicts };
  }

  /**
   * Deletes every document of a tenant in every container, a round at a time (a query for the
   * next ids, then bulk deletes), and says how many each container held.
   */
  async deleteTenant(tenantId: string): Promise<Record<ContainerName, number>> {
    const counts = {} as Record<ContainerName, number>;
    for (const name of containerNames) {
      counts[name] = await this.deleteWhere(name, {
        query: 'SELECT TOP @round c.id, c.pk, c.tenantId FROM c WHERE c.tenantId = @tenantId',
        parameters: [
          { name: '@round', value: deletionRound },
          { name: '@tenantId', value: tenantId },
        ],
      });
    }
    return counts;
  }

  /** Removes a tenant's raw usage events of the weeks before `before`; says how many. */
  async purgeRawEvents(tenantId: string, before: IsoWeek): Promise<number> {
    return this.deleteWhere('activity', {
      query:
        'SELECT TOP @round c.id, c.pk, c.tenantId FROM c WHERE c.tenantId = @tenantId AND ' +
        "c.type = 'usageEvent' AND c.week < @before",
      parameters: [
        { name: '@round', value: deletionRound },
        { name: '@tenantId', value: tenantId },
        { name: '@before', value: before },
      ],
    });
  }

  /** The week before which retention has removed the tenant's raw events, if it has. */
  async retentionWatermark(tenantId: string): Promise<IsoWeek | undefined> {
    const scope = { tenantId, partitionKey: retentionPartitionKey(tenantId) };
    return (await this.watermarks.find(scope, 'retention'))?.value.purgedBefore;
  }

  /** Moves the watermark forward to `week` (never back), whoever else moves it meanwhile. */
  async raiseRetentionWatermark(tenantId: string, week: IsoWeek, at: Date): Promise<void> {
    const scope = { tenantId, partitionKey: retentionPartitionKey(tenantId) };
    const next: RetentionWatermark = {
      id: 'retention',
      tenantId,
      pk: scope.partitionKey,
      type: 'retentionWatermark',
      purgedBefore: week,
      updatedAt: at.toISOString(),
    };
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const current = await this.watermarks.find(scope, 'retention');
      if (current !== undefined && current.value.purgedBefore >= week) return;
      try {
        if (current === undefined) await this.watermarks.create(next);
        else await this.watermarks.replace(next, current.etag);
        return;
      } catch (error) {
        const lostRace =
          error instanceof AppError &&
          (error.kind === 'conflict' || error.kind === 'precondition-failed');
        if (!lostRace) throw error;
      }
    }
    throw new AppError('conflict', 'The retention watermark kept changing; try again');
  }

  /** Erased people counted active in a tenant's week, by department. */
  async listErasedActive(tenantId: string, partitionKey: string): Promise<ErasedActive[]> {
    return (await this.erasedActive.queryAll({ tenantId, partitionKey }, {}, 10_000)).map(
      (entry) => entry.value,
    );
  }

  /**
   * Deletes a weekly marker and, if it counted, adds one to its department's erased-active count,
   * in one transactional batch: the count is kept exactly once however often this is retried.
   * False when the marker was gone already.
   */
  private async eraseMarker(subject: ErasureSubject, marker: LocatedDocument): Promise<boolean> {
    const rollups = this.container('rollups');
    const { document, partitionKey } = marker;
    const counted = document['eligible'] !== false;
    const departmentId =
      typeof document['departmentId'] === 'string'
        ? document['departmentId']
        : unassignedDepartmentId;
    const id = `erased:${departmentId}`;
    // The batch names the partition once; operations of a batch carry none of their own.
    const remove: OperationInput = { operationType: 'Delete', id: String(document['id']) };
    let createCount = false;
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const count: OperationInput = createCount
        ? {
            operationType: 'Create',
            resourceBody: erasedActiveSchema.parse({
              id,
              tenantId: subject.tenantId,
              pk: partitionKey,
              type: 'erasedActive',
              week: document['week'],
              departmentId,
              active: 1,
            }) as unknown as JSONObject,
          }
        : {
            operationType: 'Patch',
            id,
            resourceBody: { operations: [{ op: 'incr', path: '/active', value: 1 }] },
          };
      const operations = counted ? [remove, count] : [remove];
      const outcome = await runTransactionalBatch(
        rollups,
        partitionKey,
        operations,
        'rollups erasure',
        this.retry,
      );
      if (outcome.ok) {
        this.journal?.recordDelete('rollups', partitionKey, String(document['id']));
        const written = outcome.results[1]?.resourceBody;
        if (written !== undefined) {
          this.journal?.recordWrite('rollups', partitionKey, written as StoredDocument);
        }
        return true;
      }
      if (outcome.failedIndex === 0 && outcome.statusCode === 404) return false;
      if (outcome.failedIndex === 1 && outcome.statusCode === 404) createCount = true;
      else if (outcome.failedIndex === 1 && outcome.statusCode === 409) createCount = false;
      else throw toAppError({ code: outcome.statusCode }, 'rollups erasure');
    }
    throw new AppError('conflict', 'The erased-active counts kept changing; try again');
  }

  /** Deletes the documents (gone already counts as done); returns those this call deleted. */
  private async deleteAll(targets: readonly LocatedDocument[]): Promise<StoredJson[]> {
    const deleted: StoredJson[] = [];
    const entries = targets.map((target) => ({
      target,
      operation: {
        operationType: 'Delete',
        id: String(target.document['id']),
        partitionKey: target.partitionKey,
      } satisfies OperationInput,
    }));
    for (const { target, result } of await this.runEach(entries)) {
      if (result.statusCode === 204 || result.statusCode === 200) {
        deleted.push(target.document);
        this.journal?.recordDelete(
          target.container,
          target.partitionKey,
          String(target.document['id']),
        );
      } else if (result.statusCode !== 404) {
        throw this.failure(result, target);
      }
    }
    return deleted;
  }

  /** Reads a round of matches and deletes them, until none is left; returns how many went. */
  private async deleteWhere(name: ContainerName, query: SqlQuerySpec): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round += 1) {
      const page = await this.queryAll(name, query, deletionRound);
      if (page.length === 0) return total;
      const deleted = await this.deleteAll(
        page.map((document) => ({
          container: name,
          partitionKey: partitionKeyIn(name, document),
          document,
        })),
      );
      total += deleted.length;
      // Found but already gone: someone else is deleting the same documents, and got there first.
      if (deleted.length === 0) return total;
    }
    throw new AppError('unavailable', `Deleting from ${name} did not finish; run it again`);
  }

  /**
   * Runs bulk operations in requests of 100 and gives each entry its result. Entries the store
   * throttled are retried on their own after a backoff, never the whole request, so nothing that
   * was done is done twice.
   */
  private async runEach<T extends { readonly target: LocatedDocument }>(
    entries: readonly (T & { readonly operation: OperationInput })[],
  ): Promise<(T & { readonly result: OperationResponse })[]> {
    const done: (T & { readonly result: OperationResponse })[] = [];
    const byContainer = new Map<string, (T & { readonly operation: OperationInput })[]>();
    for (const entry of entries) {
      const list = byContainer.get(entry.target.container) ?? [];
      list.push(entry);
      byContainer.set(entry.target.container, list);
    }
    for (const [name, list] of byContainer) {
      const container = this.container(name as ContainerName);
      for (let start = 0; start < list.length; start += maxBatchOperations) {
        let pending = list.slice(start, start + maxBatchOperations);
        for (let attempt = 1; pending.length > 0; attempt += 1) {
          const batch = pending;
          const results = await withThrottleRetry(
            () => container.items.bulk(batch.map((entry) => entry.operation)),
            this.retry,
          ).catch((error: unknown) => {
            throw toAppError(error, `${name} bulk`);
          });
          const throttled: typeof pending = [];
          batch.forEach((entry, index) => {
            const result = results[index] ?? { statusCode: 0, requestCharge: 0 };
            if (result.statusCode === 429) throttled.push(entry);
            else done.push({ ...entry, result });
          });
          if (throttled.length > 0 && attempt >= this.retry.maxAttempts) {
            throw new AppError('throttled', 'The store is busy; try again shortly', {
              retryAfterSeconds: 1,
            });
          }
          if (throttled.length > 0) {
            const backoff = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** attempt);
            await this.retry.sleep(Math.round(this.retry.random() * backoff));
          }
          pending = throttled;
        }
      }
    }
    return done;
  }

  /** Every page of a query over one container, refusing more than `limit` documents. */
  private async queryAll(
    name: ContainerName,
    query: SqlQuerySpec,
    limit: number,
  ): Promise<StoredJson[]> {
    const iterator = this.container(name).items.query<Record<string, unknown>>(query, {
      maxItemCount: Math.min(limit, 5_000),
    });
    const found: StoredJson[] = [];
    while (iterator.hasMoreResults()) {
      const page = await withThrottleRetry(() => iterator.fetchNext(), this.retry).catch(
        (error: unknown) => {
          throw toAppError(error, `${name} query`);
        },
      );
      found.push(...page.resources);
      if (found.length > limit) {
        throw new AppError('unavailable', `The ${name} query matched more than ${String(limit)}`);
      }
    }
    return found;
  }

  private failure(result: OperationResponse, target: LocatedDocument): AppError {
    return toAppError(
      Object.assign(new Error('bulk operation failed'), { code: result.statusCode }),
      `${target.container} ${String(target.document['id'])}`,
    );
  }
}
