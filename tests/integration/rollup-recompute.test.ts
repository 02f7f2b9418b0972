import { execFile } from 'node:child_process';
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoTenantId } from '../../src/domain/demo-tenant.js';
import { isoWeekOf, weekPartitionKey } from '../../src/domain/iso-week.js';
import { RollupRecompute } from '../../src/services/rollup-recompute.js';
import { localDataFileName, openStorage, type Storage } from '../../src/storage/storage.js';
import { makeDataDir } from '../support/app.js';

const quiet = { info: () => undefined, error: () => undefined };
const settings = {
  endpoint: undefined,
  key: undefined,
  databaseId: 'lastmile',
  endpointDiscovery: false,
  managedIdentityClientId: undefined,
};
const run = promisify(execFile);

describe('rebuilding the weekly rollups from raw usage events', () => {
  let dataDir: string;
  let storage: Storage;
  const now = new Date();
  const week = isoWeekOf(now);
  const pk = weekPartitionKey(demoTenantId, week);

  beforeAll(async () => {
    dataDir = await makeDataDir();
    await copyFile(inject('seededDataFile'), path.join(dataDir, localDataFileName));
    storage = await openStorage(settings, { dataDir, logger: quiet });
  });

  afterAll(async () => {
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should find the demo program’s rollups equal to a recount of its events', async () => {
    const report = await new RollupRecompute(storage).run([demoTenantId], {
      now,
      weeks: 9,
      repair: false,
    });
    expect(report.events).toBeGreaterThan(3000);
    expect(report.activePeople).toBeGreaterThan(2500);
    expect(report.missingMarkers).toBe(0);
    expect(report.differences).toEqual([]);
  });

  it('should report a damaged rollup and a lost marker, and repair both', async () => {
    const rollups = await storage.activity.listDepartmentWeeks(demoTenantId, pk);
    const target = rollups.find((rollup) => rollup.departmentId === 'strategy-consulting');
    if (target === undefined) throw new Error('the demo has no strategy consulting rollup');
    await storage.activity.saveDepartmentWeek({ ...target, active: target.active + 7 });
    const markers = await storage.activity.listMarkers(demoTenantId, pk, 10_000, 'people-talent');
    const lost = markers.find((marker) => marker.eligible === true);
    if (lost === undefined) throw new Error('the demo has no active people in People and Talent');
    await storage.activity.deleteMarker(demoTenantId, pk, lost.id);

    const recompute = new RollupRecompute(storage);
    const found = await recompute.run([demoTenantId], { now, weeks: 2, repair: false });
    expect(found.missingMarkers).toBe(1);
    expect(found.differences).toEqual([
      {
        tenantId: demoTenantId,
        week,
        departmentId: 'strategy-consulting',
        stored: target.active + 7,
        computed: target.active,
      },
    ]);

    const repaired = await recompute.run([demoTenantId], { now, weeks: 2, repair: true });
    expect(repaired.repaired).toBe(true);
    const again = await recompute.run([demoTenantId], { now, weeks: 2, repair: false });
    expect(again).toMatchObject({ missingMarkers: 0, differences: [] });
    const fixed = await storage.activity.listDepartmentWeeks(demoTenantId, pk);
    expect(fixed.find((rollup) => rollup.departmentId === 'strategy-consulting')?.active).toBe(
      target.active,
    );
  });

  it('should run as `npm run recompute` and print one JSON report', async () => {
    const folder = await makeDataDir();
    try {
      await copyFile(inject('seededDataFile'), path.join(folder, localDataFileName));
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', 'src/main-recompute.ts', '--tenant', demoTenantId, '--weeks', '9'],
        {
          env: { ...process.env, NODE_ENV: 'test', LASTMILE_DATA_DIR: folder, LOG_LEVEL: 'silent' },
          timeout: 120_000,
        },
      );
      const report = JSON.parse(stdout.trim()) as { tenants: number; differences: unknown[] };
      expect(report).toMatchObject({ tenants: 1, weeks: 9, differences: [], repaired: false });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
