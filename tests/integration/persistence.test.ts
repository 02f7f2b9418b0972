import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/contracts/people.js';
import { openStorage } from '../../src/storage/storage.js';
import { makeDataDir } from '../support/app.js';

const quiet = { info: () => undefined, error: () => undefined };
const settings = {
  endpoint: undefined,
  key: undefined,
  databaseId: 'lastmile',
  endpointDiscovery: false,
  managedIdentityClientId: undefined,
};

const person = (id: string, upn: string): Person => ({
  id,
  tenantId: 'acme',
  type: 'person',
  upn,
  displayName: `Person ${id}`,
  departmentId: 'sales',
  jobFamilyId: 'sellers',
  role: 'member',
  eligible: true,
  createdAt: '2026-11-26T09:00:00.000Z',
  updatedAt: '2026-11-26T09:00:00.000Z',
});

describe('the embedded store across restarts', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('should keep created, edited and deleted documents after close and a new start', async () => {
    const dataDir = await makeDataDir();
    folders.push(dataDir);

    const first = await openStorage(settings, { dataDir, logger: quiet });
    expect(first.mode).toBe('embedded');
    const created = await first.people.create(person('p1', 'one@acme.example'));
    await first.people.create(person('p2', 'two@acme.example'));
    await first.people.replace({ ...created.value, displayName: 'Renamed' }, created.etag);
    await first.people.createMany([person('p3', 'three@acme.example')]);
    await first.close();

    const second = await openStorage(settings, { dataDir, logger: quiet });
    try {
      expect((await second.people.findById('acme', 'p1'))?.value.displayName).toBe('Renamed');
      expect((await second.people.findByUpn('acme', 'three@acme.example'))?.value.id).toBe('p3');
      expect(await second.people.count('acme')).toBe(3);
      // Edits after a restart still use ETags from the new store.
      const reread = await second.people.findById('acme', 'p2');
      if (reread === undefined) throw new Error('p2 is missing');
      await second.people.replace({ ...reread.value, eligible: false }, reread.etag);
    } finally {
      await second.close();
    }

    const third = await openStorage(settings, { dataDir, logger: quiet });
    try {
      expect((await third.people.findById('acme', 'p2'))?.value.eligible).toBe(false);
    } finally {
      await third.close();
    }
  });
});
