import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createdApiKeySchema, ingestResultSchema } from '../../src/contracts/adoption.js';
import {
  apiKeyListSchema,
  copilotReportStatusSchema,
  usageCsvImportResultSchema,
} from '../../src/contracts/usage-data.js';
import { demoAdminUpn } from '../../src/domain/demo-tenant.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { devHeaders, request } from '../support/http.js';

const admin = devHeaders(demoAdminUpn);
const champion = devHeaders('champion@demo.example');
const member = devHeaders('member@demo.example');

/** A time this week (yesterday at the latest), inside the ingest's accepted window. */
const recently = (hoursAgo: number): string =>
  new Date(Date.now() - hoursAgo * 3_600_000).toISOString();

describe('API keys for the usage ingest API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.dispose();
  });

  async function createKey(name: string): Promise<{ id: string; key: string }> {
    const created = await request(app.url, '/api/api-keys', {
      method: 'POST',
      headers: admin,
      body: { name },
    });
    expect(created.status).toBe(201);
    return createdApiKeySchema.parse(created.body);
  }

  const ingestWithKey = (key: string, events: unknown[]) =>
    request(app.url, '/api/usage-events', {
      method: 'POST',
      headers: { 'x-api-key': key },
      body: { events },
    });

  it('should show a new key once, then list it by name and prefix only', async () => {
    const created = await request(app.url, '/api/api-keys', {
      method: 'POST',
      headers: admin,
      body: { name: 'Data warehouse' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const key = createdApiKeySchema.parse(created.body);
    expect(key.key.startsWith(`${key.prefix}.`)).toBe(true);

    const listed = await request(app.url, '/api/api-keys', { headers: admin });
    expect(listed.status).toBe(200);
    const item = apiKeyListSchema.parse(listed.body).items.find((entry) => entry.id === key.id);
    expect(item).toMatchObject({
      name: 'Data warehouse',
      prefix: key.prefix,
      createdBy: expect.any(String),
    });
    expect(listed.text).not.toContain(key.key.split('.')[3]);
    expect(listed.text).not.toContain('secretHash');
  });

  it('should accept usage events sent with a key, once', async () => {
    const { key } = await createKey('Ingest');
    const events = [
      {
        id: 'usage-keys-1',
        upn: 'member@demo.example',
        occurredAt: recently(2),
        source: 'chatgpt',
        tool: 'ChatGPT',
      },
      {
        id: 'usage-keys-2',
        upn: 'nobody@demo.example',
        occurredAt: recently(2),
        source: 'chatgpt',
      },
    ];
    const first = await ingestWithKey(key, events);
    expect(first.status).toBe(202);
    const result = ingestResultSchema.parse(first.body);
    expect(result.accepted).toBe(1);
    expect(result.rejected).toEqual([{ index: 1, reason: expect.stringMatching(/roster/) }]);
    const again = ingestResultSchema.parse((await ingestWithKey(key, events)).body);
    expect(again).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('should refuse a wrong, malformed or revoked key with 401 problem+json', async () => {
    const { id, key } = await createKey('Short-lived');
    const event = {
      id: 'usage-keys-3',
      upn: 'member@demo.example',
      occurredAt: recently(1),
      source: 'api',
    };
    const [scheme, keyId, tenant, secret] = key.split('.') as [string, string, string, string];
    const wrongSecret = `${scheme}.${keyId}.${tenant}.${secret.slice(1)}A`;
    for (const bad of [wrongSecret, 'not-a-key', `${scheme}.${keyId}.${tenant}`]) {
      const refused = await ingestWithKey(bad, [event]);
      expect(refused.status, bad).toBe(401);
      expect(refused.contentType).toMatch(/application\/problem\+json/);
    }
    expect((await ingestWithKey(key, [event])).status).toBe(202);

    const revoked = await request(app.url, `/api/api-keys/${id}`, {
      method: 'DELETE',
      headers: admin,
    });
    expect(revoked.status).toBe(200);
    expect((revoked.body as { revokedAt?: string }).revokedAt).toEqual(expect.any(String));
    const after = await ingestWithKey(key, [event]);
    expect(after.status).toBe(401);
    expect((after.body as { detail: string }).detail).toMatch(/revoked/);
  });

  it('should not let a key do anything but send usage, even where no header means the demo champion', async () => {
    const { key } = await createKey('Narrow');
    const prompts = await request(app.url, '/api/prompts', { headers: { 'x-api-key': key } });
    expect(prompts.status).toBe(401);
    const keys = await request(app.url, '/api/api-keys', {
      method: 'POST',
      headers: { 'x-api-key': key },
      body: { name: 'Another' },
    });
    expect(keys.status).toBe(401);
    const withDevHeaders = await request(app.url, '/api/me', {
      headers: { ...champion, 'x-api-key': key },
    });
    expect(withDevHeaders.status).toBe(401);
  });

  it('should let only admins manage keys', async () => {
    for (const headers of [member, champion]) {
      expect(
        (await request(app.url, '/api/api-keys', { method: 'POST', headers, body: { name: 'x' } }))
          .status,
      ).toBe(403);
      expect((await request(app.url, '/api/api-keys', { headers })).status).toBe(403);
    }
    const { id } = await createKey('Kept');
    const byMember = await request(app.url, `/api/api-keys/${id}`, {
      method: 'DELETE',
      headers: member,
    });
    expect(byMember.status).toBe(403);
    expect(
      (
        await request(app.url, '/api/api-keys/apikey-0000000000000000', {
          method: 'DELETE',
          headers: admin,
        })
      ).status,
    ).toBe(404);
    expect(
      (await request(app.url, '/api/api-keys/not-an-id', { method: 'DELETE', headers: admin }))
        .status,
    ).toBe(400);
    const noName = await request(app.url, '/api/api-keys', {
      method: 'POST',
      headers: admin,
      body: { name: ' ' },
    });
    expect(noName.status).toBe(400);
  });

  it('should import a usage CSV sent with a key, naming each rejected row by its line', async () => {
    const { key } = await createKey('CSV');
    const csv = [
      'id,upn,occurredAt,source,tool',
      `csv-1,lead@demo.example,${recently(3)},claude,Claude`,
      `csv-2,stranger@demo.example,${recently(3)},claude,Claude`,
      'csv-3,lead@demo.example,yesterday,claude,Claude',
    ].join('\n');
    const imported = await request(app.url, '/api/usage-events/import', {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'text/csv' },
      rawBody: csv,
    });
    expect(imported.status).toBe(200);
    const result = usageCsvImportResultSchema.parse(imported.body);
    expect(result).toMatchObject({ rows: 3, accepted: 1, duplicates: 0, rejectedTotal: 2 });
    expect(result.rejected.map((rejection) => rejection.line)).toEqual([3, 4]);

    const asMember = await request(app.url, '/api/usage-events/import', {
      method: 'POST',
      headers: { ...member, 'content-type': 'text/csv' },
      rawBody: csv,
    });
    expect(asMember.status).toBe(403);
    const asAdmin = await request(app.url, '/api/usage-events/import', {
      method: 'POST',
      headers: admin,
      body: { csv },
    });
    expect(usageCsvImportResultSchema.parse(asAdmin.body)).toMatchObject({
      accepted: 0,
      duplicates: 1,
    });
    const wrongType = await request(app.url, '/api/usage-events/import', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'text/plain' },
      rawBody: csv,
    });
    expect(wrongType.status).toBe(415);
  });

  it('should say the Copilot report import is not set up when no client secret is configured', async () => {
    const status = await request(app.url, '/api/integrations/copilot-report', { headers: admin });
    expect(copilotReportStatusSchema.parse(status.body)).toEqual({
      configured: false,
      period: 'D7',
    });
    const run = await request(app.url, '/api/integrations/copilot-report/import', {
      method: 'POST',
      headers: admin,
    });
    expect(run.status).toBe(503);
    expect((run.body as { detail: string }).detail).toMatch(/LASTMILE_GRAPH_CLIENT_SECRET/);
    const byMember = await request(app.url, '/api/integrations/copilot-report/import', {
      method: 'POST',
      headers: member,
    });
    expect(byMember.status).toBe(403);
  });
});
