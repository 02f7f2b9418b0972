import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contracts/identity.js';
import { demoFixedPeople } from '../../src/domain/demo-tenant.js';
import {
  type ApiRouteKey,
  apiRouteKeys,
  buildRequest,
  callRoute,
  type DemoFixtures,
  demoActors,
  fixtureCanary,
  prepareDemoFixtures,
} from '../support/api-requests.js';
import { declaredApiRoutes } from '../support/api-routes.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { type LoopbackEntra, signAccessToken, startLoopbackEntra } from '../support/entra.js';
import { devHeaders, type JsonResponse, request } from '../support/http.js';

/**
 * Tenant A is the demo tenant, with one of each document that has an id. Tenant B (`contoso`) has
 * no roster: its champion and admin are who Entra says they are (app roles in their tokens, as in
 * production), and its dev-identity caller is a plain member. Every route that takes an id, called
 * by B with A's ids, must answer 404 and give away nothing; A's documents must stay as they were.
 */

const clientId = '6a1b0c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const otherTenant = 'contoso';

/**
 * The roles that get past each id route's role check; a caller with none of them is refused
 * (403) before anything is read, which tells them nothing about the id.
 */
const everyone = 'everyone';
const idRoutes = {
  'GET /prompts/:id': everyone,
  'PUT /prompts/:id': everyone,
  'POST /prompts/:id/status': everyone,
  'GET /prompts/:id/versions': everyone,
  'GET /prompts/:id/diff': everyone,
  'POST /prompts/:id/ratings': everyone,
  'POST /prompts/:id/render': everyone,
  'GET /flags/:id': everyone,
  'POST /flags/:id/review': everyone,
  'POST /flags/:id/assign': ['champion'],
  'POST /flags/:id/resolution': everyone,
  'GET /improvements/:id': everyone,
  'POST /improvements/:id/status': ['champion', 'admin'],
  'GET /workflows/:id': everyone,
  'PUT /workflows/:id': ['lead', 'champion', 'admin'],
  'DELETE /workflows/:id': ['lead', 'champion', 'admin'],
  'GET /lessons/:id': everyone,
  'PUT /lessons/:id': ['champion', 'admin'],
  'DELETE /lessons/:id': ['champion', 'admin'],
  'POST /lessons/:id/answer': everyone,
  'DELETE /api-keys/:id': ['admin'],
  'POST /deliveries/:id/retry': ['admin'],
} as const satisfies Partial<Record<ApiRouteKey, readonly Role[] | typeof everyone>>;
type IdRoute = keyof typeof idRoutes;

interface OtherCaller {
  readonly name: string;
  readonly roles: readonly Role[];
  headers(): Promise<Record<string, string>>;
}

function problemIs(response: JsonResponse, status: number): boolean {
  return response.status === status && response.contentType.includes('application/problem+json');
}

describe('tenant isolation', () => {
  let entra: LoopbackEntra;
  let app: TestApp;
  let fixtures: DemoFixtures;
  /** Strings that only tenant A's documents hold: none may reach tenant B. */
  let markers: string[];
  let before: Record<string, unknown>;

  const token = (objectId: string, appRoles: string[], upn: string): Promise<string> =>
    signAccessToken({
      key: entra.key,
      issuer: entra.issuerFor(otherTenant),
      audience: clientId,
      tenantId: otherTenant,
      // Tenant A's object ids: a check on the user id alone, without the tenant, would let them in.
      objectId,
      roles: appRoles,
      upn,
      name: `B ${upn}`,
    });
  const bearer = async (...args: Parameters<typeof token>) => ({
    authorization: `Bearer ${await token(...args)}`,
  });

  const callers: readonly OtherCaller[] = [
    {
      name: 'champion',
      roles: ['member', 'champion'],
      headers: () =>
        bearer(demoFixedPeople.member.id, ['Champion'], `champion@${otherTenant}.example`),
    },
    {
      name: 'admin',
      roles: ['member', 'admin'],
      headers: () => bearer(demoFixedPeople.champion.id, ['Admin'], `admin@${otherTenant}.example`),
    },
    {
      name: 'champion and admin',
      roles: ['member', 'champion', 'admin'],
      headers: () =>
        bearer(demoFixedPeople.lead.id, ['Champion', 'Admin'], `owner@${otherTenant}.example`),
    },
    {
      // Dev identity with another tenant id: the same UPN as tenant A's member, but not them.
      name: 'dev-header member',
      roles: ['member'],
      headers: () => Promise.resolve(devHeaders(demoFixedPeople.member.upn, otherTenant)),
    },
  ];

  /** Tenant A's documents as tenant A reads them, without the ages that grow by the hour. */
  async function snapshotOfA(): Promise<Record<string, unknown>> {
    const read = async (path: string, upn = demoActors.champion): Promise<unknown> => {
      const response = await request(app.url, path, { headers: upn });
      return {
        status: response.status,
        etag: response.headers.get('etag'),
        body: JSON.parse(response.text.replace(/"ageHours":\d+,?/g, '')) as unknown,
      };
    };
    const at = encodeURIComponent;
    const paths = [
      ...[fixtures.prompt.id, fixtures.statusPrompt.id, fixtures.readPrompt].flatMap((id) => [
        `/api/prompts/${at(id)}`,
        `/api/prompts/${at(id)}/versions`,
      ]),
      ...Object.values(fixtures.flags).map((id) => `/api/flags/${at(id)}`),
      `/api/improvements/${at(fixtures.improvement.id)}`,
      `/api/workflows/${at(fixtures.workflow.id)}`,
      `/api/workflows/${at(fixtures.spareWorkflow.id)}`,
      `/api/lessons/${at(fixtures.lesson.id)}`,
      `/api/lessons/${at(fixtures.spareLesson.id)}`,
      '/api/flags/stats',
      '/api/me/learning',
    ];
    const snapshot: Record<string, unknown> = {};
    for (const path of paths) snapshot[path] = await read(path);
    snapshot['api-keys'] = await read('/api/api-keys', demoActors.admin);
    snapshot['deliveries'] = await read('/api/deliveries?state=queued', demoActors.admin);
    return snapshot;
  }

  /** Tenant A's markers found in an answer, leaving out what the request itself carried. */
  function leaked(response: JsonResponse, sent: string): string[] {
    return markers.filter((marker) => !sent.includes(marker) && response.text.includes(marker));
  }

  beforeAll(async () => {
    entra = await startLoopbackEntra();
    app = await startTestApp({
      LASTMILE_DELIVERY_WORKER: 'false',
      LASTMILE_RATE_LIMITS: 'off',
      AAD_APP_CLIENT_ID: clientId,
      AAD_JWKS_URL: entra.jwksUrl,
      AAD_ISSUER_TEMPLATE: entra.issuerTemplate,
    });
    fixtures = await prepareDemoFixtures(app.url);
    const admin = await request(app.url, '/api/me', { headers: demoActors.admin });
    markers = [
      fixtureCanary,
      fixtures.prompt.id,
      fixtures.statusPrompt.id,
      fixtures.readPrompt,
      fixtures.prompt.content.title,
      ...Object.values(fixtures.flags),
      fixtures.improvement.id,
      fixtures.workflow.id,
      fixtures.workflow.content.name,
      fixtures.spareWorkflow.id,
      fixtures.lesson.id,
      fixtures.lesson.content.title,
      fixtures.spareLesson.id,
      fixtures.apiKey,
      fixtures.delivery.id,
      String(fixtures.settings.update['organisationName']),
      demoFixedPeople.champion.displayName,
      demoFixedPeople.lead.displayName,
      demoFixedPeople.member.displayName,
      (admin.body as { displayName: string }).displayName,
    ];
    before = await snapshotOfA();
  });

  afterAll(async () => {
    await app?.dispose();
    await entra?.close();
  });

  it('should list every route that takes an id', async () => {
    const withIds = (await declaredApiRoutes())
      .filter((route) => route.path.includes('/:'))
      .map((route) => `${route.method} ${route.path}`);
    expect(Object.keys(idRoutes).sort()).toEqual(withIds.sort());
  });

  it("should use ids that tenant A's champion reads", async () => {
    const reads = (Object.keys(idRoutes) as IdRoute[]).filter((route) => route.startsWith('GET '));
    for (const route of reads) {
      const response = await callRoute(app.url, route, fixtures, demoActors.champion);
      expect({ route, status: response.status }).toEqual({ route, status: 200 });
    }
  });

  it('should know the callers of tenant B as tenant B people with their roles', async () => {
    for (const caller of callers) {
      const me = await request(app.url, '/api/me', { headers: await caller.headers() });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ tenantId: otherTenant, roles: caller.roles });
      expect(leaked(me, '')).toEqual([]);
    }
  });

  it.each(callers.map((caller) => [caller.name, caller] as const))(
    "should answer 404 to tenant B's %s on every route that takes tenant A's ids, with nothing of A",
    async (_name, caller) => {
      const headers = await caller.headers();
      const actual: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const route of Object.keys(idRoutes) as IdRoute[]) {
        const gate: readonly Role[] | typeof everyone = idRoutes[route];
        const passes = gate === everyone || gate.some((role) => caller.roles.includes(role));
        const status = passes ? 404 : 403;
        const response = await callRoute(app.url, route, fixtures, headers);
        // A 404 may name the id it was asked for: that echo is the caller's own input.
        const sent = buildRequest(route, fixtures);
        const found = leaked(
          response,
          `${decodeURIComponent(sent.path)} ${JSON.stringify(sent.body ?? null)}`,
        );
        actual[route] = problemIs(response, status)
          ? `${String(status)}${found.length > 0 ? ` leaking ${found.join(', ')}` : ''}`
          : `${String(response.status)} ${response.text.slice(0, 200)}`;
        expected[route] = String(status);
      }
      expect(actual).toEqual(expected);
    },
  );

  it("should show tenant B's callers none of tenant A's documents in any list", async () => {
    const lists = [
      ...apiRouteKeys
        .filter((route) => route.startsWith('GET ') && !route.includes(':'))
        .map((route) => buildRequest(route, fixtures).path),
      ...['draft', 'in-review', 'retired'].map((status) => `/api/prompts?status=${status}`),
      ...['queued', 'sent', 'dead'].map((state) => `/api/deliveries?state=${state}`),
      '/api/lessons?status=draft',
      '/api/prompts/export?format=csv',
      '/api/vendor-pack?format=csv',
      '/api/dev/roster?q=okafor',
      '/api/people?q=okafor',
    ];
    const problems: string[] = [];
    for (const caller of callers) {
      const headers = await caller.headers();
      for (const path of lists) {
        const response = await request(app.url, path, { headers });
        const found = leaked(response, '');
        if (found.length > 0) problems.push(`${caller.name} ${path} shows ${found.join(', ')}`);
        const items = (response.body as { items?: unknown[] } | undefined)?.items;
        if (response.status === 200 && Array.isArray(items) && items.length > 0) {
          problems.push(`${caller.name} ${path} lists ${String(items.length)} items`);
        }
        if (![200, 403, 404].includes(response.status)) {
          problems.push(`${caller.name} ${path} answered ${String(response.status)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("should not let tenant B link a flag to tenant A's prompt or learn its owner", async () => {
    const caller = callers[0];
    if (caller === undefined) throw new Error('no caller');
    const response = await request(app.url, '/api/flags', {
      method: 'POST',
      headers: await caller.headers(),
      body: { category: 'wrong', expected: 'Something else', promptId: fixtures.readPrompt },
    });
    expect(response.status).toBe(201);
    expect(response.body).not.toHaveProperty('promptId');
    expect(response.body).not.toHaveProperty('reviewerId');
    expect(leaked(response, '')).toEqual([]);
  });

  it("should not let tenant B's admin erase tenant A's people or offboard tenant A", async () => {
    const admin = callers.find((caller) => caller.name === 'admin');
    if (admin === undefined) throw new Error('no admin caller');
    const headers = await admin.headers();
    const byUpn = await request(app.url, '/api/data-rights/erasures', {
      method: 'POST',
      headers,
      body: { upn: demoFixedPeople.member.upn },
    });
    expect(problemIs(byUpn, 404)).toBe(true);
    // By object id the erasure runs, over tenant B's records only (its champion shares the id).
    const byId = await request(app.url, '/api/data-rights/erasures', {
      method: 'POST',
      headers,
      body: { userId: demoFixedPeople.member.id },
    });
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ dryRun: false, onRoster: false });
    expect(leaked(byId, '')).toEqual([]);
    const offboarding = await request(app.url, '/api/data-rights/offboarding', {
      method: 'POST',
      headers,
      body: { confirmTenantId: 'demo' },
    });
    expect(problemIs(offboarding, 422)).toBe(true);
    const program = await request(app.url, '/api/program', { headers: demoActors.champion });
    expect(program.body).toMatchObject({ headcount: 900 });
  });

  it("should leave tenant A's documents exactly as they were", async () => {
    expect(await snapshotOfA()).toEqual(before);
  });
});
