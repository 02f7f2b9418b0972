import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, configVariableNames, loadConfig } from '../../src/config.js';
import { containerDefinitions } from '../../src/storage/containers.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  arrayItems,
  type BicepDeclaration,
  type BicepFile,
  callArguments,
  conditional,
  evaluate,
  isObjectLiteral,
  objectEntries,
  propertyAt,
  referencedNames,
  resourceBody,
  resourceType,
  stringLiteral,
} from './bicep-reader.js';
import {
  appSettingExpressions,
  appSettingsResource,
  onlyResourceOfType,
  readAzureTemplate,
  readParametersFile,
  resourcesOfType,
  sampleAppSettings,
  sampleDeployment,
  sampleDevEnvironment,
  sampleOutputs,
  sampleTenants,
} from './azure-samples.js';
import {
  namesKnownAtStart,
  placeholdersIn,
  placeholdersUsedBy,
  readEnvironmentFiles,
  readProjectText,
  readToolkitProject,
  unknownPlaceholders,
} from './toolkit-project.js';

const bicep = readAzureTemplate();
const parameterFile = readParametersFile();

/** App Service's own settings that the server does not read. */
const platformSettings = ['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];

function body(resource: BicepDeclaration): string {
  return resourceBody(resource).body;
}

function literal(resource: BicepDeclaration, path: readonly string[]): string | undefined {
  const value = propertyAt(body(resource), path);
  return value === undefined ? undefined : (stringLiteral(value) ?? value);
}

function value(resource: BicepDeclaration, path: readonly string[]): string {
  return evaluate(bicep, propertyAt(body(resource), path) ?? "''", sampleDeployment(bicep));
}

/** The entries of an object expression: a literal, a variable, a `union(...)`, or a conditional on a parameter. */
function objectValue(file: BicepFile, expression: string): Map<string, string> {
  const text = expression.trim();
  const entries = objectEntries(text);
  if (entries !== undefined) return entries;
  const variable = file.vars.get(text);
  if (variable?.value !== undefined) return objectValue(file, variable.value);
  const union = callArguments(text, 'union');
  if (union !== undefined) {
    return new Map(union.flatMap((argument) => [...objectValue(file, argument)]));
  }
  const choice = conditional(text);
  const comparison = /^([A-Za-z_]\w*)\s*==\s*('.*')$/.exec(choice?.condition ?? '');
  if (choice !== undefined && comparison !== null) {
    const holds =
      evaluate(file, comparison[1] ?? '', sampleDeployment(file)) ===
      stringLiteral(comparison[2] ?? '');
    return objectValue(file, holds ? choice.whenTrue : choice.whenFalse);
  }
  throw new Error(`Cannot read ${text} as an object`);
}

function site(): BicepDeclaration {
  return onlyResourceOfType(bicep, 'Microsoft.Web/sites');
}

describe('infra/azure.bicep', () => {
  it('should read as well-formed Bicep that deploys to a resource group', () => {
    expect(bicep.declarations.length).toBeGreaterThan(20);
    const scope = bicep.declarations.find((declaration) => declaration.name === 'targetScope');
    expect(scope?.value).toBe("'resourceGroup'");
    expect(bicep.declarations.filter((declaration) => declaration.keyword === 'module')).toEqual(
      [],
    );
  });

  it('should pin an API version on every resource type', () => {
    const unpinned = [...bicep.resources.values()]
      .filter(
        (resource) =>
          !/^Microsoft\.[A-Za-z]+(\/[A-Za-z]+)+@\d{4}-\d{2}-\d{2}(-preview)?$/.test(resource.type),
      )
      .map((resource) => `${resource.name} ${resource.type}`);
    expect(unpinned).toEqual([]);
  });

  it('should get only declared parameters from the parameters file, and every parameter that has no default', () => {
    const passed = Object.keys(parameterFile);
    expect(passed.filter((name) => !bicep.params.has(name))).toEqual([]);
    const withoutDefault = [...bicep.params.values()]
      .filter((param) => param.value === undefined)
      .map((param) => param.name);
    expect(withoutDefault.filter((name) => !passed.includes(name))).toEqual([]);
    for (const [name, entry] of Object.entries(parameterFile)) {
      expect(entry.value, `${name} has a value`).toBeDefined();
    }
    // arm/deploy fills the file, and every placeholder in it has a value by then.
    const project = readToolkitProject('teamsapp.yml');
    const armIndex = project.steps.findIndex((step) => step.uses === 'arm/deploy');
    const arm = project.steps[armIndex];
    const inFile = placeholdersIn(readProjectText('infra/azure.parameters.json'));
    expect(inFile.length).toBeGreaterThan(0);
    expect(arm === undefined ? [] : [...placeholdersUsedBy(arm)]).toEqual(
      expect.arrayContaining(inFile),
    );
    const known = namesKnownAtStart(readEnvironmentFiles('dev'), project);
    expect(
      unknownPlaceholders(project.steps.slice(0, armIndex + 1), known).map(
        (problem) => problem.name,
      ),
    ).toEqual([]);
  });

  it('should use every parameter and variable it declares', () => {
    const referenced = new Set(
      bicep.declarations.flatMap((declaration) => {
        const names = referencedNames(declaration.value ?? '');
        return [...names].filter((name) => name !== declaration.name);
      }),
    );
    const unused = [...bicep.params.keys(), ...bicep.vars.keys()].filter(
      (name) => !referenced.has(name),
    );
    expect(unused).toEqual([]);
  });

  it('should take secrets only as @secure() parameters fed from SECRET_ variables', () => {
    for (const param of bicep.params.values()) {
      const secure = param.decorators.includes('@secure()');
      const passed = parameterFile[param.name]?.value;
      const fromSecret = typeof passed === 'string' && /^\$\{\{SECRET_[A-Z0-9_]+\}\}$/.test(passed);
      expect(secure, `${param.name}: @secure() exactly when fed a SECRET_ variable`).toBe(
        fromSecret,
      );
      if (secure) expect(param.value, `${param.name} has no default`).toBeUndefined();
    }
    expect(
      [...bicep.params.values()].filter((param) => param.decorators.includes('@secure()')),
    ).toHaveLength(1);
  });

  it('should output, as strings, every variable that teamsapp.yml reads after arm/deploy, each declared in env/.env.dev', () => {
    const project = readToolkitProject('teamsapp.yml');
    // Without arm/deploy, what goes missing is exactly what only its outputs provide.
    const withoutArm = project.steps.map((step) =>
      step.uses === 'arm/deploy'
        ? { ...step, uses: 'script', with: {}, writeToEnvironmentFile: {} }
        : step,
    );
    const needed = new Set(
      unknownPlaceholders(withoutArm, namesKnownAtStart(readEnvironmentFiles('dev'), project)).map(
        (problem) => problem.name,
      ),
    );
    expect([...needed]).toEqual(
      expect.arrayContaining(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT']),
    );
    const outputs = new Set([...bicep.outputs.keys()].map((name) => name.toUpperCase()));
    expect([...needed].filter((name) => !outputs.has(name))).toEqual([]);

    const declared = readEnvironmentFiles('dev').values;
    expect([...outputs].filter((name) => !declared.has(name))).toEqual([]);
    for (const output of bicep.outputs.values()) expect(output.type, output.name).toBe('string');
    expect(sampleOutputs().get('TAB_ENDPOINT')).toBe(
      `https://${sampleOutputs().get('TAB_DOMAIN') ?? ''}`,
    );
  });

  it('should create the containers and partition keys the server expects, in the database it opens', () => {
    const containers = onlyResourceOfType(
      bicep,
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
    );
    const { body: containerBody, loop } = resourceBody(containers);
    expect(loop, 'the containers come from a loop').toBeDefined();
    const item = loop?.item ?? '';
    const nameField = /^([A-Za-z_]\w*)\.(\w+)$/.exec(propertyAt(containerBody, ['name']) ?? '');
    expect(nameField?.[1]).toBe(item);
    expect(propertyAt(containerBody, ['properties', 'resource', 'id'])).toBe(
      `${item}.${nameField?.[2] ?? ''}`,
    );
    const paths = arrayItems(
      propertyAt(containerBody, ['properties', 'resource', 'partitionKey', 'paths']) ?? '',
    );
    expect(paths).toHaveLength(1);
    const keyField = /^([A-Za-z_]\w*)\.(\w+)$/.exec(paths?.[0] ?? '');
    expect(keyField?.[1]).toBe(item);
    expect(
      stringLiteral(
        propertyAt(containerBody, ['properties', 'resource', 'partitionKey', 'kind']) ?? '',
      ),
    ).toBe('Hash');

    const source = bicep.vars.get(loop?.source ?? '')?.value ?? '';
    const declared = (arrayItems(source) ?? []).map((entry) => {
      const fields = objectEntries(entry);
      return [
        stringLiteral(fields?.get(nameField?.[2] ?? '') ?? ''),
        { partitionKeyPath: stringLiteral(fields?.get(keyField?.[2] ?? '') ?? '') },
      ] as const;
    });
    expect(Object.fromEntries(declared)).toEqual(containerDefinitions);
    expect(declared).toHaveLength(Object.keys(containerDefinitions).length);

    const database = onlyResourceOfType(
      bicep,
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases',
    );
    expect(propertyAt(containerBody, ['parent'])).toBe(database.name);
    expect(sampleAppSettings().get('COSMOS_DATABASE')).toBe(value(database, ['name']));
    expect(value(database, ['properties', 'resource', 'id'])).toBe(value(database, ['name']));
  });

  it('should run the server on Linux App Service with Node 20, a managed identity and the platform security defaults', () => {
    const webApp = site();
    const plan = onlyResourceOfType(bicep, 'Microsoft.Web/serverfarms');
    expect(literal(plan, ['kind'])).toBe('linux');
    expect(propertyAt(body(plan), ['properties', 'reserved'])).toBe('true');
    expect(propertyAt(body(plan), ['sku', 'capacity'])).toBe('webAppInstanceCount');
    expect(propertyAt(body(webApp), ['properties', 'serverFarmId'])).toBe(`${plan.name}.id`);
    expect(literal(webApp, ['kind'])).toBe('app,linux');
    expect(literal(webApp, ['identity', 'type'])).toBe('SystemAssigned');
    expect(propertyAt(body(webApp), ['properties', 'httpsOnly'])).toBe('true');
    expect(propertyAt(body(webApp), ['properties', 'clientAffinityEnabled'])).toBe('false');
    const siteConfig = ['properties', 'siteConfig'];
    expect(literal(webApp, [...siteConfig, 'linuxFxVersion'])).toBe('NODE|20-lts');
    expect(literal(webApp, [...siteConfig, 'minTlsVersion'])).toBe('1.2');
    expect(literal(webApp, [...siteConfig, 'scmMinTlsVersion'])).toBe('1.2');
    expect(literal(webApp, [...siteConfig, 'ftpsState'])).toBe('Disabled');
    expect(literal(webApp, [...siteConfig, 'healthCheckPath'])).toBe('/healthz');
    // The delivery worker and the lesson scheduler run in the process: it must not idle out.
    expect(propertyAt(body(webApp), [...siteConfig, 'alwaysOn'])).toBe('true');
    expect(literal(webApp, [...siteConfig, 'appCommandLine'])).toBe('node dist/src/server.js');

    const policies = resourcesOfType(
      bicep,
      'Microsoft.Web/sites/basicPublishingCredentialsPolicies',
    );
    expect(policies.map((policy) => literal(policy, ['name'])).sort()).toEqual(['ftp', 'scm']);
    for (const policy of policies) {
      expect(propertyAt(body(policy), ['parent'])).toBe(webApp.name);
      expect(propertyAt(body(policy), ['properties', 'allow'])).toBe('false');
    }
  });

  it('should reach Cosmos DB only with Entra ID: local auth off, serverless by default, data-plane role for the app', () => {
    const account = onlyResourceOfType(bicep, 'Microsoft.DocumentDB/databaseAccounts');
    expect(propertyAt(body(account), ['properties', 'disableLocalAuth'])).toBe('true');
    expect(propertyAt(body(account), ['properties', 'disableKeyBasedMetadataWriteAccess'])).toBe(
      'true',
    );
    expect(literal(account, ['properties', 'minimalTlsVersion'])).toBe('Tls12');

    const capabilities = conditional(
      propertyAt(body(account), ['properties', 'capabilities']) ?? '',
    );
    expect(capabilities?.condition).toBe('cosmosServerless');
    expect(
      (arrayItems(capabilities?.whenTrue ?? '') ?? []).map((item) =>
        objectValue(bicep, item).get('name'),
      ),
    ).toEqual(["'EnableServerless'"]);
    expect(arrayItems(capabilities?.whenFalse ?? '')).toEqual([]);
    expect(bicep.params.get('cosmosServerless')?.value).toBe('true');
    expect(parameterFile.cosmosServerless?.value ?? true).toBe(true);

    const assignment = onlyResourceOfType(
      bicep,
      'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
    );
    expect(propertyAt(body(assignment), ['parent'])).toBe(account.name);
    const accountId =
      sampleDeployment().resourceProperties.get('Microsoft.DocumentDB/databaseAccounts id') ?? '';
    expect(value(assignment, ['properties', 'roleDefinitionId'])).toBe(
      `${accountId}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002`,
    );
    expect(value(assignment, ['properties', 'scope'])).toBe(accountId);
    expect(propertyAt(body(assignment), ['properties', 'principalId'])).toBe(
      `${site().name}.identity.principalId`,
    );

    const settings = appSettingExpressions(bicep);
    expect(settings.get('COSMOS_ENDPOINT')).toBe(`${account.name}.properties.documentEndpoint`);
    expect(settings.has('COSMOS_KEY')).toBe(false);
  });

  it('should keep the bot secret in a Key Vault with RBAC that only the app identity reads', () => {
    const vault = onlyResourceOfType(bicep, 'Microsoft.KeyVault/vaults');
    expect(propertyAt(body(vault), ['properties', 'enableRbacAuthorization'])).toBe('true');
    expect(propertyAt(body(vault), ['properties', 'enablePurgeProtection'])).toBe('true');
    expect(propertyAt(body(vault), ['properties', 'accessPolicies'])).toBeUndefined();

    const assignments = resourcesOfType(bicep, 'Microsoft.Authorization/roleAssignments');
    const onVault = assignments.filter(
      (assignment) => propertyAt(body(assignment), ['scope']) === vault.name,
    );
    expect(onVault).toHaveLength(1);
    const [secretsUser] = onVault as [BicepDeclaration];
    expect(value(secretsUser, ['properties', 'roleDefinitionId'])).toBe(
      `/subscriptions/${sampleDevEnvironment().get('AZURE_SUBSCRIPTION_ID') ?? ''}/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6`,
    );
    expect(propertyAt(body(secretsUser), ['properties', 'principalId'])).toBe(
      `${site().name}.identity.principalId`,
    );
    expect(literal(secretsUser, ['properties', 'principalType'])).toBe('ServicePrincipal');
  });

  it('should hand the bot secret to the app only as a Key Vault reference', () => {
    const [secretParam] = [...bicep.params.values()].filter((param) =>
      param.decorators.includes('@secure()'),
    );
    const secretName = secretParam?.name ?? '';
    const users = bicep.declarations.filter((declaration) =>
      referencedNames(declaration.value ?? '').has(secretName),
    );
    expect(users.map((declaration) => resourceType(declaration))).toEqual([
      'Microsoft.KeyVault/vaults/secrets',
    ]);
    const [secret] = users as [BicepDeclaration];
    expect(propertyAt(body(secret), ['properties', 'value'])).toBe(secretName);
    expect(propertyAt(body(secret), ['parent'])).toBe(
      onlyResourceOfType(bicep, 'Microsoft.KeyVault/vaults').name,
    );

    expect(appSettingExpressions(bicep).get('BOT_PASSWORD')).toBe(
      `'@Microsoft.KeyVault(SecretUri=\${${secret.name}.properties.secretUri})'`,
    );
    expect(literal(site(), ['properties', 'keyVaultReferenceIdentity'])).toBe('SystemAssigned');
    const sampleSecret = sampleDevEnvironment().get('SECRET_BOT_PASSWORD') ?? '';
    expect(
      [...sampleAppSettings().values()].filter((setting) => setting.includes(sampleSecret)),
    ).toEqual([]);
    expect([...sampleOutputs().values()].filter((output) => output.includes(sampleSecret))).toEqual(
      [],
    );
  });

  it("should register the Azure Bot at https://<app host>/api/messages as the Entra tenant's single-tenant bot, with Teams on", () => {
    const bot = onlyResourceOfType(bicep, 'Microsoft.BotService/botServices');
    expect(literal(bot, ['location'])).toBe('global');
    const properties = objectValue(bicep, propertyAt(body(bot), ['properties']) ?? '');
    const samples = sampleDeployment();
    const read = (name: string): string => evaluate(bicep, properties.get(name) ?? "''", samples);
    expect(read('endpoint')).toBe(
      `https://${sampleOutputs().get('BOT_DOMAIN') ?? ''}/api/messages`,
    );
    expect(read('msaAppId')).toBe(sampleDevEnvironment().get('BOT_ID'));
    expect(read('msaAppType')).toBe('SingleTenant');
    expect(read('msaAppTenantId')).toBe(sampleTenants.entra);
    const settings = sampleAppSettings();
    expect(settings.get('BOT_ID')).toBe(read('msaAppId'));
    expect(settings.get('BOT_TYPE')).toBe(read('msaAppType'));
    expect(settings.get('BOT_TENANT_ID')).toBe(read('msaAppTenantId'));

    const channel = onlyResourceOfType(bicep, 'Microsoft.BotService/botServices/channels');
    expect(propertyAt(body(channel), ['parent'])).toBe(bot.name);
    expect(literal(channel, ['name'])).toBe('MsTeamsChannel');
    expect(literal(channel, ['properties', 'channelName'])).toBe('MsTeamsChannel');
    expect(propertyAt(body(channel), ['properties', 'properties', 'isEnabled'])).toBe('true');
  });

  it("should send the app's telemetry to workspace-based Application Insights through the connection string only", () => {
    const workspace = onlyResourceOfType(bicep, 'Microsoft.OperationalInsights/workspaces');
    const insights = onlyResourceOfType(bicep, 'Microsoft.Insights/components');
    expect(propertyAt(body(insights), ['properties', 'WorkspaceResourceId'])).toBe(
      `${workspace.name}.id`,
    );
    expect(literal(insights, ['properties', 'IngestionMode'])).toBe('LogAnalytics');
    const settings = appSettingExpressions(bicep);
    expect(settings.get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe(
      `${insights.name}.properties.ConnectionString`,
    );
    expect(
      [...settings.keys()].filter((name) => name.startsWith('ApplicationInsightsAgent_')),
    ).toEqual([]);
    const diagnostics = onlyResourceOfType(bicep, 'Microsoft.Insights/diagnosticSettings');
    expect(propertyAt(body(diagnostics), ['scope'])).toBe(site().name);
    expect(propertyAt(body(diagnostics), ['properties', 'workspaceId'])).toBe(
      `${workspace.name}.id`,
    );
  });

  it("should set only app settings the server reads, besides App Service's own", () => {
    const settings = appSettingExpressions(bicep);
    const unknown = [...settings.keys()].filter(
      (name) => !configVariableNames.includes(name) && !platformSettings.includes(name),
    );
    expect(unknown).toEqual([]);
    expect(propertyAt(body(appSettingsResource(bicep)), ['parent'])).toBe(site().name);
    expect(isObjectLiteral(propertyAt(body(site()), ['properties', 'siteConfig']) ?? '')).toBe(
      true,
    );
    expect(propertyAt(body(site()), ['properties', 'siteConfig', 'appSettings'])).toBeUndefined();
  });

  it('should start the app with its settings only once its identity can read the secret and the containers exist', () => {
    // The server checks the containers at start, and App Service resolves the Key Vault
    // reference when the settings change: both must be in place by then.
    const dependsOn = new Set(
      arrayItems(propertyAt(body(appSettingsResource(bicep)), ['dependsOn']) ?? '[]'),
    );
    const required = [
      'Microsoft.Authorization/roleAssignments',
      'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
    ].map((type) => onlyResourceOfType(bicep, type).name);
    expect(required.filter((name) => !dependsOn.has(name))).toEqual([]);
  });

  it('should give the server every setting it requires in production', () => {
    const settings = Object.fromEntries(sampleAppSettings());
    expect(settings.NODE_ENV).toBe('production');
    const config = loadConfig(settings);
    const outputs = sampleOutputs();
    expect(config.production).toBe(true);
    expect(config.devIdentity).toBe(false);
    expect(config.seedDemo).toBe(false);
    expect(config.cosmos.endpoint).toBe(outputs.get('COSMOS_ENDPOINT'));
    expect(config.cosmos.key).toBeUndefined();
    expect(config.bot).toMatchObject({
      appId: sampleDevEnvironment().get('BOT_ID'),
      appType: 'SingleTenant',
      appTenantId: sampleTenants.entra,
    });
    expect(config.bot.appPassword).toMatch(/^@Microsoft\.KeyVault\(SecretUri=https:\/\/.+\)$/);
    expect(config.entra.clientId).toBe(sampleDevEnvironment().get('AAD_APP_CLIENT_ID'));
    expect(config.entra.audiences).toContain(settings.AAD_APP_ID_URI);
    expect(config.entra.allowedTenants).toEqual([sampleTenants.entra]);
    expect(config.tabEndpoint).toBe(outputs.get('TAB_ENDPOINT'));
    expect(config.telemetry.connectionString).toMatch(/^InstrumentationKey=/);

    // The check bites: without the Cosmos endpoint the server refuses to start.
    const { COSMOS_ENDPOINT: _endpoint, ...withoutCosmos } = settings;
    expect(() => loadConfig(withoutCosmos)).toThrow(ConfigError);
  });
});

describe('the server behind infra/azure.bicep and the bot registrations', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.dispose();
  });

  it("should answer App Service's health check path with 200", async () => {
    const path = literal(site(), ['properties', 'siteConfig', 'healthCheckPath']) ?? '';
    const response = await fetch(new URL(path, app.url), { signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(200);
  });

  it('should serve the Bot Framework at the path both bot registrations name', async () => {
    const bot = onlyResourceOfType(bicep, 'Microsoft.BotService/botServices');
    const endpoint = evaluate(
      bicep,
      objectValue(bicep, propertyAt(body(bot), ['properties']) ?? '').get('endpoint') ?? "''",
      sampleDeployment(),
    );
    const azurePath = new URL(endpoint).pathname;
    const local = readToolkitProject('teamsapp.local.yml').steps.find(
      (step) => step.uses === 'botFramework/create',
    );
    const localPath = String(local?.with.messagingEndpoint).replace('${{BOT_ENDPOINT}}', '');
    expect(localPath).toBe(azurePath);

    const probe = async (path: string): Promise<number> =>
      (
        await fetch(new URL(path, app.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
          signal: AbortSignal.timeout(10_000),
        })
      ).status;
    expect(await probe(azurePath)).not.toBe(404);
    // A path the server does not serve answers 404, so the check above means something.
    expect(await probe(`${azurePath}-not-served`)).toBe(404);
  });
});
