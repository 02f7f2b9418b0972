import AjvModule from 'ajv';
import ajvFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { configVariableNames, loadConfig } from '../../src/config.js';
import { readBicep, resourceBody, resourceType } from './bicep-reader.js';
import {
  armTemplates,
  fillPlaceholders,
  projectFileExists,
  readEnvironmentFiles,
  readProjectText,
  readToolkitProject,
  stepsUsing,
  type ToolkitProjectFile,
  type ToolkitStep,
} from './toolkit-project.js';

// Both are CommonJS: under NodeNext the default import is module.exports, whose `default` is the
// class or plugin itself.
const Ajv = AjvModule.default;
const addFormats = ajvFormatsModule.default;

const schema = JSON.parse(
  readProjectText('tests/fixtures/teamsapp-yaml-schema/v1.8.schema.json'),
) as object;
// Strict, but for two things the toolkit's schema does on purpose: a union type (`sampleTag`) and
// `required` names that a `oneOf` branch defines (`aadAppCreateBase`).
const ajv = new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  strictRequired: false,
});
addFormats(ajv);
const validateProjectFile = ajv.compile(schema);

const projectFiles = ['teamsapp.yml', 'teamsapp.local.yml'] as const;
const dev = readToolkitProject('teamsapp.yml');
const local = readToolkitProject('teamsapp.local.yml');

function onlyStep(
  project: ToolkitProjectFile,
  uses: string,
  lifecycle: ToolkitStep['lifecycle'],
): ToolkitStep {
  const steps = stepsUsing(project, uses, lifecycle);
  expect(
    steps.map((step) => step.uses),
    `${project.fileName} ${lifecycle} runs ${uses} once`,
  ).toEqual([uses]);
  return steps[0] as ToolkitStep;
}

function argument(step: ToolkitStep, key: string): string {
  const value = step.with[key];
  expect(typeof value, `${step.uses} with.${key}`).toBe('string');
  return value as string;
}

function positionOf(project: ToolkitProjectFile, step: ToolkitStep): number {
  return project.steps.indexOf(step);
}

describe('teamsapp.yml and teamsapp.local.yml', () => {
  it.each(projectFiles)('should validate %s against the Teams Toolkit v1.8 schema', (fileName) => {
    const project = readToolkitProject(fileName);
    const valid = validateProjectFile(project.document);
    expect(validateProjectFile.errors ?? [], `${fileName} schema errors`).toEqual([]);
    expect(valid).toBe(true);
    expect((project.document as { version?: unknown }).version).toBe('v1.8');
    expect(readProjectText(fileName)).toContain(
      '# yaml-language-server: $schema=https://aka.ms/teams-toolkit/v1.8/yaml.schema.json',
    );
  });

  it('should reject with the schema a project file that misspells an action or drops a required input', () => {
    const misspelt = structuredClone(dev.document) as { provision: { uses: string }[] };
    (misspelt.provision[0] as { uses: string }).uses = 'teamsApp/creates';
    expect(validateProjectFile(misspelt)).toBe(false);

    const withoutName = structuredClone(dev.document) as {
      provision: { with: Record<string, unknown> }[];
    };
    delete (withoutName.provision[0] as { with: Record<string, unknown> }).with.name;
    expect(validateProjectFile(withoutName)).toBe(false);

    const wrongVersion = { ...(structuredClone(dev.document) as object), version: 'v1.7' };
    expect(validateProjectFile(wrongVersion)).toBe(false);
  });

  it.each(projectFiles)(
    'should let %s provision create the Teams app and both Entra apps, apply the Entra manifest, and build and validate the package',
    (fileName) => {
      const project = readToolkitProject(fileName);
      const teamsApp = onlyStep(project, 'teamsApp/create', 'provision');
      const aadApp = onlyStep(project, 'aadApp/create', 'provision');
      const botAadApp = onlyStep(project, 'botAadApp/create', 'provision');
      const aadUpdate = onlyStep(project, 'aadApp/update', 'provision');
      const validateManifest = onlyStep(project, 'teamsApp/validateManifest', 'provision');
      const zip = onlyStep(project, 'teamsApp/zipAppPackage', 'provision');
      const validatePackage = onlyStep(project, 'teamsApp/validateAppPackage', 'provision');
      const update = onlyStep(project, 'teamsApp/update', 'provision');

      expect(teamsApp.writeToEnvironmentFile.teamsAppId).toBe('TEAMS_APP_ID');
      expect(aadApp.writeToEnvironmentFile).toMatchObject({
        clientId: 'AAD_APP_CLIENT_ID',
        objectId: 'AAD_APP_OBJECT_ID',
        tenantId: 'AAD_APP_TENANT_ID',
      });
      expect(botAadApp.writeToEnvironmentFile).toEqual({
        botId: 'BOT_ID',
        botPassword: 'SECRET_BOT_PASSWORD',
      });

      expect(projectFileExists(argument(aadUpdate, 'manifestPath'))).toBe(true);
      expect(argument(aadUpdate, 'manifestPath')).toBe('./aad.manifest.json');
      expect(positionOf(project, aadUpdate)).toBeGreaterThan(positionOf(project, aadApp));

      for (const step of [validateManifest, zip]) {
        expect(argument(step, 'manifestPath')).toBe('./appPackage/manifest.json');
        expect(projectFileExists(argument(step, 'manifestPath'))).toBe(true);
      }
      const zipPath = argument(zip, 'outputZipPath');
      expect(zipPath).toBe('./appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip');
      expect(argument(validatePackage, 'appPackagePath')).toBe(zipPath);
      expect(argument(update, 'appPackagePath')).toBe(zipPath);
      // Validate the manifest, then zip, then validate the zip, then upload it.
      const order = [validateManifest, zip, validatePackage, update].map((step) =>
        positionOf(project, step),
      );
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order[0]).toBeGreaterThan(positionOf(project, aadUpdate));
    },
  );

  it('should deploy infra/azure.bicep with its parameters file from teamsapp.yml, before the Entra manifest needs its host name', () => {
    const arm = onlyStep(dev, 'arm/deploy', 'provision');
    const templates = armTemplates(arm);
    expect(templates).toEqual([
      { path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' },
    ]);
    for (const template of templates) {
      expect(projectFileExists(template.path)).toBe(true);
      expect(projectFileExists(template.parameters ?? '')).toBe(true);
    }
    expect(argument(arm, 'subscriptionId')).toBe('${{AZURE_SUBSCRIPTION_ID}}');
    expect(argument(arm, 'resourceGroupName')).toBe('${{AZURE_RESOURCE_GROUP_NAME}}');
    expect(argument(arm, 'bicepCliVersion')).toMatch(/^v\d+\.\d+\.\d+$/);
    const position = positionOf(dev, arm);
    expect(position).toBeGreaterThan(
      positionOf(dev, onlyStep(dev, 'botAadApp/create', 'provision')),
    );
    expect(position).toBeLessThan(positionOf(dev, onlyStep(dev, 'aadApp/update', 'provision')));
  });

  it('should register the local bot with the Bot Framework at the tunnel /api/messages with the Teams channel', () => {
    const bot = onlyStep(local, 'botFramework/create', 'provision');
    expect(bot.with.botId).toBe('${{BOT_ID}}');
    expect(bot.with.messagingEndpoint).toBe('${{BOT_ENDPOINT}}/api/messages');
    expect(bot.with.channels).toEqual(expect.arrayContaining([{ name: 'msteams' }]));
    expect(positionOf(local, bot)).toBeGreaterThan(
      positionOf(local, onlyStep(local, 'botAadApp/create', 'provision')),
    );
    // The route the server answers the Bot Framework on.
    expect(readProjectText('src/api/http-app.ts')).toContain("app.post('/api/messages'");
    // Azure has its own registration (Microsoft.BotService in infra/azure.bicep).
    expect(stepsUsing(dev, 'botFramework/create')).toEqual([]);
  });

  it('should build teamsapp.yml deploy output and zip-deploy it to the web app whose id a Bicep output gives', () => {
    const install = stepsUsing(dev, 'cli/runNpmCommand', 'deploy');
    expect(install.map((step) => step.with.args)).toEqual(['ci --no-audit', 'run build']);
    const packageJson = JSON.parse(readProjectText('package.json')) as {
      scripts: Record<string, string>;
    };
    expect(packageJson.scripts.build).toContain('tsc -p tsconfig.build.json');

    const zipDeploy = onlyStep(dev, 'azureAppService/zipDeploy', 'deploy');
    expect(positionOf(dev, zipDeploy)).toBeGreaterThan(
      Math.max(...install.map((step) => positionOf(dev, step))),
    );
    const resourceId = /^\$\{\{([A-Z0-9_]+)\}\}$/.exec(argument(zipDeploy, 'resourceId'));
    expect(resourceId, 'resourceId is one placeholder').not.toBeNull();

    const arm = onlyStep(dev, 'arm/deploy', 'provision');
    const bicep = readBicep(readProjectText(armTemplates(arm)[0]?.path ?? ''));
    const output = [...bicep.outputs.values()].find(
      (candidate) => candidate.name.toUpperCase() === resourceId?.[1],
    );
    expect(output, `an output named ${resourceId?.[1] ?? ''}`).toBeDefined();
    const site = bicep.resources.get((output?.value ?? '').replace(/\.id$/, ''));
    expect(output?.value).toMatch(/^[A-Za-z_]\w*\.id$/);
    expect(site === undefined ? undefined : resourceType(site)).toBe('Microsoft.Web/sites');

    // What is shipped is what App Service starts: the staged folder holds dist/ and package.json.
    const artifactFolder = argument(zipDeploy, 'artifactFolder');
    const stage = stepsUsing(dev, 'script', 'deploy').find((step) =>
      String(step.with.run).includes(`mkdir ${artifactFolder}`),
    );
    expect(stage, `a script that stages ${artifactFolder}`).toBeDefined();
    expect(String(stage?.with.run)).toContain(
      `cp -R dist package.json package-lock.json ${artifactFolder}/`,
    );
    expect(String(stage?.with.run)).toMatch(/npm ci --omit=dev .*--prefix \.deploy/);
    const command = site === undefined ? '' : resourceBody(site).body;
    expect(command).toContain("appCommandLine: 'node dist/src/server.js'");
    // src/server.ts is the process entry: run directly, it starts the app (main.ts only exports).
    expect(projectFileExists('src/server.ts')).toBe(true);
    expect(readProjectText('src/server.ts')).toMatch(/import\.meta\.url === pathToFileURL\(/);
    expect(readProjectText('src/main.ts')).not.toMatch(/process\.argv/);
    expect(readProjectText('.gitignore').split(/\r?\n/)).toContain(
      `${artifactFolder.replace(/^\.\//, '')}/`,
    );
  });

  it('should write to the local .env only settings the server reads, which it accepts in development', () => {
    const envFile = onlyStep(local, 'file/createOrUpdateEnvironmentFile', 'deploy');
    expect(envFile.with.target).toBe('./.env');
    expect(readProjectText('.gitignore').split(/\r?\n/)).toContain('.env');
    expect(readProjectText('scripts/start.mjs')).toContain("process.loadEnvFile('.env')");
    const envs = envFile.with.envs as Record<string, string | number | boolean>;
    expect(Object.keys(envs).filter((name) => !configVariableNames.includes(name))).toEqual([]);

    // As after `teamsapp provision --env local` with a dev tunnel.
    const afterProvision = new Map([
      ...[...readEnvironmentFiles('local').values].filter(([, value]) => value !== ''),
      ['BOT_ID', 'b0710000-0000-4000-8000-0000000000b1'],
      ['SECRET_BOT_PASSWORD', 'sample~bot~client~secret'],
      ['AAD_APP_CLIENT_ID', 'aad0c1e0-0000-4000-8000-0000000000c1'],
      ['AAD_APP_TENANT_ID', '3650a0e1-0000-4000-8000-000000000365'],
      ['TAB_DOMAIN', 'abc123-3978.euw.devtunnels.ms'],
      ['TAB_ENDPOINT', 'https://abc123-3978.euw.devtunnels.ms'],
    ]);
    const settings = Object.fromEntries(
      Object.entries(envs).map(([name, value]) => [
        name,
        fillPlaceholders(String(value), afterProvision),
      ]),
    );
    const config = loadConfig(settings);
    expect(config.environment).toBe('development');
    expect(config.devIdentity).toBe(false);
    expect(config.port).toBe(3978);
    expect(config.bot.appId).toBe(afterProvision.get('BOT_ID'));
    expect(config.bot.appPassword).toBe(afterProvision.get('SECRET_BOT_PASSWORD'));
    expect(config.entra.audiences).toEqual([
      afterProvision.get('AAD_APP_CLIENT_ID'),
      `api://abc123-3978.euw.devtunnels.ms/${afterProvision.get('AAD_APP_CLIENT_ID') ?? ''}`,
    ]);
    expect(config.entra.allowedTenants).toEqual([afterProvision.get('AAD_APP_TENANT_ID')]);
  });

  it('should let teamsapp.yml publish validate, zip and submit the package to the admin centre', () => {
    const zip = onlyStep(dev, 'teamsApp/zipAppPackage', 'publish');
    const publish = onlyStep(dev, 'teamsApp/publishAppPackage', 'publish');
    onlyStep(dev, 'teamsApp/validateManifest', 'publish');
    onlyStep(dev, 'teamsApp/validateAppPackage', 'publish');
    expect(argument(publish, 'appPackagePath')).toBe(argument(zip, 'outputZipPath'));
    expect(positionOf(dev, publish)).toBeGreaterThan(positionOf(dev, zip));
    expect(publish.writeToEnvironmentFile.publishedAppId).toBe('TEAMS_APP_PUBLISHED_APP_ID');
  });
});
