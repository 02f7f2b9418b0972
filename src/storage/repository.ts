import type {
  Container,
  JSONObject,
  OperationInput,
  PatchOperation,
  SqlParameter,
} from '@azure/cosmos';
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { toAppError } from './cosmos-errors.js';
import type { StoredDocument, WriteJournal } from './local-data-file.js';
import { defaultRetryPolicy, type RetryPolicy, withThrottleRetry } from './throttle-retry.js';

/** Every Lastmile document names its tenant; `pk` is set where the partition key is not `tenantId`. */
export interface TenantDocument {
  readonly id: string;
  readonly tenantId: string;
}

/** A document as read, with the ETag an edit must send back in `IfMatch`. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
  /** The store's last-modified time in seconds (`_ts`); 0 when not known. */
  readonly timestamp: number;
}

/** What became of one entry of `replaceMany`. */
export type ReplaceOutcome<T> =
  | { readonly ok: true; readonly stored: Versioned<T> }
  | {
      readonly ok: false;
      readonly kind: 'precondition-failed' | 'not-found' | 'throttled' | 'unavailable';
    };

export interface Page<T> {
  readonly items: T[];
  readonly continuationToken?: string;
}

/** Where a document lives: always a tenant, and a partition key where it is not the tenant id. */
export interface Scope {
  readonly tenantId: string;
  readonly partitionKey?: string;
}

/**
 * A query's own part: a filter over `c` that the repository ANDs after the tenant (and type) filter,
 * so no query can leave its tenant. `@tenantId` and `@type` are reserved parameter names.
 */
export interface QuerySpec {
  readonly where?: string;
  readonly parameters?: readonly SqlParameter[];
  readonly orderBy?: string;
}

export interface RepositoryOptions<T extends TenantDocument> {
  /** Container name, for journal records and error messages. */
  readonly name: string;
  readonly schema: z.ZodType<T>;
  /** The document `type` this repository owns in a shared container. */
  readonly type?: string;
  readonly partitionKeyOf: (document: T) => string;
  readonly journal?: WriteJournal | undefined;
  readonly retry?: RetryPolicy;
}

/** Our documents are plain JSON objects; the SDK's item types want an index signature. */
function asResource(document: TenantDocument): JSONObject {
  return document as unknown as JSONObject;
}

const reservedParameters = new Set(['@tenantId', '@type']);

/**
 * Typed access to one kind of document in one container: point reads and writes with ETags,
 * tenant-scoped queries paged by continuation token, throttling retries, and errors as `AppError`s.
 */
export class CosmosRepository<T extends TenantDocument> {
  private readonly retry: RetryPolicy;

  constructor(
    private readonly container: Container,
    private readonly options: RepositoryOptions<T>,
  ) {
    this.retry = options.retry ?? defaultRetryPolicy;
  }

  async find(scope: Scope, id: string): Promise<Versioned<T> | undefined> {
    const response = await this.run(`${this.label} ${id}`, () =>
      this.container.item(id, this.partitionOf(scope)).read<Record<string, unknown>>(),
    ).catch((error: unknown) => {
      if (error instanceof AppError && error.kind === 'not-found') return undefined;
      throw error;
    });
    const resource = response?.resource;
    if (resource === undefined || response?.statusCode === 404) return undefined;
    // Point reads must not cross tenants even if an id is guessed in a shared partition, nor
    // return another kind of document that shares the container and the id.
    if (resource['tenantId'] !== scope.tenantId) return undefined;
    if (this.options.type !== undefined && resource['type'] !== this.options.type) return undefined;
    return this.parse(resource);
  }

  async get(scope: Scope, id: string): Promise<Versioned<T>> {
    const found = await this.find(scope, id);
    if (found === undefined) throw new AppError('not-found', `${this.label} ${id} was not found`);
    return found;
  }

  /** Creates the document; `conflict` when its id already exists. */
  async create(document: T): Promise<Versioned<T>> {
    const checked = this.validate(document);
    const response = await this.run(`${this.label} ${checked.id}`, () =>
      this.container.items.create<Record<string, unknown>>(asResource(checked)),
    );
    return this.written(checked, response.resource);
  }

  /**
   * Creates the document unless one with its id exists: the 409 means "already there", which is how
   * idempotent writes (deterministic ids) know a replay is a no-op.
   */
  async createIfAbsent(document: T): Promise<{ created: boolean }> {
    try {
      await this.create(document);
      return { created: true };
    } catch (error) {
      if (error instanceof AppError && error.kind === 'conflict') return { created: false };
      throw error;
    }
  }

  /** Replaces the document if its ETag still matches; `precondition-failed` on a lost race. */
  async replace(document: T, etag: string): Promise<Versioned<T>> {
    const checked = this.validate(document);
    const response = await this.run(`${this.label} ${checked.id}`, () =>
      this.container
        .item(checked.id, this.options.partitionKeyOf(checked))
        .replace<Record<string, unknown>>(asResource(checked), {
          accessCondition: { type: 'IfMatch', condition: etag },
        }),
    );
    return this.written(checked, response.resource);
  }

  async upsert(document: T): Promise<Versioned<T>> {
    const checked = this.validate(document);
    const response = await this.run(`${this.label} ${checked.id}`, () =>
      this.container.items.upsert<Record<string, unknown>>(asResource(checked)),
    );
    return this.written(checked, response.resource);
  }

  /** Applies patch operations (such as `incr`), optionally only if the ETag matches. */
  async patch(
    scope: Scope,
    id: string,
    operations: PatchOperation[],
    options: { readonly etag?: string } = {},
  ): Promise<Versioned<T>> {
    const partitionKey = this.partitionOf(scope);
    const response = await this.run(`${this.label} ${id}`, () =>
      this.container
        .item(id, partitionKey)
        .patch<Record<string, unknown>>(
          operations,
          options.etag === undefined
            ? {}
            : { accessCondition: { type: 'IfMatch', condition: options.etag } },
        ),
    );
    if (response.resource === undefined) {
      throw new AppError('not-found', `${this.label} ${id} was not found`);
    }
    const versioned = this.parse(response.resource);
    this.options.journal?.recordWrite(
      this.options.name,
      partitionKey,
      response.resource as StoredDocument,
    );
    return versioned;
  }

  /**
   * Adds `by` (one by default) to a number at `path`, creating the document as `first` (which holds
   * `by` there) when it does not exist yet. Two first writers both end up counted: the loser of the
   * create adds its share to the winner's document.
   */
  async incrementOrCreate(first: T, path: string, by = 1): Promise<void> {
    const scope = { tenantId: first.tenantId, partitionKey: this.options.partitionKeyOf(first) };
    const increment: PatchOperation[] = [{ op: 'incr', path, value: by }];
    try {
      await this.patch(scope, first.id, increment);
    } catch (error) {
      if (!(error instanceof AppError && error.kind === 'not-found')) throw error;
      const { created } = await this.createIfAbsent(first);
      if (!created) await this.patch(scope, first.id, increment);
    }
  }

  async delete(scope: Scope, id: string, options: { readonly etag?: string } = {}): Promise<void> {
    const partitionKey = this.partitionOf(scope);
    await this.run(`${this.label} ${id}`, () =>
      this.container
        .item(id, partitionKey)
        .delete(
          options.etag === undefined
            ? {}
            : { accessCondition: { type: 'IfMatch', condition: options.etag } },
        ),
    );
    this.options.journal?.recordDelete(this.options.name, partitionKey, id);
  }

  /** One page of a tenant-scoped query, continued with the token of the previous page. */
  async query(
    scope: Scope,
    spec: QuerySpec,
    page: { readonly maxItemCount: number; readonly continuationToken?: string | undefined },
  ): Promise<Page<Versioned<T>>> {
    const iterator = this.container.items.query<Record<string, unknown>>(
      this.sql(scope, spec, '*'),
      {
        maxItemCount: page.maxItemCount,
        partitionKey: this.partitionOf(scope),
        ...(page.continuationToken === undefined
          ? {}
          : { continuationToken: page.continuationToken }),
      },
    );
    const response = await this.run(`${this.label} query`, () => iterator.fetchNext());
    const items = response.resources.map((resource) => this.parse(resource));
    return response.continuationToken === undefined
      ? { items }
      : { items, continuationToken: response.continuationToken };
  }

  /** Every match of a tenant-scoped query, refusing to read more than `limit` documents. */
  async queryAll(scope: Scope, spec: QuerySpec, limit: number): Promise<Versioned<T>[]> {
    const results: Versioned<T>[] = [];
    let continuationToken: string | undefined;
    do {
      // -1 lets the store size the pages: one scan on the embedded server, 4 MB pages on Azure.
      const page = await this.query(scope, spec, { maxItemCount: -1, continuationToken });
      results.push(...page.items);
      if (results.length > limit) {
        throw new AppError(
          'unavailable',
          `${this.label} query matched more than ${String(limit)} documents`,
        );
      }
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    return results;
  }

  async count(scope: Scope, spec: QuerySpec = {}): Promise<number> {
    const iterator = this.container.items.query<number>(this.sql(scope, spec, 'VALUE COUNT(1)'), {
      partitionKey: this.partitionOf(scope),
    });
    const response = await this.run(`${this.label} count`, () => iterator.fetchAll());
    return response.resources[0] ?? 0;
  }

  /**
   * Replaces many documents in bulk requests of 100, each only if its ETag still matches. Not
   * atomic: every entry gets its own outcome, in order. An entry the store throttled is reported,
   * not retried, because retrying a whole batch would replay the entries that were written.
   */
  async replaceMany(
    entries: readonly { readonly document: T; readonly etag: string }[],
  ): Promise<ReplaceOutcome<T>[]> {
    const outcomes: ReplaceOutcome<T>[] = [];
    for (let start = 0; start < entries.length; start += 100) {
      const batch = entries
        .slice(start, start + 100)
        .map((entry) => ({ document: this.validate(entry.document), etag: entry.etag }));
      const operations = batch.map(({ document, etag }) => ({
        operationType: 'Replace' as const,
        id: document.id,
        partitionKey: this.options.partitionKeyOf(document),
        resourceBody: asResource(document),
        ifMatch: etag,
      }));
      const results = await this.run(`${this.label} bulk replace`, () =>
        this.container.items.bulk(operations),
      );
      batch.forEach(({ document }, index) => {
        const result = results[index];
        const status = result?.statusCode ?? 0;
        if (status === 200 && result !== undefined) {
          const resource = (result.resourceBody ?? undefined) as
            Record<string, unknown> | undefined;
          const written = this.written(document, resource);
          const etag = written.etag === '' ? (result.eTag ?? '') : written.etag;
          outcomes.push({ ok: true, stored: { ...written, etag } });
        } else if (status === 412) {
          outcomes.push({ ok: false, kind: 'precondition-failed' });
        } else if (status === 404) {
          outcomes.push({ ok: false, kind: 'not-found' });
        } else if (status === 429) {
          outcomes.push({ ok: false, kind: 'throttled' });
        } else {
          outcomes.push({ ok: false, kind: 'unavailable' });
        }
      });
    }
    return outcomes;
  }

  /**
   * Creates many documents in bulk (batches of 100, as the embedded server needs), skipping ids that
   * exist already. Not atomic: each document is created or not on its own.
   */
  async createMany(documents: readonly T[]): Promise<{ created: number; existing: number }> {
    let created = 0;
    let existing = 0;
    for (let start = 0; start < documents.length; start += 100) {
      const batch = documents.slice(start, start + 100).map((document) => this.validate(document));
      const operations: OperationInput[] = batch.map((document) => ({
        operationType: 'Create',
        partitionKey: this.options.partitionKeyOf(document),
        resourceBody: asResource(document),
      }));
      const results = await this.run(`${this.label} bulk create`, async () => {
        const responses = await this.container.items.bulk(operations);
        const throttled = responses.find((response) => response.statusCode === 429);
        if (throttled !== undefined) throw Object.assign(new Error('throttled'), { code: 429 });
        return responses;
      });
      results.forEach((result, index) => {
        const document = batch[index];
        if (document === undefined) return;
        if (result.statusCode === 201) {
          created += 1;
          this.options.journal?.recordWrite(
            this.options.name,
            this.options.partitionKeyOf(document),
            (result.resourceBody ?? document) as StoredDocument,
          );
        } else if (result.statusCode === 409) {
          existing += 1;
        } else {
          throw toAppError(
            Object.assign(new Error('bulk create failed'), { code: result.statusCode }),
            `${this.label} ${document.id}`,
          );
        }
      });
    }
    return { created, existing };
  }

  /**
   * Creates each document unless its id exists, in bulk requests of 100, and says for each whether
   * this call created it. Entries the store throttled are retried on their own, never the batch,
   * so an entry written by an earlier attempt is not mistaken for a replay.
   */
  async createEach(documents: readonly T[]): Promise<boolean[]> {
    const created = new Array<boolean>(documents.length).fill(false);
    for (let start = 0; start < documents.length; start += 100) {
      let pending = documents
        .slice(start, start + 100)
        .map((document, offset) => ({ index: start + offset, document: this.validate(document) }));
      for (let attempt = 1; pending.length > 0; attempt += 1) {
        const results = await this.run(`${this.label} bulk create`, () =>
          this.container.items.bulk(
            pending.map(({ document }) => ({
              operationType: 'Create' as const,
              partitionKey: this.options.partitionKeyOf(document),
              resourceBody: asResource(document),
            })),
          ),
        );
        const throttled: typeof pending = [];
        const existing: T[] = [];
        pending.forEach((entry, position) => {
          const result = results[position];
          const status = result?.statusCode ?? 0;
          if (status === 201) {
            created[entry.index] = true;
            this.options.journal?.recordWrite(
              this.options.name,
              this.options.partitionKeyOf(entry.document),
              (result?.resourceBody ?? entry.document) as StoredDocument,
            );
          } else if (status === 429) {
            throttled.push(entry);
          } else if (status === 409) {
            existing.push(entry.document);
          } else {
            throw toAppError(
              Object.assign(new Error('bulk create failed'), { code: status }),
              `${this.label} ${entry.document.id}`,
            );
          }
        });
        await this.journalExisting(existing);
        if (throttled.length > 0 && attempt >= this.retry.maxAttempts) {
          throw toAppError(
            Object.assign(new Error('throttled'), { code: 429 }),
            `${this.label} bulk create`,
          );
        }
        if (throttled.length > 0) {
          const backoff = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** attempt);
          await this.retry.sleep(Math.round(this.retry.random() * backoff));
        }
        pending = throttled;
      }
    }
    return created;
  }

  /**
   * The journal mirrors the writes it saw succeed, but a create whose answer was lost (a dropped
   * connection) happened all the same, and its replay is told "already there": read what the store
   * holds and mirror it, so local mode's data file keeps every document a caller was told exists.
   */
  private async journalExisting(documents: readonly T[]): Promise<void> {
    const journal = this.options.journal;
    if (journal === undefined || documents.length === 0) return;
    const results = await this.run(`${this.label} bulk read`, () =>
      this.container.items.bulk(
        documents.map((document) => ({
          operationType: 'Read' as const,
          id: document.id,
          partitionKey: this.options.partitionKeyOf(document),
        })),
      ),
    );
    documents.forEach((document, index) => {
      const result = results[index];
      if (result?.statusCode === 404) return;
      if (result?.statusCode !== 200 || result.resourceBody === undefined) {
        throw toAppError(
          Object.assign(new Error('bulk read failed'), { code: result?.statusCode ?? 0 }),
          `${this.label} ${document.id}`,
        );
      }
      journal.recordWrite(
        this.options.name,
        this.options.partitionKeyOf(document),
        result.resourceBody as StoredDocument,
      );
    });
  }

  private get label(): string {
    return this.options.type ?? this.options.name;
  }

  private partitionOf(scope: Scope): string {
    return scope.partitionKey ?? scope.tenantId;
  }

  private sql(
    scope: Scope,
    spec: QuerySpec,
    select: string,
  ): { query: string; parameters: SqlParameter[] } {
    const parameters: SqlParameter[] = [{ name: '@tenantId', value: scope.tenantId }];
    const filters = ['c.tenantId = @tenantId'];
    if (this.options.type !== undefined) {
      parameters.push({ name: '@type', value: this.options.type });
      filters.push('c.type = @type');
    }
    // The embedded server ignores the partitionKey option, so a partitioned query filters on pk too.
    if (scope.partitionKey !== undefined && scope.partitionKey !== scope.tenantId) {
      parameters.push({ name: '@pk', value: scope.partitionKey });
      filters.push('c.pk = @pk');
    }
    for (const parameter of spec.parameters ?? []) {
      if (reservedParameters.has(parameter.name) || parameter.name === '@pk') {
        throw new Error(`Query parameter ${parameter.name} is reserved`);
      }
      parameters.push(parameter);
    }
    if (spec.where !== undefined) filters.push(`(${spec.where})`);
    const orderBy = spec.orderBy === undefined ? '' : ` ORDER BY ${spec.orderBy}`;
    return {
      query: `SELECT ${select} FROM c WHERE ${filters.join(' AND ')}${orderBy}`,
      parameters,
    };
  }

  private validate(document: T): T {
    const parsed = this.options.schema.safeParse(document);
    if (!parsed.success) {
      throw new AppError('invalid', `${this.label} is not valid`, {
        fieldErrors: parsed.error.issues.map((issue) => ({
          field: issue.path.join('.'),
          message: issue.message,
        })),
      });
    }
    return parsed.data;
  }

  private parse(resource: Record<string, unknown>): Versioned<T> {
    const etag = resource['_etag'];
    const parsed = this.options.schema.safeParse(resource);
    if (!parsed.success) {
      throw new AppError('unavailable', `A stored ${this.label} does not match its schema`, {
        cause: parsed.error,
      });
    }
    const timestamp = resource['_ts'];
    return {
      value: parsed.data,
      etag: typeof etag === 'string' ? etag : '',
      timestamp: typeof timestamp === 'number' ? timestamp : 0,
    };
  }

  private written(document: T, resource: Record<string, unknown> | undefined): Versioned<T> {
    const stored = resource ?? document;
    this.options.journal?.recordWrite(
      this.options.name,
      this.options.partitionKeyOf(document),
      stored as StoredDocument,
    );
    const etag = resource?.['_etag'];
    const timestamp = resource?.['_ts'];
    return {
      value: document,
      etag: typeof etag === 'string' ? etag : '',
      timestamp: typeof timestamp === 'number' ? timestamp : 0,
    };
  }

  private async run<R>(what: string, operation: () => Promise<R>): Promise<R> {
    try {
      return await withThrottleRetry(operation, this.retry);
    } catch (error) {
      throw toAppError(error, what);
    }
  }
}
