import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder holding package.json, from src/ under tsx or dist/src/ once built. */
export function findProjectRoot(): string {
  let directory = import.meta.dirname;
  for (let depth = 0; depth < 4; depth += 1) {
    if (existsSync(path.join(directory, 'package.json'))) return directory;
    directory = path.dirname(directory);
  }
  throw new Error('Cannot find the project root (package.json)');
}

/** The app's version, from package.json. */
export function appVersion(projectRoot: string = findProjectRoot()): string {
  const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  return version;
}
