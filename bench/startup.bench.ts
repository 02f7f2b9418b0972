// Time from `node scripts/start.mjs` to a 200 from /healthz: a first start on an empty store
// (which seeds the 900-person demo tenant) and a warm restart on the saved store.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { makeDataDir } from '../tests/support/app.js';

const root = path.resolve(import.meta.dirname, '..');

async function timeToHealthy(dataDir: string): Promise<number> {
  const began = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      LOG_LEVEL: 'warn',
      LASTMILE_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const url = /running at (http:\/\/[\d.:]+)/.exec(output)?.[1];
      if (url !== undefined) {
        const ok = await fetch(`${url}/healthz`).then(
          (response) => response.ok,
          () => false,
        );
        if (ok) return performance.now() - began;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the app did not become healthy within 120 s');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const dataDir = await makeDataDir();
try {
  const firstStartMs = await timeToHealthy(dataDir);
  const warmRestartMs = await timeToHealthy(dataDir);
  process.stdout.write(
    `${JSON.stringify({
      benchmark: 'startup',
      firstStartWithDemoSeedMs: Math.round(firstStartMs),
      warmRestartMs: Math.round(warmRestartMs),
      targetFirstStartMs: 60_000,
      targetWarmRestartMs: 10_000,
    })}\n`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
