/**
 * infra/azure.bicep as `teamsapp provision --env dev` would deploy it, with sample values for what
 * only the toolkit and Azure know: the ids the toolkit writes before arm/deploy, and the runtime
 * properties of the resources. The Azure subscription's tenant and the Microsoft 365 tenant that
 * holds the Entra apps differ on purpose, as they may in real life.
 */
import {
  type BicepDeclaration,
  type BicepFile,
  evaluate,
  objectEntries,
  propertyAt,
  readBicep,
  resourceBody,
  resourceType,
  type SampleValues,
  stringLiteral,
} from './bicep-reader.js';
import { fillPlaceholders, readEnvironmentFiles, readProjectText } from './toolkit-project.js';

export const bicepPath = 'infra/azure.bicep';
export const parametersPath = 'infra/azure.parameters.json';

export const sampleTenants = {
  /** Where aadApp/create and botAadApp/create made the Entra apps (AAD_APP_TENANT_ID). */
  entra: '3650a0e1-0000-4000-8000-000000000365',
  /** The Azure subscription's tenant: `tenant().tenantId`. */
  azure: 'a2e0a0e1-0000-4000-8000-00000000a2e0',
} as const;

/** The environment when arm/deploy runs in env dev: env/.env.dev plus what earlier steps wrote. */
export function sampleDevEnvironment(): Map<string, string> {
  const values = new Map(
    [...readEnvironmentFiles('dev').values].filter(([, value]) => value !== ''),
  );
  const written: Record<string, string> = {
    RESOURCE_SUFFIX: '1a2b3c',
    AZURE_SUBSCRIPTION_ID: '5b0c0e1a-0000-4000-8000-00000000005b',
    AZURE_RESOURCE_GROUP_NAME: 'rg-lastmile-dev',
    TEAMS_APP_ID: '7ea05a00-0000-4000-8000-0000000000a1',
    TEAMS_APP_TENANT_ID: sampleTenants.entra,
    AAD_APP_CLIENT_ID: 'aad0c1e0-0000-4000-8000-0000000000c1',
    AAD_APP_OBJECT_ID: 'aad0b1e0-0000-4000-8000-0000000000c2',
    AAD_APP_TENANT_ID: sampleTenants.entra,
    BOT_ID: 'b0710000-0000-4000-8000-0000000000b1',
    SECRET_BOT_PASSWORD: 'sample~bot~client~secret',
  };
  for (const [name, value] of Object.entries(written)) values.set(name, value);
  return values;
}

export function readAzureTemplate(): BicepFile {
  return readBicep(readProjectText(bicepPath));
}

/** The parameters file's `parameters` object, raw (placeholders unfilled). */
export function readParametersFile(): Record<string, { readonly value?: unknown }> {
  const document = JSON.parse(readProjectText(parametersPath)) as {
    parameters?: Record<string, { readonly value?: unknown }>;
  };
  return document.parameters ?? {};
}

export function resourcesOfType(file: BicepFile, type: string): BicepDeclaration[] {
  return [...file.resources.values()].filter((resource) => resourceType(resource) === type);
}

export function onlyResourceOfType(file: BicepFile, type: string): BicepDeclaration {
  const found = resourcesOfType(file, type);
  if (found.length !== 1) throw new Error(`Expected one ${type} resource, found ${found.length}`);
  return found[0] as BicepDeclaration;
}

/** Sample values for evaluating expressions of infra/azure.bicep in env dev. */
export function sampleDeployment(file: BicepFile = readAzureTemplate()): SampleValues {
  const filled = JSON.parse(
    fillPlaceholders(readProjectText(parametersPath), sampleDevEnvironment()),
  ) as {
    parameters: Record<string, { value: unknown }>;
  };
  const parameters = new Map(
    Object.entries(filled.parameters).map(([name, { value }]) => [name, String(value)]),
  );
  const base: SampleValues = {
    parameters,
    resourceProperties: new Map(),
    expressions: new Map([
      ['tenant().tenantId', sampleTenants.azure],
      ['subscription().subscriptionId', sampleDevEnvironment().get('AZURE_SUBSCRIPTION_ID') ?? ''],
      ['resourceGroup().location', 'westeurope'],
    ]),
  };
  const name = (type: string): string =>
    evaluate(file, `${onlyResourceOfType(file, type).name}.name`, base);
  const site = name('Microsoft.Web/sites');
  const vault = name('Microsoft.KeyVault/vaults');
  const secret = name('Microsoft.KeyVault/vaults/secrets');
  const account = name('Microsoft.DocumentDB/databaseAccounts');
  const group = `/subscriptions/${sampleDevEnvironment().get('AZURE_SUBSCRIPTION_ID') ?? ''}/resourceGroups/rg-lastmile-dev`;
  return {
    ...base,
    resourceProperties: new Map([
      ['Microsoft.Web/sites properties.defaultHostName', `${site}.azurewebsites.net`],
      ['Microsoft.Web/sites id', `${group}/providers/Microsoft.Web/sites/${site}`],
      [
        'Microsoft.DocumentDB/databaseAccounts id',
        `${group}/providers/Microsoft.DocumentDB/databaseAccounts/${account}`,
      ],
      [
        'Microsoft.DocumentDB/databaseAccounts properties.documentEndpoint',
        `https://${account}.documents.azure.com:443/`,
      ],
      [
        'Microsoft.Insights/components properties.ConnectionString',
        'InstrumentationKey=0a1b2c3d-0000-4000-8000-0000000000a1;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
      ],
      [
        'Microsoft.KeyVault/vaults/secrets properties.secretUri',
        `https://${vault}.vault.azure.net/secrets/${secret}`,
      ],
    ]),
  };
}

/** The `Microsoft.Web/sites/config` resource named `appsettings`: the web app's environment. */
export function appSettingsResource(file: BicepFile): BicepDeclaration {
  const candidates = resourcesOfType(file, 'Microsoft.Web/sites/config').filter(
    (resource) =>
      stringLiteral(propertyAt(resourceBody(resource).body, ['name']) ?? '') === 'appsettings',
  );
  if (candidates.length !== 1)
    throw new Error(`Expected one appsettings resource, found ${candidates.length}`);
  return candidates[0] as BicepDeclaration;
}

/** Each app setting's Bicep expression. */
export function appSettingExpressions(file: BicepFile): Map<string, string> {
  const properties = propertyAt(resourceBody(appSettingsResource(file)).body, ['properties']) ?? '';
  const entries = objectEntries(properties);
  if (entries === undefined) throw new Error('The app settings are not an object literal');
  return entries;
}

/** Each app setting as the web app would see it in env dev. */
export function sampleAppSettings(file: BicepFile = readAzureTemplate()): Map<string, string> {
  const samples = sampleDeployment(file);
  return new Map(
    [...appSettingExpressions(file)].map(([name, expression]) => [
      name,
      evaluate(file, expression, samples),
    ]),
  );
}

/** Each output as arm/deploy writes it to env/.env.dev (names upper-cased). */
export function sampleOutputs(file: BicepFile = readAzureTemplate()): Map<string, string> {
  const samples = sampleDeployment(file);
  return new Map(
    [...file.outputs.values()].map((output) => [
      output.name.toUpperCase(),
      evaluate(file, output.value ?? '', samples),
    ]),
  );
}
