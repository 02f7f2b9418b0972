import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting of the process, parsed once from the environment. Nothing else reads `process.env`:
 * the composition root calls `loadConfig()` and passes the narrow parts each component needs.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const switchFlag = z
  .enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['on', 'true', '1', 'yes'].includes(value));

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LASTMILE_DATA_DIR: z.string().trim().min(1).default('.data'),
  LASTMILE_SEED_DEMO: booleanFlag.optional(),
  LASTMILE_DEV_IDENTITY: booleanFlag.optional(),
  LASTMILE_BODY_LIMIT: z.string().trim().min(1).default('256kb'),
  LASTMILE_BULK_BODY_LIMIT: z.string().trim().min(1).default('4mb'),
  LASTMILE_SEARCH_REFRESH_SECONDS: z.coerce.number().min(0.1).max(3600).default(2),
  LASTMILE_DELIVERY_WORKER: booleanFlag.default(true),
  LASTMILE_RATE_LIMITS: switchFlag.default(true),
  LASTMILE_RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  LASTMILE_RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(240),
  LASTMILE_RATE_LIMIT_INGEST_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  LASTMILE_DELIVERY_RATE_PER_TENANT: z.coerce.number().min(0.1).max(10_000).default(30),
  LASTMILE_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  LASTMILE_DELIVERY_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(60),
  LASTMILE_DELIVERY_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(300).default(15),
  LASTMILE_SCHEDULER_INTERVAL_SECONDS: z.coerce.number().min(1).max(86_400).default(300),
  LASTMILE_RAW_EVENT_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(400),
  COSMOS_ENDPOINT: optionalString.pipe(z.url().optional()),
  COSMOS_KEY: optionalString,
  COSMOS_DATABASE: z.string().trim().min(1).default('lastmile'),
  COSMOS_ENDPOINT_DISCOVERY: booleanFlag.default(true),
  AZURE_CLIENT_ID: optionalString,
  BOT_ID: optionalString,
  BOT_PASSWORD: optionalString,
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  BOT_TENANT_ID: optionalString,
  BOT_OPENID_METADATA_URL: optionalString.pipe(z.url().optional()),
  AAD_APP_CLIENT_ID: optionalString,
  AAD_APP_ID_URI: optionalString,
  AAD_JWKS_URL: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  AAD_ISSUER_TEMPLATE: z
    .string()
    .trim()
    .default('https://login.microsoftonline.com/{tenantid}/v2.0'),
  AAD_ALLOWED_TENANTS: optionalString,
  TAB_ENDPOINT: optionalString.pipe(z.url().optional()),
  LASTMILE_GRAPH_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  LASTMILE_GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com'),
  LASTMILE_GRAPH_CLIENT_SECRET: optionalString,
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalString.refine(
    (value) => value === undefined || /(^|;)\s*InstrumentationKey=[^;\s]+/i.test(value),
    'must be an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)',
  ),
  LASTMILE_TELEMETRY_TRACES_PER_SECOND: z.coerce.number().min(0).max(10_000).default(5),
});

type Environment = z.infer<typeof environmentSchema>;

/** Every variable `loadConfig` reads: what infra/azure.bicep may set as app settings. */
export const configVariableNames: readonly string[] = Object.keys(environmentSchema.shape);

export interface CosmosSettings {
  /** Azure Cosmos DB account endpoint; absent means the embedded local server. */
  readonly endpoint: string | undefined;
  readonly key: string | undefined;
  readonly databaseId: string;
  /** Follow the account's regional endpoints (Azure); off for a single fixed endpoint. */
  readonly endpointDiscovery: boolean;
  /** Client id of a user-assigned managed identity, when the app runs with one. */
  readonly managedIdentityClientId: string | undefined;
}

export interface BotSettings {
  /** Microsoft app id of the bot; absent means unauthenticated local traffic (Agents Playground). */
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly appTenantId: string | undefined;
  /** Overrides Bot Framework's OpenID metadata URL (tests point it at a loopback server). */
  readonly openIdMetadataUrl: string | undefined;
}

export interface EntraSettings {
  /** The tab's Entra app client id; tokens must carry it (or the app id URI) as audience. */
  readonly clientId: string | undefined;
  readonly audiences: readonly string[];
  readonly jwksUrl: string;
  /** Issuer with `{tenantid}` standing for the token's `tid`. */
  readonly issuerTemplate: string;
  /** Tenants allowed to sign in; empty means any tenant. */
  readonly allowedTenants: readonly string[];
}

/** The proactive delivery queue (see docs/architecture.md, "Proactive delivery"). */
export interface DeliverySettings {
  /** Whether this instance runs a delivery worker and the lesson scheduler. */
  readonly workerEnabled: boolean;
  /** Messages per second to one tenant, shared by every instance (Teams' limit is per tenant). */
  readonly ratePerTenant: number;
  /** Teams' documented limit for one conversation. */
  readonly ratePerConversation: number;
  readonly maxAttempts: number;
  readonly leaseMs: number;
  readonly sendTimeoutMs: number;
  readonly schedulerIntervalMs: number;
}

/** Microsoft Graph with the app's own credentials: the Microsoft 365 Copilot usage report import. */
export interface GraphSettings {
  readonly authorityHost: string;
  readonly baseUrl: string;
  /** The app's client id: the tab's Entra app (`AAD_APP_CLIENT_ID`), else the bot's (`BOT_ID`). */
  readonly clientId: string | undefined;
  /** Absent means the import is not set up (it answers 503 saying so). */
  readonly clientSecret: string | undefined;
}

/**
 * Azure Monitor (Application Insights) export of traces, metrics and logs. Off without a
 * connection string, so local runs and tests send nothing.
 */
export interface TelemetrySettings {
  readonly connectionString: string | undefined;
  /** Traces kept a second, per instance (rate-limited sampling); 0 keeps every trace. */
  readonly tracesPerSecond: number;
}

/** Requests a minute: searches and writes per person, usage batches per tenant, per instance. */
export interface RateLimitSettings {
  readonly enabled: boolean;
  readonly searchPerMinute: number;
  readonly writesPerMinute: number;
  readonly ingestPerMinute: number;
}

export interface Config {
  readonly environment: 'development' | 'production' | 'test';
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly logLevel: Environment['LOG_LEVEL'];
  readonly dataDir: string;
  readonly seedDemo: boolean;
  /** Whether `x-dev-tenant` / `x-dev-user` headers name the caller. Never true in production. */
  readonly devIdentity: boolean;
  readonly bodyLimit: string;
  /** Bodies of imports and other bulk routes. */
  readonly bulkBodyLimit: string;
  /** How often a search checks whether another instance changed the library. */
  readonly searchRefreshMs: number;
  readonly tabEndpoint: string | undefined;
  readonly cosmos: CosmosSettings;
  readonly bot: BotSettings;
  readonly delivery: DeliverySettings;
  readonly rateLimits: RateLimitSettings;
  readonly entra: EntraSettings;
  readonly graph: GraphSettings;
  readonly telemetry: TelemetrySettings;
  /**
   * Days raw usage events are kept; older weeks keep only their rollups. The ingest accepts events
   * up to two years (728 days) old: those older than this are counted, then removed by the next
   * retention run (docs/architecture.md, "Data rights").
   */
  readonly rawEventRetentionDays: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function missingInProduction(env: Environment): string[] {
  const missing: string[] = [];
  if (env.COSMOS_ENDPOINT === undefined) missing.push('COSMOS_ENDPOINT');
  if (env.BOT_ID === undefined) missing.push('BOT_ID');
  if (env.BOT_TYPE !== 'UserAssignedMSI' && env.BOT_PASSWORD === undefined) {
    missing.push('BOT_PASSWORD');
  }
  if (env.BOT_TYPE !== 'MultiTenant' && env.BOT_TENANT_ID === undefined)
    missing.push('BOT_TENANT_ID');
  if (env.AAD_APP_CLIENT_ID === undefined) missing.push('AAD_APP_CLIENT_ID');
  return missing;
}

/**
 * Parses the environment into a `Config`, or throws a `ConfigError` naming every variable at fault.
 */
export function loadConfig(source: Readonly<Record<string, string | undefined>>): Config {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';

  const problems: string[] = [];
  if (production) {
    problems.push(...missingInProduction(env).map((name) => `${name} is required in production`));
    if (env.LASTMILE_DEV_IDENTITY === true) {
      problems.push('LASTMILE_DEV_IDENTITY cannot be enabled in production');
    }
  }
  if (env.BOT_TYPE === 'UserAssignedMSI' && env.BOT_PASSWORD !== undefined) {
    problems.push('BOT_PASSWORD must be empty when BOT_TYPE is UserAssignedMSI');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const audiences = [env.AAD_APP_CLIENT_ID, env.AAD_APP_ID_URI].filter(
    (value): value is string => value !== undefined,
  );

  return {
    environment: env.NODE_ENV,
    production,
    port: env.PORT,
    host: env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    logLevel: env.LOG_LEVEL,
    dataDir: path.resolve(env.LASTMILE_DATA_DIR),
    seedDemo: env.LASTMILE_SEED_DEMO ?? !production,
    devIdentity: !production && (env.LASTMILE_DEV_IDENTITY ?? true),
    bodyLimit: env.LASTMILE_BODY_LIMIT,
    bulkBodyLimit: env.LASTMILE_BULK_BODY_LIMIT,
    searchRefreshMs: Math.round(env.LASTMILE_SEARCH_REFRESH_SECONDS * 1000),
    tabEndpoint: env.TAB_ENDPOINT,
    cosmos: {
      endpoint: env.COSMOS_ENDPOINT,
      key: env.COSMOS_KEY,
      databaseId: env.COSMOS_DATABASE,
      endpointDiscovery: env.COSMOS_ENDPOINT_DISCOVERY,
      managedIdentityClientId: env.AZURE_CLIENT_ID,
    },
    delivery: {
      workerEnabled: env.LASTMILE_DELIVERY_WORKER,
      ratePerTenant: env.LASTMILE_DELIVERY_RATE_PER_TENANT,
      ratePerConversation: 7,
      maxAttempts: env.LASTMILE_DELIVERY_MAX_ATTEMPTS,
      leaseMs: Math.round(env.LASTMILE_DELIVERY_LEASE_SECONDS * 1000),
      sendTimeoutMs: Math.round(env.LASTMILE_DELIVERY_TIMEOUT_SECONDS * 1000),
      schedulerIntervalMs: Math.round(env.LASTMILE_SCHEDULER_INTERVAL_SECONDS * 1000),
    },
    rateLimits: {
      enabled: env.LASTMILE_RATE_LIMITS,
      searchPerMinute: env.LASTMILE_RATE_LIMIT_SEARCH_PER_MINUTE,
      writesPerMinute: env.LASTMILE_RATE_LIMIT_WRITES_PER_MINUTE,
      ingestPerMinute: env.LASTMILE_RATE_LIMIT_INGEST_PER_MINUTE,
    },
    bot: {
      appId: env.BOT_ID,
      appPassword: env.BOT_PASSWORD,
      appType: env.BOT_TYPE,
      appTenantId: env.BOT_TENANT_ID,
      openIdMetadataUrl: env.BOT_OPENID_METADATA_URL,
    },
    entra: {
      clientId: env.AAD_APP_CLIENT_ID,
      audiences,
      jwksUrl: env.AAD_JWKS_URL,
      issuerTemplate: env.AAD_ISSUER_TEMPLATE,
      allowedTenants: listOf(env.AAD_ALLOWED_TENANTS),
    },
    rawEventRetentionDays: env.LASTMILE_RAW_EVENT_RETENTION_DAYS,
    graph: {
      authorityHost: env.LASTMILE_GRAPH_AUTHORITY_HOST,
      baseUrl: env.LASTMILE_GRAPH_BASE_URL,
      clientId: env.AAD_APP_CLIENT_ID ?? env.BOT_ID,
      clientSecret: env.LASTMILE_GRAPH_CLIENT_SECRET,
    },
    telemetry: {
      connectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING,
      tracesPerSecond: env.LASTMILE_TELEMETRY_TRACES_PER_SECOND,
    },
  };
}

/** The process's own settings: the one place that reads `process.env`. */
export function loadConfigFromEnvironment(): Config {
  return loadConfig(process.env);
}
