import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/services/caller.js';
import { PromptSearchIndex } from '../../src/services/prompt-search-index.js';
import { PromptService } from '../../src/services/prompt-service.js';
import { UsageIngest } from '../../src/services/usage-ingest.js';
import { UsageRecorder } from '../../src/services/usage-recorder.js';
import { openStorage, type Storage } from '../../src/storage/storage.js';
import { makeDataDir } from '../support/app.js';

const quiet = { info: () => undefined, error: () => undefined };
const champion: Caller = {
  identity: {
    tenantId: 'acme',
    userId: 'champ',
    roles: ['member', 'champion'],
    displayName: 'Cham Pion',
  },
  departmentId: 'sales',
};
const seller = (userId: string): Caller => ({
  identity: { tenantId: 'acme', userId, roles: ['member'] },
  jobFamilyId: 'sellers',
  departmentId: 'sales',
});

const content = (title: string, body: string) => ({
  title,
  body,
  variables: [],
  jobFamilyIds: ['sellers'],
  taskIds: [],
  tags: [],
});

describe('the library services on the embedded store', () => {
  let dataDir: string;
  let storage: Storage;
  let clock = 0;

  const service = (): { prompts: PromptService; index: PromptSearchIndex } => {
    const index = new PromptSearchIndex(storage, { refreshIntervalMs: 1000, clock: () => clock });
    const prompts = new PromptService(
      {
        prompts: storage.prompts,
        mappedTasks: { taskIdsOf: () => Promise.resolve(new Set<string>()) },
      },
      {
        index,
        usage: new UsageRecorder({
          people: storage.people,
          ingest: new UsageIngest(storage, {
            now: () => new Date('2026-11-26T10:00:00Z'),
            rosterSnapshotMs: 60_000,
            clock: Date.now,
          }),
        }),
        newId: randomUUID,
        now: () => new Date('2026-11-26T10:00:00Z'),
      },
    );
    return { prompts, index };
  };

  beforeAll(async () => {
    dataDir = await makeDataDir();
    storage = await openStorage(
      {
        endpoint: undefined,
        key: undefined,
        databaseId: 'lastmile',
        endpointDiscovery: false,
        managedIdentityClientId: undefined,
      },
      { dataDir, logger: quiet },
    );
  });

  afterAll(async () => {
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should let a second instance find a prompt the first one published, after its refresh interval', async () => {
    const one = service();
    const two = service();
    expect(
      (await two.prompts.searchPublished(seller('s1'), { text: 'quarterly', skip: 0, count: 5 }))
        .items,
    ).toEqual([]);

    await one.prompts.create(
      champion,
      {
        ...content(
          'Quarterly business review deck',
          'Draft a quarterly business review outline for the account.',
        ),
        submit: true,
      },
      { status: 'published' },
    );
    expect(
      (await one.prompts.searchPublished(seller('s1'), { text: 'quarterly', skip: 0, count: 5 }))
        .items,
    ).toHaveLength(1);

    clock += 1500;
    await two.prompts.searchPublished(seller('s1'), { text: 'quarterly', skip: 0, count: 5 });
    await two.index.settled('acme');
    const seen = await two.prompts.searchPublished(seller('s1'), {
      text: 'quarterly',
      skip: 0,
      count: 5,
    });
    expect(seen.items.map((prompt) => prompt.title)).toEqual(['Quarterly business review deck']);
  });

  it('should count an insertion once per event id and an eligible person active once a week', async () => {
    const { prompts } = service();
    const created = await prompts.create(
      champion,
      {
        ...content(
          'Follow-up email after a demo',
          'Write a short follow-up email after the product demo.',
        ),
        submit: true,
      },
      { status: 'published' },
    );
    // Usage counts against eligible people on the roster; s3 has no licence yet.
    await storage.people.createMany(
      ['s2', 's3', 's4'].map((id) => ({
        id,
        tenantId: 'acme',
        type: 'person' as const,
        upn: `${id}@acme.example`,
        displayName: `Seller ${id}`,
        departmentId: 'sales',
        jobFamilyId: 'sellers',
        role: 'member' as const,
        eligible: id !== 's3',
        createdAt: '2026-11-20T09:00:00.000Z',
        updatedAt: '2026-11-20T09:00:00.000Z',
      })),
    );
    const occurredAt = new Date('2026-11-25T09:00:00Z');
    const first = await prompts.recordUse(seller('s2'), created.id, {
      eventId: 'activity-1',
      occurredAt,
      kind: 'insert',
    });
    const replay = await prompts.recordUse(seller('s2'), created.id, {
      eventId: 'activity-1',
      occurredAt,
      kind: 'insert',
    });
    const second = await prompts.recordUse(seller('s2'), created.id, {
      eventId: 'activity-2',
      occurredAt,
      kind: 'insert',
    });
    await prompts.recordUse(seller('s3'), created.id, {
      eventId: 'activity-3',
      occurredAt,
      kind: 'insert',
    });
    await prompts.recordUse(seller('s4'), created.id, {
      eventId: 'activity-4',
      occurredAt,
      kind: 'insert',
    });
    expect([first.recorded, replay.recorded, second.recorded]).toEqual([true, false, true]);

    expect((await prompts.get(champion, created.id)).usageCount).toBe(4);
    expect(await storage.activity.countEvents('acme', 'acme:2026-W48')).toBe(4);
    const rollup = await storage.activity.findDepartmentWeek('acme', 'acme:2026-W48', 'sales');
    expect(rollup?.active).toBe(2);
  });
});
