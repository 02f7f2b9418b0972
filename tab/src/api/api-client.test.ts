import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiClient } from './api-client.js';
import { ApiError } from './api-error.js';

const greetingSchema = z.object({ greeting: z.string() });

interface Recorded {
  url: string;
  headers: Headers;
}

/** A fetch that answers every request with one response and records what it was asked. */
function answering(response: () => Response): { fetch: typeof fetch; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const fakeFetch: typeof fetch = (input, init) => {
    requests.push({ url: String(input), headers: new Headers(init?.headers) });
    return Promise.resolve(response());
  };
  return { fetch: fakeFetch, requests };
}

const json = (body: unknown, status = 200, type = 'application/json'): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('createApiClient', () => {
  it('should send the identity headers with every request', async () => {
    const server = answering(() => json({ greeting: 'hi' }));
    const client = createApiClient({
      fetch: server.fetch,
      headers: () =>
        Promise.resolve({ 'x-dev-tenant': 'demo', 'x-dev-user': 'member@demo.example' }),
    });

    await expect(client.get('/api/greeting', greetingSchema)).resolves.toEqual({ greeting: 'hi' });

    expect(server.requests[0]?.url).toBe('/api/greeting');
    expect(server.requests[0]?.headers.get('x-dev-user')).toBe('member@demo.example');
    expect(server.requests[0]?.headers.get('accept')).toBe('application/json');
  });

  it('should turn a problem+json body into an ApiError carrying the problem', async () => {
    const body = {
      type: 'https://lastmile.example/problems/invalid',
      title: 'The request is invalid',
      status: 400,
      errors: [{ field: 'limit', message: 'must be at most 200' }],
    };
    const server = answering(() => json(body, 400, 'application/problem+json'));
    const client = createApiClient({ fetch: server.fetch, headers: () => Promise.resolve({}) });

    const error = await caught(client.get('/api/greeting', greetingSchema));

    expect(error.status).toBe(400);
    expect(error.problem).toEqual(body);
  });

  it('should describe an error without a problem body by its status', async () => {
    const server = answering(() => new Response('gateway down', { status: 502 }));
    const client = createApiClient({ fetch: server.fetch, headers: () => Promise.resolve({}) });

    const error = await caught(client.get('/api/greeting', greetingSchema));

    expect(error.problem).toMatchObject({ status: 502, title: expect.stringContaining('502') });
  });

  it('should reject a success body that does not match the schema', async () => {
    const server = answering(() => json({ greeting: 42 }));
    const client = createApiClient({ fetch: server.fetch, headers: () => Promise.resolve({}) });

    const error = await caught(client.get('/api/greeting', greetingSchema));

    expect(error.problem.detail).toContain('greeting');
  });

  it('should report a sign-in failure without calling the API', async () => {
    const server = answering(() => json({ greeting: 'hi' }));
    const client = createApiClient({
      fetch: server.fetch,
      headers: () => Promise.reject(new Error('consent_required')),
    });

    const error = await caught(client.get('/api/greeting', greetingSchema));

    expect(error.problem).toMatchObject({ status: 401, detail: 'consent_required' });
    expect(server.requests).toHaveLength(0);
  });

  it('should report a network failure as status 0', async () => {
    const client = createApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      headers: () => Promise.resolve({}),
    });

    const error = await caught(client.get('/api/greeting', greetingSchema));

    expect(error.problem).toMatchObject({ status: 0, detail: 'Failed to fetch' });
  });
});
