import type { Container } from '@azure/cosmos';
import { type ApiKey, apiKeySchema } from '../contracts/adoption.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository, type Versioned } from './repository.js';
import type { RetryPolicy } from './throttle-retry.js';

/** A tenant has a handful of keys; more than this is a bug, not a workload. */
const listLimit = 1000;

/** The ingest API's keys (`program` container, partition `/tenantId`), stored with a hash only. */
export class ApiKeyRepository {
  private readonly keys: CosmosRepository<ApiKey>;

  constructor(container: Container, options: { journal?: WriteJournal; retry?: RetryPolicy }) {
    this.keys = new CosmosRepository(container, {
      name: 'program',
      type: 'apiKey',
      schema: apiKeySchema,
      partitionKeyOf: (key) => key.tenantId,
      journal: options.journal,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    });
  }

  /** A point read in the tenant's partition: what every API-key request costs at most. */
  async find(tenantId: string, id: string): Promise<Versioned<ApiKey> | undefined> {
    return this.keys.find({ tenantId }, id);
  }

  /** Creates the key; `conflict` if its id exists. */
  async create(key: ApiKey): Promise<Versioned<ApiKey>> {
    return this.keys.create(key);
  }

  async replace(key: ApiKey, etag: string): Promise<Versioned<ApiKey>> {
    return this.keys.replace(key, etag);
  }

  /** Newest first. */
  async list(tenantId: string): Promise<ApiKey[]> {
    const found = await this.keys.queryAll(
      { tenantId },
      { orderBy: 'c.createdAt DESC' },
      listLimit,
    );
    return found.map((item) => item.value);
  }
}
