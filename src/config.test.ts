import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const productionSettings = {
  NODE_ENV: 'production',
  COSMOS_ENDPOINT: 'https://lastmile.documents.azure.com:443/',
  BOT_ID: '11111111-1111-4111-8111-111111111111',
  BOT_PASSWORD: 'secret',
  AAD_APP_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
};

function problemsOf(environment: Record<string, string>): readonly string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('should default to the embedded store, port 3978, dev identity and the demo seed', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.cosmos.endpoint).toBeUndefined();
    expect(config.devIdentity).toBe(true);
    expect(config.seedDemo).toBe(true);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir.endsWith('.data')).toBe(true);
  });

  it('should name every missing variable in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    for (const name of ['COSMOS_ENDPOINT', 'BOT_ID', 'BOT_PASSWORD', 'AAD_APP_CLIENT_ID']) {
      expect(problems.some((problem) => problem.startsWith(name))).toBe(true);
    }
  });

  it('should ask for the bot password when the bot uses a client secret', () => {
    const { BOT_PASSWORD: _omitted, ...rest } = productionSettings;
    expect(problemsOf(rest)).toEqual(['BOT_PASSWORD is required in production']);
    expect(problemsOf({ ...rest, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: 't' })).toEqual([]);
  });

  it('should refuse dev identity in production and turn it off by default there', () => {
    expect(problemsOf({ ...productionSettings, LASTMILE_DEV_IDENTITY: 'true' })).toEqual([
      'LASTMILE_DEV_IDENTITY cannot be enabled in production',
    ]);
    const config = loadConfig(productionSettings);
    expect(config.devIdentity).toBe(false);
    expect(config.seedDemo).toBe(false);
    expect(config.host).toBe('0.0.0.0');
  });

  it('should refuse a bot password alongside a managed identity bot', () => {
    expect(problemsOf({ BOT_TYPE: 'UserAssignedMSI', BOT_PASSWORD: 'x' })).toEqual([
      'BOT_PASSWORD must be empty when BOT_TYPE is UserAssignedMSI',
    ]);
  });

  it('should reject a malformed value naming the variable', () => {
    const problems = problemsOf({ PORT: 'eighty', COSMOS_ENDPOINT: 'not a url' });
    expect(problems.some((problem) => problem.startsWith('PORT'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('COSMOS_ENDPOINT'))).toBe(true);
  });

  it('should treat empty variables as unset', () => {
    const config = loadConfig({ COSMOS_ENDPOINT: '', BOT_ID: '  ' });
    expect(config.cosmos.endpoint).toBeUndefined();
    expect(config.bot.appId).toBeUndefined();
  });

  it('should send no telemetry without a connection string, and keep 5 traces a second by default', () => {
    const config = loadConfig({});
    expect(config.telemetry).toEqual({ connectionString: undefined, tracesPerSecond: 5 });
    const withInsights = loadConfig({
      APPLICATIONINSIGHTS_CONNECTION_STRING:
        'InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
      LASTMILE_TELEMETRY_TRACES_PER_SECOND: '0',
    });
    expect(withInsights.telemetry.connectionString).toContain('IngestionEndpoint=');
    expect(withInsights.telemetry.tracesPerSecond).toBe(0);
  });

  it('should reject a connection string without an instrumentation key and a negative trace rate', () => {
    const problems = problemsOf({
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'IngestionEndpoint=https://example.com/',
      LASTMILE_TELEMETRY_TRACES_PER_SECOND: '-1',
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^APPLICATIONINSIGHTS_CONNECTION_STRING: /);
    expect(problems[1]).toMatch(/^LASTMILE_TELEMETRY_TRACES_PER_SECOND: /);
  });

  it('should accept the app id URI as a second audience', () => {
    const config = loadConfig({ AAD_APP_CLIENT_ID: 'abc', AAD_APP_ID_URI: 'api://host/abc' });
    expect(config.entra.audiences).toEqual(['abc', 'api://host/abc']);
  });
});
