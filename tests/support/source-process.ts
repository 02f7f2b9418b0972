import { spawn } from 'node:child_process';
import { type AppProcess, exitOf, projectRoot } from './app-process.js';

/**
 * Runs the app from its sources (`node --import tsx src/main.ts`, what `npm run dev` runs without
 * the watcher) on a free port with the given data folder, and waits up to a minute for /healthz to
 * answer 200. Unlike `startAppProcess` it never builds, so a test that starts the app twice stays
 * quick while the sources change under it; the process is the app itself, so a signal reaches it.
 */
export async function startSourceAppProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<AppProcess> {
  const began = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LASTMILE_DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const url = /running at (http:\/\/[\d.:]+)/.exec(output)?.[1];
    if (url !== undefined) {
      const healthy = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.status === 200,
        () => false,
      );
      if (healthy) {
        return {
          child,
          url,
          healthyAfterMs: performance.now() - began,
          stop: () => {
            child.kill('SIGTERM');
            return exitOf(child);
          },
        };
      }
    }
    if (child.exitCode !== null) throw new Error(`The app exited early:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`The app did not become healthy within 60 s:\n${output}`);
}
