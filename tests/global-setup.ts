// Runs once before the tests: builds the tab the browser tests load (only if its sources changed),
// and seeds one demo store through the real start-up path, which each test app then copies instead
// of seeding 900 people and the prompt library again.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureBuilt } from '../scripts/build-if-stale.mjs';
import { loadConfig } from '../src/config.js';
import { startLastmile } from '../src/main.js';
import { localDataFileName } from '../src/storage/storage.js';

declare module 'vitest' {
  export interface ProvidedContext {
    seededDataFile: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureBuilt({ server: false, tab: true, log: () => undefined });

  const seedDir = await mkdtemp(path.join(tmpdir(), 'lastmile-seed-'));
  const app = await startLastmile(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      LASTMILE_DATA_DIR: seedDir,
    }),
  );
  await app.close();
  const seededDataFile = path.join(seedDir, 'seeded.json');
  await copyFile(path.join(seedDir, localDataFileName), seededDataFile);
  project.provide('seededDataFile', seededDataFile);

  return async () => {
    await rm(seedDir, { recursive: true, force: true });
  };
}
