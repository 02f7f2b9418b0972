import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiClient, fileNameOf } from './api-client.js';
import { ApiError, StaleEditError } from './api-error.js';

const greetingSchema = z.object({ greeting: z.string() });

interface Recorded {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

/** A fetch that answers every request with one response and records what it was asked. */
function answering(response: () => Response): { fetch: typeof fetch; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const fakeFetch: typeof fetch = (input, init) => {
    requests.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return Promise.resolve(response());
  };
  return { fetch: fakeFetch, requests };
}

const json = (
  body: unknown,
  status = 200,
  type = 'application/json',
  extra: Record<string, string> = {},
): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type, ...extra } });

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

describe('ApiClient.send', () => {
  const noHeaders = (): Promise<Record<string, string>> => Promise.resolve({});

  it('should send the method, a JSON body and If-Match, and return the answer with its ETag', async () => {
    const server = answering(() =>
      json({ greeting: 'hello' }, 200, 'application/json', { etag: '"v2"' }),
    );
    const client = createApiClient({ fetch: server.fetch, headers: noHeaders });

    const sent = await client.send(
      'PUT',
      '/api/greeting/1',
      { greeting: 'hello' },
      greetingSchema,
      {
        ifMatch: '"v1"',
      },
    );

    expect(sent).toEqual({ value: { greeting: 'hello' }, etag: '"v2"' });
    expect(server.requests[0]).toMatchObject({ method: 'PUT', body: { greeting: 'hello' } });
    expect(server.requests[0]?.headers.get('if-match')).toBe('"v1"');
    expect(server.requests[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('should send no body, content type or If-Match when none is given', async () => {
    const server = answering(() => json({ greeting: 'hi' }));
    const client = createApiClient({ fetch: server.fetch, headers: noHeaders });

    const sent = await client.send('GET', '/api/greeting', undefined, greetingSchema);

    expect(sent.etag).toBeUndefined();
    expect(server.requests[0]?.body).toBeUndefined();
    expect(server.requests[0]?.headers.has('content-type')).toBe(false);
    expect(server.requests[0]?.headers.has('if-match')).toBe(false);
  });

  it('should send If-None-Match: * to create a document only if none exists', async () => {
    const server = answering(() =>
      json({ greeting: 'hi' }, 200, 'application/json', { etag: '"v1"' }),
    );
    const client = createApiClient({ fetch: server.fetch, headers: noHeaders });

    await client.send('PUT', '/api/greeting', { greeting: 'hi' }, greetingSchema, {
      ifNoneMatch: '*',
    });

    expect(server.requests[0]?.headers.get('if-none-match')).toBe('*');
    expect(server.requests[0]?.headers.has('if-match')).toBe(false);
  });

  it('should accept an empty answer such as a 204 when the schema allows it', async () => {
    const server = answering(() => new Response(null, { status: 204 }));
    const client = createApiClient({ fetch: server.fetch, headers: noHeaders });

    const sent = await client.send('DELETE', '/api/greeting/1', undefined, z.undefined(), {
      ifMatch: '"v1"',
    });

    expect(sent.value).toBeUndefined();
    expect(server.requests[0]?.method).toBe('DELETE');
  });

  it('should turn a 412 into a StaleEditError with the latest version and its ETag', async () => {
    const body = {
      type: 'about:blank',
      title: 'Precondition failed',
      status: 412,
      detail: 'Someone else changed it',
      current: { greeting: 'theirs' },
    };
    const server = answering(() => json(body, 412, 'application/problem+json', { etag: '"v3"' }));
    const client = createApiClient({ fetch: server.fetch, headers: noHeaders });

    const error = await caught(
      client.send('PUT', '/api/greeting/1', { greeting: 'mine' }, greetingSchema, {
        ifMatch: '"v1"',
      }),
    );

    expect(error).toBeInstanceOf(StaleEditError);
    const stale = error as StaleEditError<{ greeting: string }>;
    expect(stale.current).toEqual({ greeting: 'theirs' });
    expect(stale.etag).toBe('"v3"');
    expect(stale.status).toBe(412);
  });

  it('should still report a 412 whose latest version it cannot read', async () => {
    const server = answering(() =>
      json({ type: 'about:blank', title: 'Precondition failed', status: 412, current: 7 }, 412),
    );
    const client = createApiClient({ fetch: server.fetch, headers: noHeaders });

    const error = await caught(client.send('PUT', '/x', {}, greetingSchema, { ifMatch: '"a"' }));

    expect(error).toBeInstanceOf(StaleEditError);
    expect((error as StaleEditError<unknown>).current).toBeUndefined();
  });
});

describe('ApiClient.download', () => {
  it('should fetch a file with the identity headers and name it from the server', async () => {
    const server = answering(
      () =>
        new Response('week,wauPct\n2026-W48,71\n', {
          status: 200,
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="lastmile-scoreboard.csv"',
          },
        }),
    );
    const client = createApiClient({
      fetch: server.fetch,
      headers: () => Promise.resolve({ 'x-dev-user': 'champion@demo.example' }),
    });

    const file = await client.download('/api/scoreboard?weeks=8&format=csv');

    expect(server.requests[0]?.headers.get('x-dev-user')).toBe('champion@demo.example');
    expect(file.fileName).toBe('lastmile-scoreboard.csv');
    expect(await file.blob.text()).toBe('week,wauPct\n2026-W48,71\n');
  });

  it('should throw the problem a failed download answers with', async () => {
    const server = answering(() =>
      json(
        { type: 'about:blank', title: 'Forbidden', status: 403 },
        403,
        'application/problem+json',
      ),
    );
    const client = createApiClient({ fetch: server.fetch, headers: () => Promise.resolve({}) });

    const error = await caught(client.download('/api/checkpoint?format=csv'));

    expect(error.problem).toMatchObject({ title: 'Forbidden', status: 403 });
  });
});

describe('fileNameOf', () => {
  it('should prefer the encoded file name to the plain one', () => {
    expect(fileNameOf(`attachment; filename="a.csv"; filename*=UTF-8''r%C3%A9sum%C3%A9.csv`)).toBe(
      'résumé.csv',
    );
  });

  it('should read a plain file name and give none for a header without one', () => {
    expect(fileNameOf('attachment; filename=checkpoint.json')).toBe('checkpoint.json');
    expect(fileNameOf('inline')).toBeUndefined();
    expect(fileNameOf(null)).toBeUndefined();
  });
});
