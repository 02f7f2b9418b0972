import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../scripts/package-app.js';
import {
  describeStep,
  filesFilledBy,
  namesKnownAtStart,
  namesSetByToolkit,
  namesWrittenBy,
  projectRoot,
  readEnvironmentFiles,
  readProjectText,
  readToolkitProject,
  unknownPlaceholders,
  type ToolkitStep,
} from './toolkit-project.js';

/** Each environment and the project file the toolkit runs for it (pathUtils.getYmlFilePath). */
const environments = [
  { env: 'dev', fileName: 'teamsapp.yml' },
  { env: 'local', fileName: 'teamsapp.local.yml' },
] as const;

describe('the ${{VAR}} placeholders of the deployment files', () => {
  it.each(environments)(
    'should give every placeholder of $fileName and the files its steps fill a value before the step that needs it, for env $env',
    ({ env, fileName }) => {
      const project = readToolkitProject(fileName);
      const files = readEnvironmentFiles(env);
      expect(unknownPlaceholders(project.steps, namesKnownAtStart(files, project))).toEqual([]);
    },
  );

  it.each([
    {
      env: 'dev',
      fileName: 'teamsapp.yml',
      files: ['aad.manifest.json', 'appPackage/manifest.json', 'infra/azure.parameters.json'],
    },
    {
      env: 'local',
      fileName: 'teamsapp.local.yml',
      files: ['aad.manifest.json', 'appPackage/manifest.json'],
    },
  ] as const)(
    'should have $fileName provision fill the placeholders of exactly $files',
    ({ fileName, files }) => {
      const project = readToolkitProject(fileName);
      const filled = new Set(
        project.steps
          .filter((step) => step.lifecycle === 'provision')
          .flatMap((step) => filesFilledBy(step)),
      );
      expect([...filled].sort()).toEqual([...files].map((file) => path.normalize(file)).sort());
    },
  );

  it('should report a placeholder that an earlier step has not written yet', () => {
    // Guards the walk above: the Entra manifest needs TAB_DOMAIN, which only arm/deploy writes.
    const project = readToolkitProject('teamsapp.yml');
    const provision = project.steps.filter((step) => step.lifecycle === 'provision');
    const update = provision.find((step) => step.uses === 'aadApp/update') as ToolkitStep;
    const reordered = [update, ...provision.filter((step) => step !== update)];
    const problems = unknownPlaceholders(
      reordered,
      namesKnownAtStart(readEnvironmentFiles('dev'), project),
    );
    expect(problems).toContainEqual({ step: describeStep(update), name: 'TAB_DOMAIN' });
    expect(problems).toContainEqual({ step: describeStep(update), name: 'AAD_APP_CLIENT_ID' });
  });

  it.each(environments)(
    'should have provision of $fileName write every variable that env/.env.$env leaves empty, and declare every one it writes',
    ({ env, fileName }) => {
      const project = readToolkitProject(fileName);
      const { values, userExample } = readEnvironmentFiles(env);
      const written = new Set(
        project.steps
          .filter((step) => step.lifecycle === 'provision')
          .flatMap((step) => [...namesWrittenBy(step)]),
      );
      const byToolkit = namesSetByToolkit(project);
      const emptyAndNeverWritten = [...values]
        .filter(([name, value]) => value === '' && !written.has(name) && !byToolkit.has(name))
        .map(([name]) => name);
      expect(emptyAndNeverWritten).toEqual([]);

      const undeclared = [...written].filter((name) =>
        name.startsWith('SECRET_') ? !userExample.has(name) : !values.has(name),
      );
      expect(undeclared).toEqual([]);
      expect(values.get('TEAMSFX_ENV')).toBe(env);
    },
  );

  it('should keep secrets out of git: env/.env.*.user ignored, no committed env file holding a secret', () => {
    const ignored = readProjectText('.gitignore')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const matches = (pattern: string, file: string): boolean =>
      new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(
        file,
      );
    for (const env of environments.map((entry) => entry.env)) {
      const file = `env/.env.${env}.user`;
      expect(
        ignored.some((pattern) => matches(pattern, file)),
        `${file} is ignored`,
      ).toBe(true);
      expect(
        ignored.some((pattern) => pattern.startsWith('!') && matches(pattern.slice(1), file)),
      ).toBe(false);
    }

    // env/.env.<name>.user files are local and ignored; every other file under env/ is committed.
    const committed = readdirSync(path.join(projectRoot, 'env')).filter(
      (file) => !file.endsWith('.user'),
    );
    expect(committed).toEqual(
      expect.arrayContaining([
        '.env.dev',
        '.env.dev.user.example',
        '.env.local',
        '.env.local.user.example',
      ]),
    );
    for (const file of committed) {
      const values = parseEnvFile(readProjectText(`env/${file}`));
      const secrets = [...values].filter(([name]) => name.startsWith('SECRET_'));
      expect(
        secrets.filter(([, value]) => value !== ''),
        `env/${file} holds no secret value`,
      ).toEqual([]);
      if (!file.includes('.user'))
        expect(
          secrets.map(([name]) => name),
          `env/${file} names no secret`,
        ).toEqual([]);
    }
  });
});
