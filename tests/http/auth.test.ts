import { createHttpServer } from '@vercel/cosmosdb-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app.js';
import {
  type LoopbackEntra,
  createEntraKey,
  signAccessToken,
  startLoopbackEntra,
} from '../support/entra.js';
import { devHeaders, request } from '../support/http.js';

const clientId = '6a1b0c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const champion = { oid: '00000000-0000-4000-8000-00000000c001', upn: 'champion@demo.example' };

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

describe('Entra ID tokens on the API', () => {
  let entra: LoopbackEntra;
  let app: TestApp;

  const token = (overrides: Partial<Parameters<typeof signAccessToken>[0]> = {}): Promise<string> =>
    signAccessToken({
      key: entra.key,
      issuer: entra.issuerFor('demo'),
      audience: clientId,
      tenantId: 'demo',
      objectId: champion.oid,
      ...overrides,
    });

  beforeAll(async () => {
    entra = await startLoopbackEntra();
    app = await startTestApp({
      LASTMILE_DEV_IDENTITY: 'false',
      AAD_APP_CLIENT_ID: clientId,
      AAD_APP_ID_URI: `api://localhost/${clientId}`,
      AAD_JWKS_URL: entra.jwksUrl,
      AAD_ISSUER_TEMPLATE: entra.issuerTemplate,
    });
  });

  afterAll(async () => {
    await app.dispose();
    await entra.close();
  });

  it('should accept a valid token and take the tenant and user from tid and oid', async () => {
    const response = await request(app.url, '/api/me', { headers: bearer(await token()) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      tenantId: 'demo',
      userId: champion.oid,
      upn: champion.upn,
      roles: ['member', 'champion'],
      identitySource: 'token',
    });
  });

  it('should add the app roles the token carries', async () => {
    const response = await request(app.url, '/api/me', {
      headers: bearer(
        await token({ objectId: '00000000-0000-4000-8000-00000000c003', roles: ['Admin'] }),
      ),
    });
    expect(response.body).toMatchObject({ roles: ['member', 'admin'] });
  });

  it('should accept the app id URI as audience', async () => {
    const response = await request(app.url, '/api/me', {
      headers: bearer(await token({ audience: `api://localhost/${clientId}` })),
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ['an expired token', { expiresAt: Math.floor(Date.now() / 1000) - 3600 }, /expired/],
    ['a wrong audience', { audience: 'api://someone-else' }, /aud/],
    ['another tenant issuer', { issuer: 'https://login.example/other/v2.0' }, /iss/],
  ])('should refuse %s with 401', async (_name, overrides, detail) => {
    const response = await request(app.url, '/api/me', { headers: bearer(await token(overrides)) });
    expect(response.status).toBe(401);
    expect(response.contentType).toContain('application/problem+json');
    expect((response.body as { detail: string }).detail).toMatch(detail);
  });

  it('should refuse a token signed by an unknown key', async () => {
    const stranger = await createEntraKey();
    const response = await request(app.url, '/api/me', {
      headers: bearer(await token({ key: stranger })),
    });
    expect(response.status).toBe(401);
    expect((response.body as { detail: string }).detail).toMatch(/unknown key/);
  });

  it('should refuse a token whose signature was tampered with', async () => {
    const [header, payload] = (await token()).split('.');
    const forged = `${header ?? ''}.${payload ?? ''}.${'A'.repeat(342)}`;
    const response = await request(app.url, '/api/me', { headers: bearer(forged) });
    expect(response.status).toBe(401);
  });

  it('should refuse no token, a malformed header, and dev headers when dev identity is off', async () => {
    expect((await request(app.url, '/api/me')).status).toBe(401);
    expect(
      (await request(app.url, '/api/me', { headers: { authorization: 'Basic abc' } })).status,
    ).toBe(401);
    const dev = await request(app.url, '/api/me', { headers: devHeaders('champion@demo.example') });
    expect(dev.status).toBe(401);
    expect((dev.body as { detail: string }).detail).toMatch(
      /Dev identity headers are not accepted/,
    );
  });

  it('should not offer the dev roster when dev identity is off', async () => {
    const response = await request(app.url, '/api/dev/roster', { headers: bearer(await token()) });
    expect(response.status).toBe(404);
  });

  it('should keep /healthz public', async () => {
    expect((await request(app.url, '/healthz')).status).toBe(200);
  });
});

describe('NODE_ENV=production against a Cosmos DB endpoint', () => {
  let cosmos: Server;
  let entra: LoopbackEntra;
  let app: TestApp;

  beforeAll(async () => {
    // A plain-HTTP Cosmos-compatible server stands in for Azure Cosmos DB, reached as a remote
    // endpoint with a key: the production code path, with no relaxed TLS anywhere.
    cosmos = createHttpServer({ keepAlive: true });
    await new Promise<void>((resolve) => cosmos.listen(0, '127.0.0.1', resolve));
    entra = await startLoopbackEntra();
    app = await startTestApp({
      NODE_ENV: 'production',
      COSMOS_ENDPOINT: `http://127.0.0.1:${String((cosmos.address() as AddressInfo).port)}`,
      COSMOS_KEY: Buffer.from('production-test-key').toString('base64'),
      COSMOS_ENDPOINT_DISCOVERY: 'false',
      BOT_ID: '7b2c1d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e',
      BOT_PASSWORD: 'not-used-here',
      AAD_APP_CLIENT_ID: clientId,
      AAD_JWKS_URL: entra.jwksUrl,
      AAD_ISSUER_TEMPLATE: entra.issuerTemplate,
    });
  });

  afterAll(async () => {
    await app.dispose();
    await entra.close();
    await new Promise<void>((resolve) => {
      cosmos.closeAllConnections();
      cosmos.close(() => resolve());
    });
  });

  it('should report the azure store and send HSTS', async () => {
    const response = await request(app.url, '/healthz');
    expect(response.body).toMatchObject({ status: 'ok', storage: 'azure' });
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
  });

  const productionToken = (
    overrides: Partial<Parameters<typeof signAccessToken>[0]> = {},
  ): Promise<string> =>
    signAccessToken({
      key: entra.key,
      issuer: entra.issuerFor('contoso'),
      audience: clientId,
      tenantId: 'contoso',
      objectId: 'aaaaaaaa-0000-4000-8000-000000000001',
      roles: ['Champion'],
      ...overrides,
    });

  // Acceptance 1 of issue 8: each of these is a 401 problem, on reads and on writes alike.
  it.each<[string, () => Promise<Record<string, string>>, RegExp]>([
    [
      'dev identity headers',
      () => Promise.resolve(devHeaders('champion@demo.example')),
      /Dev identity headers are not accepted/,
    ],
    ['no token', () => Promise.resolve({}), /bearer token is required/],
    [
      'an expired token',
      async () =>
        bearer(await productionToken({ expiresAt: Math.floor(Date.now() / 1000) - 3600 })),
      /expired/,
    ],
    [
      'a wrong audience',
      async () => bearer(await productionToken({ audience: 'api://someone-else' })),
      /aud/,
    ],
    [
      'an unknown signing key',
      async () => bearer(await productionToken({ key: await createEntraKey() })),
      /unknown key/,
    ],
  ])('should answer 401 to a request with %s', async (_name, headers, detail) => {
    for (const [method, path, body] of [
      ['GET', '/api/me', undefined],
      ['GET', '/api/program', undefined],
      ['POST', '/api/prompts', { title: 'Sneaky', body: 'Write something sneaky for me.' }],
    ] as const) {
      const response = await request(app.url, path, {
        method,
        headers: await headers(),
        ...(body === undefined ? {} : { body }),
      });
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
      expect(response.contentType).toContain('application/problem+json');
      expect((response.body as { detail: string }).detail).toMatch(detail);
    }
  });

  it('should serve a signed-in caller, with no demo data seeded', async () => {
    const token = await signAccessToken({
      key: entra.key,
      issuer: entra.issuerFor('contoso'),
      audience: clientId,
      tenantId: 'contoso',
      objectId: 'aaaaaaaa-0000-4000-8000-000000000001',
      roles: ['Champion'],
    });
    const me = await request(app.url, '/api/me', { headers: bearer(token) });
    expect(me.body).toMatchObject({ tenantId: 'contoso', roles: ['member', 'champion'] });
    const demo = await request(app.url, '/api/program', { headers: bearer(token) });
    expect(demo.body).toMatchObject({ headcount: 0 });
  });
});
