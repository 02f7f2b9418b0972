import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulseAnswer } from '../../src/contracts/adoption.js';
import { weekPartitionKey } from '../../src/domain/iso-week.js';
import { PulseRepository } from '../../src/storage/pulse-repository.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../support/cosmos.js';

function answer(
  tenantId: string,
  week: string,
  userId: string,
  minutes: number,
  taskId = 'board-pack',
): PulseAnswer {
  return {
    id: `pulse:${userId}`,
    tenantId,
    pk: weekPartitionKey(tenantId, week),
    type: 'pulseAnswer',
    week,
    userId,
    departmentId: 'finance',
    taskId,
    minutes,
    aiHelped: minutes < 60,
    answeredAt: '2026-03-04T10:00:00.000Z',
  };
}

describe('PulseRepository against the embedded Cosmos server', () => {
  let store: EmbeddedDatabase;
  let pulses: PulseRepository;

  beforeAll(async () => {
    store = await startEmbeddedDatabase();
    pulses = new PulseRepository(store.container('activity'), {});
  });

  afterAll(async () => {
    await store?.close();
  });

  it('should keep one answer per person and week, the last one saved', async () => {
    await pulses.save(answer('t1', '2026-W10', 'u1', 90));
    await pulses.save(answer('t1', '2026-W10', 'u1', 40, 'client-update'));
    expect(await pulses.find('t1', '2026-W10', 'u1')).toMatchObject({
      minutes: 40,
      taskId: 'client-update',
    });
    expect(await pulses.listWeeks('t1', ['2026-W10'])).toHaveLength(1);
    expect(await pulses.find('t1', '2026-W11', 'u1')).toBeUndefined();
  });

  it('should list the answers of the weeks asked for, in one tenant only', async () => {
    await pulses.save(answer('t1', '2026-W10', 'u2', 75));
    await pulses.save(answer('t1', '2026-W11', 'u1', 30));
    await pulses.save(answer('t1', '2026-W12', 'u1', 20));
    await pulses.save(answer('t2', '2026-W11', 'u9', 10));

    const listed = await pulses.listWeeks('t1', ['2026-W11', '2026-W10']);
    expect(listed.map((entry) => `${entry.week}/${entry.userId}/${String(entry.minutes)}`)).toEqual(
      ['2026-W10/u1/40', '2026-W10/u2/75', '2026-W11/u1/30'],
    );
    expect(await pulses.listWeeks('t2', ['2026-W10', '2026-W11', '2026-W12'])).toEqual([
      answer('t2', '2026-W11', 'u9', 10),
    ]);
    expect(await pulses.listWeeks('t1', [])).toEqual([]);
    expect(await pulses.find('t2', '2026-W10', 'u1')).toBeUndefined();
  });

  it('should refuse an answer that breaks the contract', async () => {
    await expect(pulses.save(answer('t1', '2026-W10', 'u3', 0))).rejects.toMatchObject({
      kind: 'invalid',
    });
    expect(await pulses.find('t1', '2026-W10', 'u3')).toBeUndefined();
  });

  it('should refuse to read more than its bound rather than return a partial week', async () => {
    const bounded = new PulseRepository(store.container('activity'), { weekLimit: 1 });
    await expect(bounded.listWeeks('t1', ['2026-W10'])).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });
});
