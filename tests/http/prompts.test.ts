import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PromptPage, PromptView } from '../../src/contracts/prompts.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { devHeaders, request } from '../support/http.js';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  current?: PromptView;
}

const member = devHeaders('member@demo.example');
const otherMember = devHeaders('person-002@demo.example');

const newPrompt = {
  title: 'Summarise a client call for the partner',
  body: 'You are a consultant. Summarise this call with {{clientName}} for a partner in five bullets.\n\nNotes:\n{{notes}}',
  variables: [
    { name: 'clientName', description: 'The client', required: true },
    { name: 'notes', description: 'Your call notes', required: true },
  ],
  jobFamilyIds: ['consulting'],
  tags: ['meeting notes'],
};

describe('the prompt library API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('should hold at least 60 published demo prompts and find proposals', async () => {
    const all = await request(app.url, '/api/prompts?limit=100');
    expect((all.body as PromptPage).items.length).toBeGreaterThanOrEqual(60);
    expect((all.body as PromptPage).items.every((prompt) => prompt.status === 'published')).toBe(
      true,
    );

    const found = await request(app.url, '/api/prompts?q=proposal');
    const items = (found.body as PromptPage).items;
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.slice(0, 3).every((prompt) => /proposal/i.test(`${prompt.title} ${prompt.body}`)),
    ).toBe(true);
  });

  it('should match prefixes and small typos', async () => {
    const prefix = (await request(app.url, '/api/prompts?q=propos')).body as PromptPage;
    const typo = (await request(app.url, '/api/prompts?q=proposl')).body as PromptPage;
    expect(prefix.items.length).toBeGreaterThan(0);
    expect(typo.items.length).toBeGreaterThan(0);
    for (const prompt of typo.items.slice(0, 3))
      expect(`${prompt.title} ${prompt.body}`).toMatch(/propos/i);
  });

  it('should rank the caller job family first for the same words', async () => {
    const asConsultant = (await request(app.url, '/api/prompts?q=summary', { headers: member }))
      .body as PromptPage;
    const asAnalyst = (await request(app.url, '/api/prompts?q=summary')).body as PromptPage;
    expect(asConsultant.items[0]?.jobFamilyIds).toContain('consulting');
    expect(asAnalyst.items[0]?.jobFamilyIds).toContain('analysis');
  });

  it('should filter by job family, task and tag', async () => {
    const workflows = (await request(app.url, '/api/workflows')).body as {
      items: { id: string; promptCount: number }[];
    };
    const task = workflows.items.find((item) => item.promptCount > 0);
    const byTask = (await request(app.url, `/api/prompts?task=${task?.id ?? ''}`))
      .body as PromptPage;
    expect(byTask.items).toHaveLength(task?.promptCount ?? -1);
    const byFamily = (await request(app.url, '/api/prompts?jobFamily=operations&limit=100'))
      .body as PromptPage;
    expect(byFamily.items.length).toBeGreaterThan(0);
    expect(byFamily.items.every((prompt) => prompt.jobFamilyIds.includes('operations'))).toBe(true);
  });

  it('should page with continuation tokens without repeating prompts', async () => {
    const first = (await request(app.url, '/api/prompts?limit=30')).body as PromptPage;
    const second = (
      await request(
        app.url,
        `/api/prompts?limit=30&continuationToken=${first.continuationToken ?? ''}`,
      )
    ).body as PromptPage;
    const ids = [...first.items, ...second.items].map((prompt) => prompt.id);
    expect(new Set(ids).size).toBe(60);
    const bad = await request(app.url, '/api/prompts?continuationToken=nonsense');
    expect(bad.status).toBe(400);
  });

  it('should take a proposal from a member into review, visible to the champion only', async () => {
    const created = await request(app.url, '/api/prompts', {
      method: 'POST',
      headers: member,
      body: newPrompt,
    });
    expect(created.status).toBe(201);
    const view = created.body as PromptView;
    expect(view).toMatchObject({ status: 'in-review', version: 1, ownerName: 'Mia Okafor' });
    expect(created.headers.get('etag')).toMatch(/^".+"$/);

    const queue = (await request(app.url, '/api/prompts/review-queue')).body as PromptPage;
    expect(queue.items.map((prompt) => prompt.id)).toContain(view.id);
    expect(
      (await request(app.url, `/api/prompts/${view.id}`, { headers: otherMember })).status,
    ).toBe(404);
    const othersQueue = (
      await request(app.url, '/api/prompts/review-queue', { headers: otherMember })
    ).body as PromptPage;
    expect(othersQueue.items.map((prompt) => prompt.id)).not.toContain(view.id);

    const read = await request(app.url, `/api/prompts/${view.id}`);
    const published = await request(app.url, `/api/prompts/${view.id}/status`, {
      method: 'POST',
      headers: { 'if-match': read.headers.get('etag') ?? '' },
      body: { status: 'published' },
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', version: 2 });
    const found = (
      await request(app.url, '/api/prompts?q=partner%20call', { headers: otherMember })
    ).body as PromptPage;
    expect(found.items.map((prompt) => prompt.id)).toContain(view.id);
  });

  it('should refuse a body whose placeholders are not declared, naming them', async () => {
    const response = await request(app.url, '/api/prompts', {
      method: 'POST',
      headers: member,
      body: { ...newPrompt, body: 'Write to {{clientName}} about {{topic}} please.' },
    });
    expect(response.status).toBe(400);
    expect((response.body as Problem).errors?.map((error) => error.message)).toEqual([
      '{{topic}} is used in the body but not declared',
      'notes is declared but not used in the body',
    ]);
  });

  it('should version every edit, refuse a stale ETag with the latest version, and diff versions', async () => {
    const created = await request(app.url, '/api/prompts', {
      method: 'POST',
      body: { ...newPrompt, submit: false },
    });
    const id = (created.body as PromptView).id;
    const firstEtag = created.headers.get('etag') ?? '';

    const edited = await request(app.url, `/api/prompts/${id}`, {
      method: 'PUT',
      headers: { 'if-match': firstEtag },
      body: {
        ...newPrompt,
        body: `${newPrompt.body}\nEnd with the next step.`,
        note: 'Ask for a next step',
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2 });

    const stale = await request(app.url, `/api/prompts/${id}`, {
      method: 'PUT',
      headers: { 'if-match': firstEtag },
      body: { ...newPrompt, title: 'A lost edit' },
    });
    expect(stale.status).toBe(412);
    expect((stale.body as Problem).current).toMatchObject({ id, version: 2 });
    expect(stale.headers.get('etag')).toBe(edited.headers.get('etag'));
    expect(((await request(app.url, `/api/prompts/${id}`)).body as PromptView).title).toBe(
      newPrompt.title,
    );

    const history = (await request(app.url, `/api/prompts/${id}/versions`)).body as {
      items: { version: number; note?: string }[];
    };
    expect(history.items.map((item) => item.version)).toEqual([2, 1]);
    expect(history.items[0]?.note).toBe('Ask for a next step');

    const diff = await request(app.url, `/api/prompts/${id}/diff?from=1&to=2`);
    expect(diff.body).toMatchObject({ changedFields: ['body'] });
    expect((diff.body as { body: { kind: string; text: string }[] }).body).toContainEqual({
      kind: 'added',
      text: 'End with the next step.',
    });
  });

  it('should let only the owner or a curator edit', async () => {
    const created = await request(app.url, '/api/prompts', {
      method: 'POST',
      headers: member,
      body: newPrompt,
    });
    const id = (created.body as PromptView).id;
    const champion = await request(app.url, `/api/prompts/${id}`);
    const byLead = await request(app.url, `/api/prompts/${id}/status`, {
      method: 'POST',
      headers: {
        ...devHeaders('lead@demo.example'),
        'if-match': champion.headers.get('etag') ?? '',
      },
      body: { status: 'published' },
    });
    expect(byLead.status).toBe(404);
    const missingIfMatch = await request(app.url, `/api/prompts/${id}`, {
      method: 'PUT',
      headers: member,
      body: newPrompt,
    });
    expect(missingIfMatch.status).toBe(428);
  });

  it('should render variables and keep one rating per person', async () => {
    const page = (await request(app.url, '/api/prompts?q=proposal&limit=1')).body as PromptPage;
    const prompt = page.items[0] as PromptView;
    const required = prompt.variables.filter(
      (variable) => variable.required && variable.default === undefined,
    );
    const values = Object.fromEntries(
      required.map((variable) => [variable.name, `value of ${variable.name}`]),
    );

    const rendered = await request(app.url, `/api/prompts/${prompt.id}/render`, {
      method: 'POST',
      body: { values },
    });
    expect(rendered.body).toMatchObject({ missing: [] });
    expect((rendered.body as { text: string }).text).not.toMatch(/\{\{/);
    const partial = await request(app.url, `/api/prompts/${prompt.id}/render`, {
      method: 'POST',
      body: { values: {} },
    });
    expect((partial.body as { missing: string[] }).missing).toEqual(
      required.map((variable) => variable.name),
    );

    const up = await request(app.url, `/api/prompts/${prompt.id}/ratings`, {
      method: 'POST',
      headers: member,
      body: { value: 'up' },
    });
    expect(up.body).toMatchObject({ ratingUp: prompt.ratingUp + 1, myRating: 'up' });
    const down = await request(app.url, `/api/prompts/${prompt.id}/ratings`, {
      method: 'POST',
      headers: member,
      body: { value: 'down', reason: 'Too long for a first email' },
    });
    expect(down.body).toMatchObject({
      ratingUp: prompt.ratingUp,
      ratingDown: prompt.ratingDown + 1,
      myRating: 'down',
    });
  });

  it('should count a copied prompt as one use per person and day', async () => {
    const prompt = ((await request(app.url, '/api/prompts?q=meeting&limit=1')).body as PromptPage)
      .items[0] as PromptView;
    const values = Object.fromEntries(prompt.variables.map((variable) => [variable.name, 'x']));
    for (let copy = 0; copy < 3; copy += 1) {
      await request(app.url, `/api/prompts/${prompt.id}/render`, {
        method: 'POST',
        headers: member,
        body: { values, record: true },
      });
    }
    const after = (await request(app.url, `/api/prompts/${prompt.id}`)).body as PromptView;
    expect(after.usageCount).toBe(prompt.usageCount + 1);
  });

  it('should export CSV and JSON for curators and import all or nothing', async () => {
    expect(
      (await request(app.url, '/api/prompts/export?format=csv', { headers: member })).status,
    ).toBe(403);
    const csv = await request(app.url, '/api/prompts/export?format=csv');
    expect(csv.contentType).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe(
      'id,title,body,status,jobFamilyIds,taskIds,tags,variables,ownerId,usageCount,ratingUp,ratingDown',
    );

    const badCsv =
      'title,body\r\nFine title here,Write to {{name}} about the weather please.\r\nx,too short\r\n';
    const rejected = await request(app.url, '/api/prompts/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      rawBody: badCsv,
    });
    expect(rejected.status).toBe(400);
    expect((rejected.body as Problem).errors?.map((error) => error.field)).toEqual([
      'rows[2].title',
      'rows[2].body',
    ]);
    const none = (await request(app.url, '/api/prompts?q=weather')).body as PromptPage;
    expect(none.items).toEqual([]);

    const goodCsv =
      'title,body,tags\r\nWeather small talk opener,"Write a friendly opener about the weather in {{city}}, two lines.",small talk;email\r\n';
    const imported = await request(app.url, '/api/prompts/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      rawBody: goodCsv,
    });
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ imported: 1, rejected: [] });
    const found = (await request(app.url, '/api/prompts?q=weather')).body as PromptPage;
    expect(found.items[0]).toMatchObject({
      title: 'Weather small talk opener',
      tags: ['small talk', 'email'],
    });
    expect(found.items[0]?.variables.map((variable) => variable.name)).toEqual(['city']);

    const json = await request(app.url, '/api/prompts/export?format=json');
    expect((json.body as { prompts: unknown[] }).prompts.length).toBeGreaterThan(80);
  });

  it('should keep prompts of one tenant away from another', async () => {
    const other = devHeaders('someone@other.example', 'other');
    expect(
      ((await request(app.url, '/api/prompts?q=proposal', { headers: other })).body as PromptPage)
        .items,
    ).toEqual([]);
    const demoPrompt = ((await request(app.url, '/api/prompts?limit=1')).body as PromptPage)
      .items[0] as PromptView;
    expect(
      (await request(app.url, `/api/prompts/${demoPrompt.id}`, { headers: other })).status,
    ).toBe(404);
  });
});

describe('prompts across a restart', () => {
  it('should keep a prompt created through the API and still refuse a stale If-Match', async () => {
    const first = await startTestApp();
    const dataDir = first.dataDir;
    const created = await request(first.url, '/api/prompts', {
      method: 'POST',
      body: { ...newPrompt, submit: false },
    });
    const id = (created.body as PromptView).id;
    const etag = created.headers.get('etag') ?? '';
    await request(first.url, `/api/prompts/${id}`, {
      method: 'PUT',
      headers: { 'if-match': etag },
      body: { ...newPrompt, title: 'Renamed before the restart' },
    });
    await first.close();

    const second = await startTestApp({}, { dataDir });
    try {
      const read = await request(second.url, `/api/prompts/${id}`);
      expect(read.body).toMatchObject({ title: 'Renamed before the restart', version: 2 });
      const stale = await request(second.url, `/api/prompts/${id}`, {
        method: 'PUT',
        headers: { 'if-match': etag },
        body: newPrompt,
      });
      expect(stale.status).toBe(412);
      const found = (await request(second.url, '/api/prompts?status=draft&q=renamed'))
        .body as PromptPage;
      expect(found.items.map((prompt) => prompt.id)).toContain(id);
    } finally {
      await second.dispose();
    }
  });
});
