import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '../support/app.js';
import { exitOf, projectRoot, startAppProcess } from '../support/app-process.js';
import { request } from '../support/http.js';

describe('npm start as a process', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('should keep data written through the API across SIGTERM and a new start', async () => {
    const dataDir = await makeDataDir();
    folders.push(dataDir);

    const first = await startAppProcess(dataDir);
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
    expect(await first.stop()).toBe(0);

    const second = await startAppProcess(dataDir);
    try {
      const after = await request(second.url, '/api/program/settings');
      expect(after.body).toMatchObject({
        organisationName: 'Survives Restarts Ltd',
        wauTargetPct: 72,
      });
      const program = await request(second.url, '/api/program');
      expect(program.body).toMatchObject({ headcount: 900 });
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 300_000);

  it('should stop at start in production without settings, naming each missing variable', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: projectRoot,
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
