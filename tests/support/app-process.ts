import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

export interface AppProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** From spawning the process to the first 200 from /healthz. */
  readonly healthyAfterMs: number;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** How the app is run: `npm start`'s script, or straight from the sources. */
export interface AppProcessOptions {
  /**
   * `start` runs `scripts/start.mjs` as a new user would, building what changed first (two
   * minutes allowed). `sources` runs `node --import tsx src/server.ts` and never builds (one
   * minute), so a test that starts the app twice stays quick while the sources change under it;
   * the process is the app itself, so a signal such as SIGKILL reaches it.
   */
  readonly from?: 'start' | 'sources';
}

/**
 * Runs the app on a free port with the given data folder, and waits for /healthz to answer 200.
 */
export async function startAppProcess(
  dataDir: string,
  env: Record<string, string> = {},
  options: AppProcessOptions = {},
): Promise<AppProcess> {
  const began = performance.now();
  const fromSources = options.from === 'sources';
  const args = fromSources ? ['--import', 'tsx', 'src/server.ts'] : ['scripts/start.mjs'];
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      ...(fromSources ? { HOST: '127.0.0.1' } : {}),
      LOG_LEVEL: 'warn',
      LASTMILE_DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waitS = fromSources ? 60 : 120;
  const deadline = Date.now() + waitS * 1000;
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
  throw new Error(`The app did not become healthy within ${String(waitS)} s:\n${output}`);
}
