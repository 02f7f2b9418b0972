// The deploy step ships dist/ with `npm ci --omit=dev` (teamsapp.yml), so every package the server
// and the bot load at run time must be a production dependency. A devDependency imported from
// src/ or bot/ would pass every test here and fail only on App Service.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/app-process.js';

const packageJson = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(projectRoot, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|js|mjs)$/.test(entry.name))
    .filter((entry) => !/\.test\.|\.d\.ts$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Static imports and re-exports (type-only ones excepted), dynamic imports and resolves. */
function runtimeSpecifiers(source: string): string[] {
  const specifiers: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?[^;]*?\sfrom\s+'([^']+)'/gm;
  for (const match of source.matchAll(statement)) {
    if (match[2] === undefined && match[3] !== undefined) specifiers.push(match[3]);
  }
  // `import('x')`, and resolves from this package (`fromHere` is `createRequire(import.meta.url)`);
  // `fromServer(…)` resolves the embedded server's own dependencies, installed with it.
  const dynamic = /(?:import|(?:require|fromHere|import\.meta)\.resolve)\(\s*'([^']+)'\s*\)/g;
  for (const match of source.matchAll(dynamic)) {
    if (match[1] !== undefined) specifiers.push(match[1]);
  }
  return specifiers;
}

function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  return builtinModules.includes(name) ? undefined : name;
}

describe('production dependencies', () => {
  const files = [...sourceFiles('src'), ...sourceFiles('bot')];
  const imported = new Map<string, string>();
  for (const file of files) {
    for (const specifier of runtimeSpecifiers(readFileSync(file, 'utf8'))) {
      const name = packageNameOf(specifier);
      if (name !== undefined && !imported.has(name)) {
        imported.set(name, path.relative(projectRoot, file));
      }
    }
  }

  it('should find the packages the server loads', () => {
    expect(files.length).toBeGreaterThan(50);
    expect([...imported.keys()]).toEqual(
      expect.arrayContaining([
        'express',
        '@azure/cosmos',
        'botbuilder',
        '@azure/monitor-opentelemetry',
      ]),
    );
  });

  it('should list every package that src/ and bot/ import at run time under dependencies', () => {
    const missing = [...imported]
      .filter(([name]) => packageJson.dependencies[name] === undefined)
      .map(([name, file]) => `${name} (imported by ${file})`);
    expect(missing).toEqual([]);
  });

  it('should see through type-only imports and catch a dynamic import of a dev tool', () => {
    expect(
      runtimeSpecifiers("import type { A } from 'vitest';\nexport type { B } from 'ajv';"),
    ).toEqual([]);
    expect(runtimeSpecifiers("const x = await import('vitest');")).toEqual(['vitest']);
    expect(packageNameOf('@azure/monitor-opentelemetry/loader')).toBe(
      '@azure/monitor-opentelemetry',
    );
    expect(packageNameOf('node:http')).toBeUndefined();
    expect(packageJson.devDependencies.vitest).toBeDefined();
  });
});
