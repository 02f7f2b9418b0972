// Time from `node scripts/start.mjs` to a 200 from /healthz: a first start on an empty store
// (which seeds the 900-person demo tenant) and a warm restart on the saved store.
import { rm } from 'node:fs/promises';
import { makeDataDir } from '../tests/support/app.js';
import { startAppProcess } from '../tests/support/app-process.js';

async function timeToHealthy(dataDir: string): Promise<number> {
  const app = await startAppProcess(dataDir);
  await app.stop();
  return app.healthyAfterMs;
}

const dataDir = await makeDataDir();
try {
  const firstStartMs = await timeToHealthy(dataDir);
  const warmRestartMs = await timeToHealthy(dataDir);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'startup',
      firstStartWithDemoSeedMs: Math.round(firstStartMs),
      warmRestartMs: Math.round(warmRestartMs),
      targetFirstStartMs: 60_000,
      targetWarmRestartMs: 10_000,
    })}\n`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
