import https from 'node:https';
import { CosmosClient, type Database, type PluginConfig } from '@azure/cosmos';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { cosmosStatusOf } from './cosmos-errors.js';
import { containerDefinitions, containerNames } from './containers.js';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export type CosmosTarget =
  | {
      readonly kind: 'azure';
      readonly endpoint: string;
      readonly key: string | undefined;
      readonly managedIdentityClientId: string | undefined;
      readonly endpointDiscovery: boolean;
    }
  | { readonly kind: 'embedded'; readonly endpoint: string };

/** Requests sent to Cosmos DB and the request units they cost, since the client was made. */
export interface RequestMeter {
  requests: number;
  requestCharge: number;
}

/**
 * Counts every network request and its `x-ms-request-charge`: the figures behind "a scoreboard read
 * costs O(departments × weeks)". Uses the SDK's request plugin hook, which is marked internal; if
 * it changes, only these counts are lost.
 */
function meterPlugin(meter: RequestMeter): PluginConfig {
  return {
    on: 'request',
    plugin: async (context, _diagnostics, next) => {
      const response = await next(context);
      meter.requests += 1;
      const charge = Number(response.headers['x-ms-request-charge'] ?? 0);
      if (Number.isFinite(charge)) meter.requestCharge += charge;
      return response;
    },
  };
}

/** Any base64 string is a valid key for the embedded server. */
const embeddedKey = Buffer.from('lastmile-embedded-cosmos').toString('base64');

/**
 * A client for Azure Cosmos DB (managed identity unless a key is given) or for the embedded server.
 * Throttling retries are ours (`throttle-retry.ts`), so the SDK's own are turned off.
 */
export function createCosmosClient(target: CosmosTarget, meter?: RequestMeter): CosmosClient {
  const connectionPolicy = {
    enableEndpointDiscovery: target.kind === 'azure' && target.endpointDiscovery,
    retryOptions: {
      maxRetryAttemptCount: 0,
      fixedRetryIntervalInMilliseconds: 0,
      maxWaitTimeInSeconds: 0,
    },
  };
  const plugins = meter === undefined ? {} : { plugins: [meterPlugin(meter)] };
  if (target.kind === 'embedded') {
    const host = new URL(target.endpoint).hostname;
    if (!loopbackHosts.has(host)) {
      throw new Error(`The embedded Cosmos endpoint must be on loopback, not ${host}`);
    }
    return new CosmosClient({
      endpoint: target.endpoint,
      key: embeddedKey,
      // The embedded server's certificate is self-signed and expired; relax TLS for loopback only.
      agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
      connectionPolicy,
      ...plugins,
    });
  }
  if (target.key !== undefined) {
    return new CosmosClient({
      endpoint: target.endpoint,
      key: target.key,
      connectionPolicy,
      ...plugins,
    });
  }
  const aadCredentials =
    target.managedIdentityClientId === undefined
      ? new DefaultAzureCredential()
      : new ManagedIdentityCredential({ clientId: target.managedIdentityClientId });
  return new CosmosClient({
    endpoint: target.endpoint,
    aadCredentials,
    connectionPolicy,
    ...plugins,
  });
}

/**
 * Creates the database and every container if absent, with DESIGN.md's partition keys. With managed
 * identity (Azure's data-plane roles cannot create containers) it only checks that the Bicep-provisioned
 * ones exist, naming any that are missing.
 */
export async function ensureDatabase(
  client: CosmosClient,
  databaseId: string,
  options: { readonly create: boolean },
): Promise<Database> {
  if (options.create) {
    const { database } = await client.databases.createIfNotExists({ id: databaseId });
    for (const name of containerNames) {
      await database.containers.createIfNotExists({
        id: name,
        partitionKey: { paths: [containerDefinitions[name].partitionKeyPath] },
      });
    }
    return database;
  }
  const database = client.database(databaseId);
  const missing: string[] = [];
  for (const name of containerNames) {
    const status = await database
      .container(name)
      .read()
      .then(
        (response) => response.statusCode,
        (error: unknown) => cosmosStatusOf(error),
      );
    if (status === 404) missing.push(name);
    else if (status === undefined || status >= 400) {
      throw new Error(`Cosmos DB container ${name} could not be read (status ${String(status)})`);
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `Cosmos DB database ${databaseId} lacks containers ${missing.join(', ')}; provision them with infra/azure.bicep`,
    );
  }
  return database;
}
