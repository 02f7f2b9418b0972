import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalDataFile } from './local-data-file.js';

const quiet = { info: () => undefined, error: () => undefined };

describe('LocalDataFile', () => {
  let folder: string;
  let filePath: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'lastmile-file-'));
    filePath = path.join(folder, 'nested', 'lastmile.json');
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('should save writes and deletes and load them again, without system properties', async () => {
    const file = await LocalDataFile.open(filePath, { logger: quiet });
    file.recordWrite('people', 'demo', {
      id: 'a',
      tenantId: 'demo',
      name: 'A',
      _etag: 'x',
      _ts: 1,
    });
    file.recordWrite('people', 'demo', { id: 'b', tenantId: 'demo', name: 'B' });
    file.recordWrite('activity', 'demo:2026-W48', {
      id: 'e1',
      tenantId: 'demo',
      pk: 'demo:2026-W48',
    });
    file.recordDelete('people', 'demo', 'b');
    await file.close();

    const reopened = await LocalDataFile.open(filePath, { logger: quiet });
    const byContainer = reopened.documentsByContainer();
    expect(byContainer.get('people')).toEqual([{ id: 'a', tenantId: 'demo', name: 'A' }]);
    expect(byContainer.get('activity')).toEqual([
      { id: 'e1', tenantId: 'demo', pk: 'demo:2026-W48' },
    ]);
    expect(reopened.size()).toBe(2);
  });

  it('should save on its own within a second of a write', async () => {
    const file = await LocalDataFile.open(filePath, { logger: quiet, flushDelayMs: 50 });
    file.recordWrite('people', 'demo', { id: 'soon', tenantId: 'demo' });
    const deadline = Date.now() + 1000;
    let saved = '';
    while (Date.now() < deadline && !saved.includes('soon')) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      saved = await readFile(filePath, 'utf8').catch(() => '');
    }
    expect(saved).toContain('"soon"');
    await file.close();
  });

  it('should replace the file atomically and leave no temporary file behind', async () => {
    const file = await LocalDataFile.open(filePath, { logger: quiet });
    for (let round = 0; round < 5; round += 1) {
      file.recordWrite('people', 'demo', { id: `p${String(round)}`, tenantId: 'demo' });
      await file.flush();
      const parsed = JSON.parse(await readFile(filePath, 'utf8')) as {
        containers: { people: unknown[] };
      };
      expect(parsed.containers.people).toHaveLength(round + 1);
    }
    await file.close();
    expect(await readdir(path.dirname(filePath))).toEqual(['lastmile.json']);
  });

  it('should refuse to start over a corrupt file rather than overwrite it', async () => {
    const file = await LocalDataFile.open(filePath, { logger: quiet });
    await file.close();
    await writeFile(
      filePath,
      '{"format":"lastmile-local-store","version":1,"containers":{"people":[{',
    );
    await expect(LocalDataFile.open(filePath, { logger: quiet })).rejects.toThrow(/not valid JSON/);
    await writeFile(filePath, '{"hello":"world"}');
    await expect(LocalDataFile.open(filePath, { logger: quiet })).rejects.toThrow(
      /not a Lastmile local store/,
    );
  });

  it('should tell a start after a crash from a start after a clean close', async () => {
    const running = await LocalDataFile.open(filePath, { logger: quiet });
    running.recordWrite('people', 'demo', { id: 'a', tenantId: 'demo' });
    await running.flush();
    // The process dies here: the file on disk was saved by a run that is still going.
    const afterCrash = await LocalDataFile.open(filePath, { logger: quiet });
    expect(afterCrash.recoveredAfterCrash).toBe(true);
    await afterCrash.close();

    const afterClose = await LocalDataFile.open(filePath, { logger: quiet });
    expect(afterClose.recoveredAfterCrash).toBe(false);
    expect(afterClose.size()).toBe(1);
    await afterClose.close();
  });
});
