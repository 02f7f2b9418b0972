import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema } from '../../src/contracts/audit.js';
import { demoAdminUpn, demoFixedPeople } from '../../src/domain/demo-tenant.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { devHeaders, request } from '../support/http.js';

const champion = demoFixedPeople.champion.upn;
const member = demoFixedPeople.member.upn;

describe('the audit trail of admins’ and champions’ changes', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ LASTMILE_RATE_LIMITS: 'off' });
  });

  afterAll(async () => {
    await app.dispose();
  });

  async function trail(): Promise<ReturnType<typeof auditPageSchema.parse>> {
    // The entry is written once the answer has gone; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const response = await request(app.url, '/api/audit?weeks=2', {
      headers: devHeaders(demoAdminUpn),
    });
    expect(response.status).toBe(200);
    return auditPageSchema.parse(response.body);
  }

  it('should record a champion’s change with who, what and which id, and not a member’s', async () => {
    const byMember = await request(app.url, '/api/improvements', {
      method: 'POST',
      headers: devHeaders(member),
      body: { title: 'Audit test: member idea', detail: 'Start practice with a recap.' },
    });
    expect(byMember.status).toBe(201);
    const id = (byMember.body as { id: string }).id;
    const decided = await request(app.url, `/api/improvements/${id}/status`, {
      method: 'POST',
      headers: { ...devHeaders(champion), 'if-match': byMember.headers.get('etag') ?? '' },
      body: { status: 'planned' },
    });
    expect(decided.status).toBe(200);

    const { entries } = await trail();
    const mine = entries.filter((entry) => entry.targetId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      action: 'POST /api/improvements/:id/status',
      actorRoles: expect.arrayContaining(['champion']) as unknown,
      via: 'dev',
      status: 200,
    });
    expect(entries.some((entry) => entry.action === 'POST /api/improvements')).toBe(false);
  });

  it('should not record a change that was refused', async () => {
    const before = (await trail()).entries.length;
    const refused = await request(app.url, '/api/improvements/no-such-id/status', {
      method: 'POST',
      headers: { ...devHeaders(champion), 'if-match': '"x"' },
      body: { status: 'planned' },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect((await trail()).entries.length).toBe(before);
  });

  it('should give the trail to admins only, also as CSV', async () => {
    const asChampion = await request(app.url, '/api/audit', { headers: devHeaders(champion) });
    expect(asChampion.status).toBe(403);
    const csv = await request(app.url, '/api/audit?format=csv', {
      headers: devHeaders(demoAdminUpn),
    });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe(
      'at,actorId,actorName,actorRoles,via,action,targetId,status',
    );
    expect(csv.text).toContain('POST /api/improvements/:id/status');
  });
});
