import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '../support/app.js';
import { request } from '../support/http.js';

const root = path.resolve(import.meta.dirname, '..', '..');

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly startedInMs: number;
}

/** Runs `npm start`'s script as a new user would, on a free port, and waits for /healthz. */
async function startProcess(dataDir: string): Promise<Started> {
  const began = Date.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      LOG_LEVEL: 'warn',
      LASTMILE_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const url = /running at (http:\/\/[\d.:]+)/.exec(output)?.[1];
    if (url !== undefined) {
      const health = await request(url, '/healthz').catch(() => undefined);
      if (health?.status === 200) return { child, url, startedInMs: Date.now() - began };
    }
    if (child.exitCode !== null) throw new Error(`The app exited early:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`The app did not become healthy in time:\n${output}`);
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('npm start as a process', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('should keep data written through the API across SIGTERM and a new start', async () => {
    const dataDir = await makeDataDir();
    folders.push(dataDir);

    const first = await startProcess(dataDir);
    const read = await request(first.url, '/api/program/settings');
    expect(read.status).toBe(200);
    const written = await request(first.url, '/api/program/settings', {
      method: 'PUT',
      headers: { 'if-match': read.headers.get('etag') ?? '' },
      body: {
        organisationName: 'Survives Restarts Ltd',
        programStart: '2026-10-05',
        wauTargetPct: 72,
        minGroupSize: 5,
      },
    });
    expect(written.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await exitOf(first.child)).toBe(0);

    const second = await startProcess(dataDir);
    try {
      const after = await request(second.url, '/api/program/settings');
      expect(after.body).toMatchObject({
        organisationName: 'Survives Restarts Ltd',
        wauTargetPct: 72,
      });
      const program = await request(second.url, '/api/program');
      expect(program.body).toMatchObject({ headcount: 900 });
    } finally {
      second.child.kill('SIGTERM');
      expect(await exitOf(second.child)).toBe(0);
    }
  }, 300_000);

  it('should stop at start in production without settings, naming each missing variable', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await exitOf(child);
    expect(code).not.toBe(0);
    for (const name of ['COSMOS_ENDPOINT', 'BOT_ID', 'BOT_PASSWORD', 'AAD_APP_CLIENT_ID']) {
      expect(stderr).toContain(name);
    }
  }, 120_000);
});
