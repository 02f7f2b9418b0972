import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scoreboard, scoreboardSchema } from '../../src/contracts/adoption.js';
import {
  erasedDisplayName,
  type ErasureReport,
  erasureReportSchema,
  offboardingReportSchema,
  retentionRunSchema,
  retentionStatusSchema,
} from '../../src/contracts/data-rights.js';
import { peoplePageSchema } from '../../src/contracts/people.js';
import { demoFixedPeople } from '../../src/domain/demo-tenant.js';
import { retentionKeepFromWeek } from '../../src/domain/data-retention.js';
import { isoWeekOf, weekStart } from '../../src/domain/iso-week.js';
import { RollupRecompute } from '../../src/services/rollup-recompute.js';
import { ActivityRepository } from '../../src/storage/activity-repository.js';
import { containerNames } from '../../src/storage/containers.js';
import { createCosmosClient } from '../../src/storage/cosmos-connection.js';
import { DataRightsRepository } from '../../src/storage/data-rights-repository.js';
import { PeopleRepository } from '../../src/storage/people-repository.js';
import { localDataFileName } from '../../src/storage/storage.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { devHeaders, type JsonResponse, request } from '../support/http.js';

const quiet = { LASTMILE_RATE_LIMITS: 'off', LASTMILE_DELIVERY_WORKER: 'false' };
const admin = 'person-748@demo.example';
const champion = demoFixedPeople.champion.upn;
/** A lead with records of almost every kind in the demo program. */
const subject = {
  upn: 'person-375@demo.example',
  id: '00000000-0000-4000-8000-000000000375',
  name: 'Pavel Jensen',
};
const otherTenant = 'contoso';
const otherMember = 'ana@contoso.example';

type Json = Record<string, unknown>;

/** The app's embedded store, read through the real SDK beside the app. */
interface StoreReader {
  readonly embeddedEndpointFor: (endpoint: string) => string;
  /** Every document of the tenant, in every container, as raw JSON. */
  tenantDocuments(tenantId: string): Promise<{ container: string; document: Json }[]>;
  recompute(): RollupRecompute;
  close(): void;
}

function storeReader(): StoreReader {
  let client: ReturnType<typeof createCosmosClient> | undefined;
  const database = () => {
    if (client === undefined) throw new Error('the app was not started with this reader');
    return client.database('lastmile');
  };
  return {
    embeddedEndpointFor(endpoint) {
      client?.dispose();
      client = createCosmosClient({ kind: 'embedded', endpoint });
      return endpoint;
    },
    async tenantDocuments(tenantId) {
      const found: { container: string; document: Json }[] = [];
      for (const name of containerNames) {
        const iterator = database()
          .container(name)
          .items.query<Json>(
            {
              query: 'SELECT * FROM c WHERE c.tenantId = @t',
              parameters: [{ name: '@t', value: tenantId }],
            },
            { maxItemCount: 5_000 },
          );
        for (let page = 0; page < 1_000 && iterator.hasMoreResults(); page += 1) {
          const { resources } = await iterator.fetchNext();
          for (const document of resources) found.push({ container: name, document });
        }
      }
      return found;
    },
    recompute() {
      const container = (name: (typeof containerNames)[number]) => database().container(name);
      return new RollupRecompute({
        activity: new ActivityRepository(container('activity'), container('rollups'), {}),
        people: new PeopleRepository(container('people'), {}),
        dataRights: new DataRightsRepository(container, {}),
      });
    },
    close() {
      client?.dispose();
    },
  };
}

function naming(documents: readonly { container: string; document: Json }[]): string[] {
  const needles = [subject.id, subject.upn, subject.name].map((text) => text.toLowerCase());
  return documents
    .filter(({ document }) => {
      const text = JSON.stringify(document).toLowerCase();
      return needles.some((needle) => text.includes(needle));
    })
    .map(
      ({ container, document }) =>
        `${container}/${String(document['type'])}/${String(document['id'])}`,
    );
}

function send(
  app: TestApp,
  user: string,
  method: string,
  route: string,
  body?: unknown,
  tenant?: string,
): Promise<JsonResponse> {
  return request(app.url, route, {
    method,
    headers: devHeaders(user, tenant),
    ...(body === undefined ? {} : { body }),
  });
}

async function scoreboardOf(app: TestApp, weeks: number): Promise<Scoreboard> {
  const response = await send(app, champion, 'GET', `/api/scoreboard?weeks=${String(weeks)}`);
  expect(response.status).toBe(200);
  return scoreboardSchema.parse(response.body);
}

/** The scoreboard's figures: what an erasure must leave as they were (leads may change). */
function figuresOf(board: Scoreboard): unknown {
  return {
    weeks: board.weeks,
    overall: board.overall,
    tiles: board.tiles,
    departments: board.departments.map(({ leads: _leads, ...figures }) => figures),
  };
}

describe('erasing a person on request', () => {
  const reader = storeReader();
  let app: TestApp;
  let dryRun: ErasureReport;
  let erased: ErasureReport;
  let boardBefore: Scoreboard;
  const erasure = { upn: subject.upn };

  beforeAll(async () => {
    app = await startTestApp(quiet, { embeddedEndpointFor: reader.embeddedEndpointFor });
    // Records of the kinds the demo program does not give them: a learning set-up, a rating,
    // a suggested improvement and a proposed prompt.
    const writes = [
      await send(app, subject.upn, 'PUT', '/api/me/learning', {
        jobFamilyId: 'analysis',
        departmentId: 'financial-advisory',
        lessonDay: 'tuesday',
        lessonTime: '10:00',
        timeZone: 'UTC',
      }),
      await send(app, subject.upn, 'POST', '/api/improvements', {
        title: 'Share the variance prompt with the audit team',
        detail: 'It saves an hour on each month-end pack.',
      }),
      await send(app, subject.upn, 'POST', '/api/prompts', {
        title: 'Variance commentary draft',
        body: 'Draft commentary on the variances in {{report}}, three bullets per line item.',
        variables: [{ name: 'report', description: 'The month-end report' }],
      }),
    ];
    const prompts = await send(app, subject.upn, 'GET', '/api/prompts?status=published&limit=1');
    const promptId = (prompts.body as { items: { id: string }[] }).items[0]?.id ?? '';
    writes.push(
      await send(app, subject.upn, 'POST', `/api/prompts/${promptId}/ratings`, { value: 'up' }),
    );
    expect(writes.map((response) => response.status < 300)).toEqual([true, true, true, true]);
  });

  afterAll(async () => {
    reader.close();
    await app.dispose();
  });

  it('should refuse members, leads and champions with 403', async () => {
    for (const user of [demoFixedPeople.member.upn, demoFixedPeople.lead.upn, champion]) {
      const erase = await send(app, user, 'POST', '/api/data-rights/erasures?dryRun=true', erasure);
      const offboard = await send(app, user, 'POST', '/api/data-rights/offboarding', {
        confirmTenantId: 'demo',
      });
      const retention = await send(app, user, 'POST', '/api/data-rights/retention-runs');
      expect([erase.status, offboard.status, retention.status]).toEqual([403, 403, 403]);
      expect(erase.contentType).toContain('application/problem+json');
    }
  });

  it('should refuse a request naming nobody, or both an id and a UPN, naming the field', async () => {
    const both = await send(app, admin, 'POST', '/api/data-rights/erasures', {
      userId: subject.id,
      upn: subject.upn,
    });
    const unknown = await send(app, admin, 'POST', '/api/data-rights/erasures', {
      upn: 'nobody@demo.example',
    });
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({ errors: [{ field: 'userId' }] });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ errors: [{ field: 'upn' }] });
  });

  it('should report in a dry run what would change, and change nothing', async () => {
    // The audit trail records the request itself; the person's data is what must not change.
    const data = async (): Promise<{ container: string; document: Json }[]> =>
      (await reader.tenantDocuments('demo')).filter(
        ({ document }) => document['type'] !== 'auditEntry',
      );
    const before = await data();
    const response = await send(
      app,
      admin,
      'POST',
      '/api/data-rights/erasures?dryRun=true',
      erasure,
    );
    expect(response.status).toBe(200);
    dryRun = erasureReportSchema.parse(response.body);
    const after = await data();

    expect(after).toEqual(before);
    expect(dryRun).toMatchObject({ dryRun: true, onRoster: true });
    expect(dryRun.deleted).toMatchObject({
      person: 1,
      learnerProfile: 1,
      promptRating: 1,
      lessonCompletion: 1,
      delivery: 1,
    });
    for (const type of ['usageEvent', 'activeMarker', 'pulseAnswer']) {
      expect(dryRun.deleted[type], type).toBeGreaterThan(0);
    }
    expect(dryRun.scrubbed).toMatchObject({
      practiceSession: 8,
      improvement: 1,
      promptVersion: 1,
      departmentRoster: 1,
    });
    for (const type of ['prompt', 'flag']) {
      expect(dryRun.scrubbed[type], type).toBeGreaterThan(0);
    }
    // The records the dry run counts are the ones that name the person now.
    const named = naming(before).length;
    expect(dryRun.totals.deleted + dryRun.totals.scrubbed).toBe(named);
  });

  it('should delete their records, scrub shared ones, and leave no document naming them', async () => {
    boardBefore = await scoreboardOf(app, 8);
    const response = await send(app, admin, 'POST', '/api/data-rights/erasures', erasure);
    expect(response.status).toBe(200);
    erased = erasureReportSchema.parse(response.body);
    expect(erased.dryRun).toBe(false);
    expect(erased.deleted).toEqual(dryRun.deleted);
    expect(erased.scrubbed).toEqual(dryRun.scrubbed);
    expect(erased.placeholder.userId).toMatch(/^erased:[0-9a-f]{16}$/);
    expect(erased.notes.join(' ')).toContain('Free text');

    expect(naming(await reader.tenantDocuments('demo'))).toEqual([]);
  });

  it('should keep the shared records, naming a former colleague instead', async () => {
    const documents = (await reader.tenantDocuments('demo')).map(({ document }) => document);
    const practice = documents.filter(
      (document) =>
        document['type'] === 'practiceSession' &&
        document['startedBy'] === erased.placeholder.userId,
    );
    expect(practice).toHaveLength(8);
    expect(practice.every((session) => session['startedByName'] === erasedDisplayName)).toBe(true);
    const owned = documents.find(
      (document) =>
        document['type'] === 'prompt' && document['ownerId'] === erased.placeholder.userId,
    );
    const shown = await send(app, champion, 'GET', `/api/prompts/${String(owned?.['id'])}`);
    expect(shown.body).toMatchObject({ ownerName: erasedDisplayName });
    const listed = await send(app, champion, 'GET', '/api/prompts?limit=100&status=published');
    expect(JSON.stringify(listed.body)).not.toContain(subject.name);
  });

  it('should take them off the roster and leave the scoreboard figures as they were', async () => {
    const people = await send(app, admin, 'GET', '/api/people?q=jensen&limit=50');
    expect(people.status).toBe(200);
    const upns = peoplePageSchema.parse(people.body).items.map((person) => person.upn);
    expect(upns).not.toContain(subject.upn);
    const boardAfter = await scoreboardOf(app, 8);
    expect(figuresOf(boardAfter)).toEqual(figuresOf(boardBefore));
  });

  it('should leave a recompute of the rollups with nothing to repair', async () => {
    const report = await reader
      .recompute()
      .run(['demo'], { now: new Date(), weeks: 9, repair: false });
    expect(report.erasedActive).toBe(erased.deleted['activeMarker']);
    expect(report.differences).toEqual([]);
  });

  it('should answer a second erasure by id with nothing left to do', async () => {
    const response = await send(app, admin, 'POST', '/api/data-rights/erasures', {
      userId: subject.id,
    });
    expect(response.status).toBe(200);
    expect(erasureReportSchema.parse(response.body)).toMatchObject({
      onRoster: false,
      totals: { deleted: 0, scrubbed: 0 },
    });
  });

  it('should not bring the erased data back when the app restarts on the same data', async () => {
    await app.close();
    const text = await readFile(path.join(app.dataDir, localDataFileName), 'utf8');
    for (const needle of [subject.id, subject.upn, subject.name]) {
      expect(text.toLowerCase().includes(needle.toLowerCase()), needle).toBe(false);
    }
    app = await startTestApp(quiet, {
      dataDir: app.dataDir,
      embeddedEndpointFor: reader.embeddedEndpointFor,
    });
    expect(naming(await reader.tenantDocuments('demo'))).toEqual([]);
    const people = await send(app, admin, 'GET', '/api/people?q=jensen&limit=50');
    expect(JSON.stringify(people.body)).not.toContain(subject.upn);
    await app.close();
    await rm(app.dataDir, { recursive: true, force: true });
  });
});

describe('offboarding a tenant', () => {
  const reader = storeReader();
  let app: TestApp;
  let otherBefore: { container: string; document: Json }[];
  let demoCount: number;

  beforeAll(async () => {
    app = await startTestApp(quiet, { embeddedEndpointFor: reader.embeddedEndpointFor });
    const writes = [
      await send(
        app,
        otherMember,
        'POST',
        '/api/prompts',
        {
          title: 'Contoso weekly summary',
          body: 'Summarise this week of {{team}} work in five bullet points for the directors.',
          variables: [{ name: 'team', description: 'The team' }],
        },
        otherTenant,
      ),
      await send(
        app,
        otherMember,
        'POST',
        '/api/improvements',
        {
          title: 'Connect the summary prompt to the ticket system',
          detail: 'Copying tickets by hand takes ten minutes.',
        },
        otherTenant,
      ),
    ];
    expect(writes.map((response) => response.status)).toEqual([201, 201]);
    otherBefore = await reader.tenantDocuments(otherTenant);
    demoCount = (await reader.tenantDocuments('demo')).length;
  });

  afterAll(async () => {
    reader.close();
    await app.dispose();
  });

  it('should refuse a confirmation that is not the caller’s tenant with 422 naming the field', async () => {
    const wrong = await send(app, admin, 'POST', '/api/data-rights/offboarding', {
      confirmTenantId: otherTenant,
    });
    const missing = await send(app, admin, 'POST', '/api/data-rights/offboarding', {});
    expect(wrong.status).toBe(422);
    expect(wrong.contentType).toContain('application/problem+json');
    expect(wrong.body).toMatchObject({ errors: [{ field: 'confirmTenantId' }] });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ errors: [{ field: 'confirmTenantId' }] });
    expect((await reader.tenantDocuments('demo')).length).toBe(demoCount);
  });

  it('should delete every document of the tenant and nothing of another', async () => {
    expect(demoCount).toBeGreaterThan(10_000);
    const response = await send(app, admin, 'POST', '/api/data-rights/offboarding', {
      confirmTenantId: 'demo',
    });
    expect(response.status).toBe(200);
    const report = offboardingReportSchema.parse(response.body);
    expect(report.total).toBe(demoCount);
    for (const name of containerNames) expect(report.deleted[name], name).toBeGreaterThan(0);

    expect(await reader.tenantDocuments('demo')).toEqual([]);
    expect(await reader.tenantDocuments(otherTenant)).toEqual(otherBefore);
  });

  it('should show the offboarded tenant’s callers an empty program, and nothing seeds it again', async () => {
    const program = await send(app, champion, 'GET', '/api/program');
    expect(program.body).toMatchObject({ departments: [], jobFamilies: [], headcount: 0 });
    expect((program.body as { settings?: unknown }).settings).toBeUndefined();
    const prompts = await send(app, champion, 'GET', '/api/prompts');
    expect(prompts.body).toMatchObject({ items: [] });
    const me = await send(app, champion, 'GET', '/api/me');
    expect(me.body).toMatchObject({ roles: ['member'] });
    const flags = await send(app, champion, 'GET', '/api/flags');
    expect(flags.body).toMatchObject({ items: [] });
    expect(await reader.tenantDocuments('demo')).toEqual([]);

    const theirs = await send(
      app,
      otherMember,
      'GET',
      '/api/prompts?status=in-review',
      undefined,
      otherTenant,
    );
    expect(JSON.stringify(theirs.body)).toContain('Contoso weekly summary');
  });
});

describe('retention of raw usage events, with rollups kept', () => {
  const reader = storeReader();
  const retentionDays = 14;
  const now = new Date();
  const keepFromWeek = retentionKeepFromWeek(now, retentionDays);
  let app: TestApp;
  let boardBefore: Scoreboard;

  const eventsByWeek = async (): Promise<Map<string, number>> => {
    const counts = new Map<string, number>();
    for (const { document } of await reader.tenantDocuments('demo')) {
      if (document['type'] !== 'usageEvent') continue;
      const week = String(document['week']);
      counts.set(week, (counts.get(week) ?? 0) + 1);
    }
    return counts;
  };

  beforeAll(async () => {
    app = await startTestApp(
      { ...quiet, LASTMILE_RAW_EVENT_RETENTION_DAYS: String(retentionDays) },
      { embeddedEndpointFor: reader.embeddedEndpointFor },
    );
  });

  afterAll(async () => {
    reader.close();
    await app.dispose();
  });

  it('should remove raw events of weeks past the retention and answer the same scoreboard', async () => {
    boardBefore = await scoreboardOf(app, 10);
    const before = await eventsByWeek();
    const expired = [...before].filter(([week]) => week < keepFromWeek);
    expect(expired.length).toBeGreaterThanOrEqual(5);

    // The seeded store has run the default retention (400 days) already, which removed nothing.
    const status = retentionStatusSchema.parse(
      (await send(app, admin, 'GET', '/api/data-rights/retention')).body,
    );
    expect(status).toMatchObject({ retentionDays, keepFromWeek });
    expect((status.purgedBefore ?? '') < keepFromWeek).toBe(true);
    const response = await send(app, admin, 'POST', '/api/data-rights/retention-runs');
    expect(response.status).toBe(200);
    const run = retentionRunSchema.parse(response.body);
    expect(run.deleted).toBe(expired.reduce((sum, [, count]) => sum + count, 0));

    const after = await eventsByWeek();
    expect([...after.keys()].filter((week) => week < keepFromWeek)).toEqual([]);
    expect([...after].sort()).toEqual([...before].filter(([week]) => week >= keepFromWeek).sort());
    expect(await scoreboardOf(app, 10)).toEqual(boardBefore);
    const later = await send(app, admin, 'GET', '/api/data-rights/retention');
    expect(retentionStatusSchema.parse(later.body).purgedBefore).toBe(keepFromWeek);
  });

  it('should keep a recompute with repair from zeroing the purged weeks, and say it skipped them', async () => {
    const report = await reader.recompute().run(['demo'], { now, weeks: 10, repair: true });
    expect(report.skippedWeeks).toBeGreaterThanOrEqual(5);
    expect(report.skipped).toEqual([
      expect.objectContaining({ tenantId: 'demo', purgedBefore: keepFromWeek }),
    ]);
    expect(report.differences).toEqual([]);
    expect(await scoreboardOf(app, 10)).toEqual(boardBefore);
  });

  it('should count a late event older than the retention once, then remove its raw copy', async () => {
    const lateWeek = boardBefore.weeks[2] ?? '';
    expect(lateWeek < keepFromWeek).toBe(true);
    const documents = (await reader.tenantDocuments('demo')).map(({ document }) => document);
    const activeThen = new Set(
      documents
        .filter((document) => document['type'] === 'activeMarker' && document['week'] === lateWeek)
        .map((document) => document['userId']),
    );
    const person = documents.find(
      (document) =>
        document['type'] === 'person' &&
        document['eligible'] === true &&
        document['departmentId'] === 'strategy-consulting' &&
        !activeThen.has(document['id']),
    );
    const event = {
      id: 'late-import-1',
      upn: String(person?.['upn']),
      occurredAt: new Date(weekStart(lateWeek).getTime() + 2 * 86_400_000).toISOString(),
      source: 'api',
    };
    const overallThen = boardBefore.overall.active[2] ?? 0;

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const ingested = await send(app, admin, 'POST', '/api/usage-events', { events: [event] });
      expect(ingested.body).toMatchObject({ accepted: 1, rejected: [] });
      const run = await send(app, admin, 'POST', '/api/data-rights/retention-runs');
      expect(retentionRunSchema.parse(run.body).deleted).toBe(1);
      const board = await scoreboardOf(app, 10);
      expect(board.weeks[2]).toBe(lateWeek);
      expect(board.overall.active[2]).toBe(overallThen + 1);
    }
    expect(isoWeekOf(new Date(event.occurredAt))).toBe(lateWeek);
  });

  it('should run by itself when the instance runs background work', async () => {
    const worker = await startTestApp({
      LASTMILE_RATE_LIMITS: 'off',
      LASTMILE_RAW_EVENT_RETENTION_DAYS: String(retentionDays),
    });
    try {
      let purgedBefore: string | undefined;
      for (let attempt = 0; attempt < 60 && purgedBefore !== keepFromWeek; attempt += 1) {
        const status = await send(worker, admin, 'GET', '/api/data-rights/retention');
        purgedBefore = retentionStatusSchema.parse(status.body).purgedBefore;
        if (purgedBefore !== keepFromWeek) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(purgedBefore).toBe(keepFromWeek);
    } finally {
      await worker.dispose();
    }
  });
});
