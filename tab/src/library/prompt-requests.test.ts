import { describe, expect, it } from 'vitest';
import type { PromptView } from '../../../src/contracts/prompts.js';
import { createApiClient } from '../api/api-client.js';
import { StaleEditError } from '../api/api-error.js';
import { changeStatus, savePrompt } from './prompt-requests.js';

const base: PromptView = {
  id: 'p1',
  title: 'Client follow-up',
  body: 'Write to {{client}} about the meeting.',
  variables: [{ name: 'client', description: '', required: true }],
  jobFamilyIds: [],
  taskIds: [],
  tags: [],
  status: 'published',
  version: 2,
  ownerId: 'u1',
  source: { kind: 'library' },
  usageCount: 0,
  ratingUp: 0,
  ratingDown: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'u1',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'u1',
  etag: 'raw-1',
  permissions: { edit: true, statuses: ['retired', 'in-review'] },
};

interface Sent {
  readonly method: string;
  readonly ifMatch: string | null;
}

/** A server whose prompt is `latest` under the ETag `"v-latest"`, answering edits as the API does. */
function server(latest: PromptView): { client: ReturnType<typeof createApiClient>; sent: Sent[] } {
  const sent: Sent[] = [];
  const client = createApiClient({
    headers: () => Promise.resolve({}),
    fetch: (_input, init) => {
      const ifMatch = new Headers(init?.headers).get('if-match');
      sent.push({ method: init?.method ?? 'GET', ifMatch });
      const json = (body: unknown, status: number): Response =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json', etag: '"v-latest"' },
        });
      if (ifMatch !== '"v-latest"') {
        return Promise.resolve(
          json(
            { type: 'about:blank', title: 'Precondition failed', status: 412, current: latest },
            412,
          ),
        );
      }
      const body = JSON.parse(String(init?.body)) as Partial<PromptView>;
      return Promise.resolve(json({ ...latest, ...body, version: latest.version + 1 }, 200));
    },
  });
  return { client, sent };
}

describe('savePrompt', () => {
  it('should save once more on the latest ETag when only the counters changed since', async () => {
    const { client, sent } = server({ ...base, usageCount: 5, ratingUp: 1, etag: 'raw-2' });

    const saved = await savePrompt(
      client,
      { value: base, etag: '"v-old"' },
      { ...base, title: 'Client follow-up email' },
      '',
    );

    expect(saved.value.title).toBe('Client follow-up email');
    expect(sent.map((request) => request.ifMatch)).toEqual(['"v-old"', '"v-latest"']);
  });

  it('should hand a 412 to the caller when someone changed the words', async () => {
    const { client, sent } = server({ ...base, title: 'Someone else’s title', etag: 'raw-2' });

    const error = await savePrompt(
      client,
      { value: base, etag: '"v-old"' },
      { ...base, title: 'Mine' },
      'note',
    ).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(StaleEditError);
    expect((error as StaleEditError<PromptView>).current?.title).toBe('Someone else’s title');
    expect(sent).toHaveLength(1);
  });
});

describe('changeStatus', () => {
  it('should not publish a version whose status changed since the reviewer read it', async () => {
    const { client, sent } = server({ ...base, status: 'retired', etag: 'raw-2' });

    const error = await changeStatus(
      client,
      { value: { ...base, status: 'in-review' }, etag: '"v-old"' },
      'published',
      '',
    ).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(StaleEditError);
    expect(sent).toHaveLength(1);
  });
});
