import path from 'node:path';
import type { CosmosClient, Database, JSONObject, OperationInput } from '@azure/cosmos';
import type { CosmosSettings } from '../config.js';
import { createCosmosClient, ensureDatabase, type RequestMeter } from './cosmos-connection.js';
import { type ContainerName, containerDefinitions, containerNames } from './containers.js';
import { type EmbeddedCosmosServer, startEmbeddedCosmosServer } from './embedded-cosmos-server.js';
import { LocalDataFile, type StoredDocument } from './local-data-file.js';
import { ActivityRepository } from './activity-repository.js';
import { ApiKeyRepository } from './api-key-repository.js';
import { ConversationRepository } from './conversation-repository.js';
import { CurriculumRepository } from './curriculum-repository.js';
import { DeliveryRepository } from './delivery-repository.js';
import { FeedbackRepository } from './feedback-repository.js';
import { LearnerRepository } from './learner-repository.js';
import { PracticeRepository } from './practice-repository.js';
import { PeopleRepository } from './people-repository.js';
import { PromptRepository } from './prompt-repository.js';
import { PulseRepository } from './pulse-repository.js';
import { AuditRepository } from './audit-repository.js';
import { DataRightsRepository } from './data-rights-repository.js';
import { ProgramRepository } from './program-repository.js';
import type { RetryPolicy } from './throttle-retry.js';
import { WorkflowRepository } from './workflow-repository.js';

interface StorageLogger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface Storage {
  readonly mode: 'embedded' | 'azure';
  /**
   * Local mode only: the data file was left by a run that crashed, so its rollups may miss the
   * increments of a request cut in half by the crash; start-up recounts them from the raw events.
   */
  readonly recoveredAfterCrash: boolean;
  readonly people: PeopleRepository;
  readonly program: ProgramRepository;
  readonly prompts: PromptRepository;
  readonly workflows: WorkflowRepository;
  readonly activity: ActivityRepository;
  readonly curriculum: CurriculumRepository;
  readonly learners: LearnerRepository;
  readonly practice: PracticeRepository;
  readonly conversations: ConversationRepository;
  readonly deliveries: DeliveryRepository;
  readonly feedback: FeedbackRepository;
  /** Requests sent to Cosmos DB so far and their request charge (for benchmarks and metrics). */
  readonly meter: Readonly<RequestMeter>;
  readonly pulses: PulseRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly audit: AuditRepository;
  /** Erasure, offboarding and raw-event retention, across every container. */
  readonly dataRights: DataRightsRepository;
  /** Whether the store answers a cheap read now. */
  ping(): Promise<boolean>;
  /** Saves everything acknowledged so far (local mode); Azure writes are durable when acknowledged. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface StorageOptions {
  readonly dataDir: string;
  readonly logger: StorageLogger;
  readonly retry?: RetryPolicy;
  /** Where local mode talks to Cosmos DB; tests put a fault-injecting proxy in between. */
  readonly embeddedEndpointFor?: (serverEndpoint: string) => Promise<string> | string;
  /** Local mode only: `false` keeps the embedded store in memory, with no data file (benchmarks). */
  readonly persist?: boolean;
}

export const localDataFileName = 'lastmile.json';

/**
 * Opens Azure Cosmos DB when an endpoint is configured, otherwise the embedded server loaded from
 * `<dataDir>/lastmile.json`. Either way the app talks to it through `@azure/cosmos`.
 */
export async function openStorage(
  settings: CosmosSettings,
  options: StorageOptions,
): Promise<Storage> {
  let server: EmbeddedCosmosServer | undefined;
  let dataFile: LocalDataFile | undefined;
  let client: CosmosClient;
  let database: Database;
  const meter: RequestMeter = { requests: 0, requestCharge: 0 };

  if (settings.endpoint === undefined) {
    if (options.persist !== false) {
      dataFile = await LocalDataFile.open(path.join(options.dataDir, localDataFileName), {
        logger: options.logger,
      });
    }
    server = await startEmbeddedCosmosServer();
    const endpoint = (await options.embeddedEndpointFor?.(server.endpoint)) ?? server.endpoint;
    client = createCosmosClient({ kind: 'embedded', endpoint }, meter);
    database = await ensureDatabase(client, settings.databaseId, { create: true });
    if (dataFile !== undefined) await loadIntoServer(database, dataFile);
  } else {
    client = createCosmosClient(
      {
        kind: 'azure',
        endpoint: settings.endpoint,
        key: settings.key,
        managedIdentityClientId: settings.managedIdentityClientId,
        endpointDiscovery: settings.endpointDiscovery,
      },
      meter,
    );
    database = await ensureDatabase(client, settings.databaseId, {
      create: settings.key !== undefined,
    });
  }

  const repositoryOptions = {
    ...(dataFile === undefined ? {} : { journal: dataFile }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  };
  const container = (name: ContainerName) => database.container(name);

  return {
    mode: server === undefined ? 'azure' : 'embedded',
    recoveredAfterCrash: dataFile?.recoveredAfterCrash ?? false,
    meter,
    people: new PeopleRepository(container('people'), repositoryOptions),
    program: new ProgramRepository(container('program'), repositoryOptions),
    prompts: new PromptRepository(container('prompts'), repositoryOptions),
    workflows: new WorkflowRepository(container('program'), repositoryOptions),
    activity: new ActivityRepository(
      container('activity'),
      container('rollups'),
      repositoryOptions,
    ),
    curriculum: new CurriculumRepository(container('program'), repositoryOptions),
    learners: new LearnerRepository(container('people'), container('activity'), repositoryOptions),
    practice: new PracticeRepository(
      container('program'),
      container('activity'),
      repositoryOptions,
    ),
    conversations: new ConversationRepository(container('people'), repositoryOptions),
    deliveries: new DeliveryRepository(container('deliveries'), repositoryOptions),
    feedback: new FeedbackRepository(container('feedback'), repositoryOptions),
    pulses: new PulseRepository(container('activity'), repositoryOptions),
    apiKeys: new ApiKeyRepository(container('program'), repositoryOptions),
    audit: new AuditRepository(container('activity'), repositoryOptions),
    dataRights: new DataRightsRepository(container, repositoryOptions),
    async ping() {
      try {
        await database.read();
        return true;
      } catch {
        return false;
      }
    },
    async flush() {
      await dataFile?.flush();
    },
    async close() {
      await dataFile?.close();
      client.dispose();
      await server?.close();
    },
  };
}

/** Loads the data file into a fresh embedded server, in bulk batches of 100 as the server needs. */
async function loadIntoServer(database: Database, dataFile: LocalDataFile): Promise<void> {
  for (const [name, documents] of dataFile.documentsByContainer()) {
    if (!(containerNames as string[]).includes(name)) continue;
    const partitionKeyPath = containerDefinitions[name as ContainerName].partitionKeyPath;
    const container = database.container(name);
    for (let start = 0; start < documents.length; start += 100) {
      const operations: OperationInput[] = documents
        .slice(start, start + 100)
        .map((document: StoredDocument) => ({
          operationType: 'Create',
          partitionKey: String(document[partitionKeyPath.slice(1)]),
          resourceBody: document as unknown as JSONObject,
        }));
      const results = await container.items.bulk(operations);
      const failed = results.find((result) => result.statusCode !== 201);
      if (failed !== undefined) {
        throw new Error(
          `Loading the local data file into ${name} failed with status ${String(failed.statusCode)}`,
        );
      }
    }
  }
}
