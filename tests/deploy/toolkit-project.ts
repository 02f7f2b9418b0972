/**
 * The Teams Toolkit project as the toolkit runs it: the steps of teamsapp.yml / teamsapp.local.yml,
 * the `${{VAR}}` placeholders each step fills (in its `with` and in the files it reads), and the
 * variables each step writes. The rules mirror @microsoft/teamsfx-core 2.1 (teamsapp-cli 3.1.1):
 * a step's placeholders are filled just before it runs, from the env files plus what earlier steps
 * wrote, and an empty value counts as missing (only APP_NAME_SUFFIX may be empty).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseEnvFile } from '../../scripts/package-app.js';
import { readBicep } from './bicep-reader.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function readProjectText(relativePath: string): string {
  return readFileSync(path.join(projectRoot, relativePath), 'utf8');
}

export function projectFileExists(relativePath: string): boolean {
  return existsSync(path.join(projectRoot, relativePath));
}

export function readProjectJson(relativePath: string): unknown {
  return JSON.parse(readProjectText(relativePath)) as unknown;
}

export const lifecycles = ['provision', 'deploy', 'publish'] as const;
export type LifecycleName = (typeof lifecycles)[number];

export interface ToolkitStep {
  readonly lifecycle: LifecycleName;
  readonly index: number;
  readonly uses: string;
  readonly name: string | undefined;
  readonly with: Readonly<Record<string, unknown>>;
  readonly writeToEnvironmentFile: Readonly<Record<string, string>>;
}

export interface ToolkitProjectFile {
  readonly fileName: string;
  /** The parsed YAML, for the schema. */
  readonly document: unknown;
  readonly steps: readonly ToolkitStep[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readToolkitProject(
  fileName: 'teamsapp.yml' | 'teamsapp.local.yml',
): ToolkitProjectFile {
  const document: unknown = parse(readProjectText(fileName));
  if (!isRecord(document)) throw new Error(`${fileName} is not a YAML mapping`);
  const steps: ToolkitStep[] = [];
  for (const lifecycle of lifecycles) {
    const entries = document[lifecycle] ?? [];
    if (!Array.isArray(entries)) throw new Error(`${fileName}: ${lifecycle} is not a list`);
    entries.forEach((entry: unknown, index) => {
      if (!isRecord(entry) || typeof entry.uses !== 'string') {
        throw new Error(`${fileName}: ${lifecycle}[${index}] has no \`uses\``);
      }
      const write = entry.writeToEnvironmentFile ?? {};
      steps.push({
        lifecycle,
        index,
        uses: entry.uses,
        name: typeof entry.name === 'string' ? entry.name : undefined,
        with: isRecord(entry.with) ? entry.with : {},
        writeToEnvironmentFile: isRecord(write)
          ? Object.fromEntries(Object.entries(write).map(([key, value]) => [key, String(value)]))
          : {},
      });
    });
  }
  return { fileName, document, steps };
}

export function describeStep(step: ToolkitStep): string {
  return `${step.lifecycle}[${step.index}] ${step.uses}${step.name === undefined ? '' : ` (${step.name})`}`;
}

export function stepsUsing(
  project: ToolkitProjectFile,
  uses: string,
  lifecycle?: LifecycleName,
): ToolkitStep[] {
  return project.steps.filter(
    (step) => step.uses === uses && (lifecycle === undefined || step.lifecycle === lifecycle),
  );
}

/** The same pattern as the toolkit's resolver (lifecycle.js `resolveString`). */
const placeholderPattern = /\$\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((match) => match[1] ?? ''))];
}

/** Every string inside a YAML value, at any depth. */
export function stringLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (isRecord(value)) return Object.values(value).flatMap(stringLeaves);
  return [];
}

function stringArgument(step: ToolkitStep, key: string): string | undefined {
  const value = step.with[key];
  return typeof value === 'string' ? value : undefined;
}

/** Project-relative paths of the `.bicep` templates and parameter files of an `arm/deploy` step. */
export function armTemplates(
  step: ToolkitStep,
): { readonly path: string; readonly parameters: string | undefined }[] {
  const templates = step.with.templates;
  if (!Array.isArray(templates)) return [];
  return templates.filter(isRecord).map((template) => ({
    path: String(template.path),
    parameters: typeof template.parameters === 'string' ? template.parameters : undefined,
  }));
}

/**
 * The files whose placeholders a step fills when it runs: the Entra manifest of `aadApp/update`,
 * the Teams manifest of the `teamsApp/*` steps that build the package, an ARM deployment's
 * parameter files.
 */
export function filesFilledBy(step: ToolkitStep): string[] {
  switch (step.uses) {
    case 'aadApp/update':
    case 'teamsApp/validateManifest':
    case 'teamsApp/zipAppPackage': {
      const manifestPath = stringArgument(step, 'manifestPath');
      return manifestPath === undefined ? [] : [path.normalize(manifestPath)];
    }
    case 'arm/deploy':
      return armTemplates(step).flatMap((template) =>
        template.parameters === undefined ? [] : [path.normalize(template.parameters)],
      );
    default:
      return [];
  }
}

/** Every placeholder that must have a value when the step runs. */
export function placeholdersUsedBy(step: ToolkitStep): Set<string> {
  const names = new Set(stringLeaves(step.with).flatMap(placeholdersIn));
  for (const file of filesFilledBy(step)) {
    for (const name of placeholdersIn(readProjectText(file))) names.add(name);
  }
  return names;
}

/** The toolkit's `::set-teamsfx-env NAME=value` pattern (scriptDriver.js). */
const setEnvPattern = /::(set-teamsfx-env|set-output)\s+(\w+)=((["'])(.*?)\4|[^"'\s]+)/g;

/** The names of a Bicep file's outputs as arm/deploy writes them: upper-cased. */
export function bicepOutputNames(bicepPath: string): string[] {
  return [...readBicep(readProjectText(bicepPath)).outputs.keys()].map((name) =>
    name.toUpperCase(),
  );
}

/**
 * What a step generates for itself before it fills its files: aadApp/update makes up the
 * access_as_user scope id when the manifest asks for one and none is set (buildAadManifest.js).
 */
export function namesGeneratedBy(step: ToolkitStep): Set<string> {
  const names = new Set<string>();
  if (step.uses === 'aadApp/update') {
    const manifestPath = step.with.manifestPath;
    const manifest = typeof manifestPath === 'string' ? readProjectText(manifestPath) : '';
    if (placeholdersIn(manifest).includes('AAD_APP_ACCESS_AS_USER_PERMISSION_ID')) {
      names.add('AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
    }
  }
  return names;
}

/**
 * Every variable a step writes to the environment: its `writeToEnvironmentFile`, what the action
 * writes on its own (teamsApp/create the tenant, aadApp/update the scope id it generated), a
 * script's `::set-teamsfx-env` lines, an ARM deployment's outputs.
 */
export function namesWrittenBy(step: ToolkitStep): Set<string> {
  const names = new Set([...Object.values(step.writeToEnvironmentFile), ...namesGeneratedBy(step)]);
  switch (step.uses) {
    case 'teamsApp/create':
      names.add('TEAMS_APP_TENANT_ID');
      break;
    case 'script':
      for (const match of String(step.with.run ?? '').matchAll(setEnvPattern))
        names.add(match[2] ?? '');
      break;
    case 'arm/deploy':
      for (const template of armTemplates(step)) {
        for (const name of bicepOutputNames(template.path)) names.add(name);
      }
      break;
    default:
      break;
  }
  return names;
}

/**
 * What the toolkit sets before the first step: the environment's name, and, when provisioning
 * deploys to Azure, a resource-name suffix and the subscription and resource group it asks for
 * (coordinator/index.js).
 */
export function namesSetByToolkit(project: ToolkitProjectFile): Set<string> {
  const names = new Set(['TEAMSFX_ENV', 'APP_NAME_SUFFIX']);
  if (stepsUsing(project, 'arm/deploy', 'provision').length > 0) {
    for (const name of ['RESOURCE_SUFFIX', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'])
      names.add(name);
  }
  return names;
}

export interface EnvironmentFiles {
  /** env/.env.<name>, committed. */
  readonly values: ReadonlyMap<string, string>;
  /** env/.env.<name>.user.example, committed: the secrets a person or a pipeline supplies. */
  readonly userExample: ReadonlyMap<string, string>;
}

export function readEnvironmentFiles(env: string): EnvironmentFiles {
  return {
    values: parseEnvFile(readProjectText(`env/.env.${env}`)),
    userExample: parseEnvFile(readProjectText(`env/.env.${env}.user.example`)),
  };
}

/** The names with a value before provisioning starts: non-empty committed values and the secrets. */
export function namesKnownAtStart(
  files: EnvironmentFiles,
  project: ToolkitProjectFile,
): Set<string> {
  const names = namesSetByToolkit(project);
  for (const [name, value] of files.values) if (value !== '') names.add(name);
  for (const name of files.userExample.keys()) if (name.startsWith('SECRET_')) names.add(name);
  return names;
}

export interface UnknownPlaceholder {
  readonly step: string;
  readonly name: string;
}

/**
 * Walks provision, then deploy, then publish, as a person runs them, and returns each placeholder
 * that has no value when its step runs.
 */
export function unknownPlaceholders(
  steps: readonly ToolkitStep[],
  knownAtStart: ReadonlySet<string>,
): UnknownPlaceholder[] {
  const known = new Set(knownAtStart);
  const unknown: UnknownPlaceholder[] = [];
  for (const lifecycle of lifecycles) {
    for (const step of steps.filter((candidate) => candidate.lifecycle === lifecycle)) {
      for (const name of namesGeneratedBy(step)) known.add(name);
      for (const name of placeholdersUsedBy(step)) {
        if (!known.has(name)) unknown.push({ step: describeStep(step), name });
      }
      for (const name of namesWrittenBy(step)) known.add(name);
    }
  }
  return unknown;
}

/** Fills `${{VAR}}` from `values`; a placeholder without a value throws, naming it. */
export function fillPlaceholders(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(placeholderPattern, (_whole, name: string) => {
    const value = values.get(name);
    if (value === undefined) throw new Error(`No sample value for \${{${name}}}`);
    return value;
  });
}
