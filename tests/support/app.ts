import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type RunningApp, type StartOptions, startLastmile } from '../../src/main.js';
import { localDataFileName } from '../../src/storage/storage.js';

export interface TestApp extends RunningApp {
  readonly dataDir: string;
  /** Stops the app and deletes its data folder. */
  dispose(): Promise<void>;
}

/** A temporary data folder for a test; removed by the returned cleanup. */
export async function makeDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'lastmile-test-'));
}

/**
 * Starts the whole app on 127.0.0.1 and a free port, with the embedded store in a temporary folder
 * (or the one given), and quiet logs. A new folder starts from the demo store the global set-up
 * seeded through the real start-up path, unless `fresh` asks for an empty one (which the app then
 * seeds itself). `env` overrides any setting.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: StartOptions & { dataDir?: string; fresh?: boolean } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  if (options.dataDir === undefined && options.fresh !== true) {
    await copyFile(inject('seededDataFile'), path.join(dataDir, localDataFileName));
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    LASTMILE_DATA_DIR: dataDir,
    ...env,
  });
  const app = await startLastmile(config, options);
  return {
    ...app,
    url: app.url,
    port: app.port,
    storageMode: app.storageMode,
    close: () => app.close(),
    dataDir,
    async dispose() {
      await app.close();
      if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
