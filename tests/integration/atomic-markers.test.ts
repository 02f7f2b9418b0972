import type { JSONObject } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActiveMarker } from '../../src/contracts/activity.js';
import { weekPartitionKey } from '../../src/domain/iso-week.js';
import { ActivityRepository } from '../../src/storage/activity-repository.js';
import { runTransactionalBatch } from '../../src/storage/transactional-batch.js';
import { defaultRetryPolicy } from '../../src/storage/throttle-retry.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../support/cosmos.js';

const tenantId = 'tenant-atomic';
const week = '2026-W10';
const pk = weekPartitionKey(tenantId, week);

function marker(userId: string, departmentId: string, eligible = true): ActiveMarker {
  return {
    id: `active:${userId}`,
    tenantId,
    pk,
    type: 'activeMarker',
    week,
    userId,
    departmentId,
    eligible,
    firstAt: '2026-03-03T09:00:00.000Z',
  };
}

describe('transactional batches on the embedded store', () => {
  let store: EmbeddedDatabase;

  beforeAll(async () => {
    store = await startEmbeddedDatabase();
  });

  afterAll(async () => {
    await store.close();
  });

  it('should apply nothing when one operation fails, and name that operation', async () => {
    const rollups = store.container('rollups');
    const doc = (id: string, value: number): JSONObject => ({
      id,
      pk: 'p1',
      tenantId,
      value,
    });
    await rollups.items.create(doc('existing', 1));
    const before = await rollups.item('existing', 'p1').read();

    const outcome = await runTransactionalBatch(
      rollups,
      'p1',
      [
        { operationType: 'Create', resourceBody: doc('new-one', 1) },
        {
          operationType: 'Patch',
          id: 'existing',
          resourceBody: { operations: [{ op: 'incr', path: '/value', value: 5 }] },
        },
        { operationType: 'Create', resourceBody: doc('existing', 9) },
      ],
      'test batch',
      defaultRetryPolicy,
    );

    expect(outcome).toEqual({ ok: false, failedIndex: 2, statusCode: 409 });
    expect((await rollups.item('new-one', 'p1').read()).statusCode).toBe(404);
    const after = await rollups.item('existing', 'p1').read();
    expect(after.resource).toMatchObject({ value: 1 });
    expect(after.etag).toBe(before.etag);
  });

  it('should apply every operation, patches included, when none fails', async () => {
    const rollups = store.container('rollups');
    const outcome = await runTransactionalBatch(
      rollups,
      'p2',
      [
        { operationType: 'Create', resourceBody: { id: 'a', pk: 'p2', tenantId, value: 1 } },
        {
          operationType: 'Patch',
          id: 'a',
          resourceBody: { operations: [{ op: 'incr', path: '/value', value: 2 }] },
        },
      ],
      'test batch',
      defaultRetryPolicy,
    );
    expect(outcome.ok).toBe(true);
    expect((await rollups.item('a', 'p2').read()).resource).toMatchObject({ value: 3 });
  });
});

describe('weekly markers counted with their department in one batch', () => {
  let store: EmbeddedDatabase;
  let activity: ActivityRepository;

  beforeAll(async () => {
    store = await startEmbeddedDatabase();
    activity = new ActivityRepository(store.container('activity'), store.container('rollups'), {});
  });

  afterAll(async () => {
    await store.close();
  });

  async function active(departmentId: string): Promise<number | undefined> {
    return (await activity.findDepartmentWeek(tenantId, pk, departmentId))?.active;
  }

  it('should count each eligible new person once, across batches larger than one transaction', async () => {
    const markers = Array.from({ length: 230 }, (_, index) =>
      marker(`u${String(index)}`, index % 3 === 0 ? 'sales' : 'legal', index % 10 !== 9),
    );
    const created = await activity.createMarkersCounted(markers);

    expect(created.every(Boolean)).toBe(true);
    const eligible = (departmentId: string): number =>
      markers.filter((entry) => entry.departmentId === departmentId && entry.eligible === true)
        .length;
    expect(await active('sales')).toBe(eligible('sales'));
    expect(await active('legal')).toBe(eligible('legal'));
    expect((await activity.listMarkers(tenantId, pk, 1_000)).length).toBe(230);
  });

  it('should count nothing again for markers sent again, alone or mixed with new ones', async () => {
    const salesBefore = await active('sales');
    const again = [marker('u0', 'sales'), marker('u3', 'sales'), marker('newcomer', 'sales')];
    const created = await activity.createMarkersCounted(again);

    expect(created).toEqual([false, false, true]);
    expect(await active('sales')).toBe((salesBefore ?? 0) + 1);
  });

  it('should count people once when two writers race for the same markers', async () => {
    const racing = Array.from({ length: 120 }, (_, index) =>
      marker(`racer${String(index)}`, 'ops'),
    );
    const [first, second] = await Promise.all([
      activity.createMarkersCounted(racing),
      activity.createMarkersCounted([...racing].reverse()),
    ]);

    const createdTwice = racing.filter(
      (_, index) => first?.[index] === true && second?.[racing.length - 1 - index] === true,
    );
    expect(createdTwice).toEqual([]);
    expect(await active('ops')).toBe(120);
  });
});
