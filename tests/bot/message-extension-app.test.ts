import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse } from '../../src/contracts/identity.js';
import {
  promptPageSchema,
  promptViewSchema,
  type PromptView,
} from '../../src/contracts/prompts.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { findCardElements, postActivity } from '../support/bot-framework.js';
import { devHeaders, request } from '../support/http.js';
import {
  actionValue,
  cardTexts,
  choicesOf,
  expectSearchResult,
  inputIds,
  messagePayload,
  resultAttachments,
  searchValue,
  stranger,
  taskCard,
  taskMessage,
  teamsInvoke,
} from './message-extension-activities.js';

/*
 * The message extension in the running app: the real prompt service, search index and usage
 * records behind /api/messages, the demo library seeded, and the REST API to check the effects.
 */

const tabEndpoint = 'https://lastmile.example.com';
const serviceUrl = 'http://127.0.0.1:9/';
const champion = devHeaders('champion@demo.example');
const member = devHeaders('member@demo.example');

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ TAB_ENDPOINT: tabEndpoint });
});

afterAll(async () => {
  await app.dispose();
});

async function invoke(
  name: string,
  value: unknown,
  options: Parameters<typeof teamsInvoke>[2] = { serviceUrl, from: stranger() },
): Promise<unknown> {
  const response = await postActivity(`${app.url}/api/messages`, teamsInvoke(name, value, options));
  expect(response.status).toBe(200);
  return response.body;
}

async function promptById(id: string): Promise<PromptView> {
  const response = await request(app.url, `/api/prompts/${encodeURIComponent(id)}`, {
    headers: champion,
  });
  expect(response.status).toBe(200);
  return promptViewSchema.parse(response.body);
}

async function searchIds(
  text: string | undefined,
  options: { skip?: number; count?: number } = {},
  from = stranger(),
): Promise<string[]> {
  const body = await invoke('composeExtension/query', searchValue(text, options), {
    serviceUrl,
    from,
  });
  return resultAttachments(body).map(expectSearchResult);
}

describe('findPrompt in the running app', () => {
  it('should find proposal prompts for someone the demo roster does not know, with previews', async () => {
    const body = await invoke('composeExtension/query', searchValue('proposal'), {
      serviceUrl,
      tenantId: 'demo',
      from: { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name: 'New Joiner' },
    });
    const attachments = resultAttachments(body);
    expect(attachments.length).toBeGreaterThanOrEqual(1);
    for (const attachment of attachments) {
      expectSearchResult(attachment);
      expect(attachment.preview?.content.title).toBeTypeOf('string');
    }
    const first = await promptById(expectSearchResult(attachments[0]));
    expect(`${first.title} ${first.body}`).toMatch(/proposal/iu);
    expect(findCardElements(attachments[0]?.content, 'Action.OpenUrl')[0]?.url).toBe(
      `${tabEndpoint}/#/library/${first.id}`,
    );
  });

  it('should page through the library with skip and count, 25 at most', async () => {
    const first = await searchIds(undefined, { skip: 0, count: 10 });
    const second = await searchIds(undefined, { skip: 10, count: 10 });
    expect(first).toHaveLength(10);
    expect(second).toHaveLength(10);
    expect(new Set([...first, ...second]).size).toBe(20);
    expect(await searchIds(undefined, { count: 100 })).toHaveLength(25);
  });

  it("should open on prompts for the caller's job family when the box is empty", async () => {
    const me = (await request(app.url, '/api/me', { headers: member })).body as MeResponse;
    expect(me.jobFamily).toBeDefined();
    const [firstId] = await searchIds(
      undefined,
      { count: 5 },
      {
        id: '29:member',
        aadObjectId: me.userId,
        name: me.displayName ?? 'Member',
      },
    );
    const first = await promptById(firstId ?? '');
    expect(first.jobFamilyIds).toContain(me.jobFamily);
  });

  it("should not show the demo tenant's prompts in another tenant", async () => {
    const body = await invoke('composeExtension/query', searchValue('proposal'), {
      serviceUrl,
      tenantId: `tenant-${randomUUID()}`,
      from: stranger(),
    });
    expect(resultAttachments(body)).toEqual([]);
  });
});

describe('inserting a prompt in the running app', () => {
  it('should count an insertion once however often Teams repeats the same activity', async () => {
    const [promptId] = await searchIds('proposal', { count: 1 });
    const before = (await promptById(promptId ?? '')).usageCount;
    const from = stranger();
    const activityId = `select-${randomUUID()}`;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const body = await invoke(
        'composeExtension/selectItem',
        { promptId },
        { serviceUrl, from, id: activityId },
      );
      expect(resultAttachments(body)).toHaveLength(1);
    }
    expect((await promptById(promptId ?? '')).usageCount).toBe(before + 1);

    await invoke('composeExtension/selectItem', { promptId }, { serviceUrl, from });
    expect((await promptById(promptId ?? '')).usageCount).toBe(before + 2);
  });

  it('should unfurl a library link into the prompt card and leave other links alone', async () => {
    const [promptId] = await searchIds('proposal', { count: 1 });
    const unfurled = await invoke('composeExtension/queryLink', {
      url: `${tabEndpoint}/#/library/${promptId ?? ''}`,
    });
    expect(resultAttachments(unfurled).map(expectSearchResult)).toEqual([promptId]);
    const unknown = await invoke('composeExtension/queryLink', {
      url: `${tabEndpoint}/#/library/p-no-such-prompt`,
    });
    expect(resultAttachments(unknown)).toEqual([]);
  });
});

describe('fillPrompt in the running app', () => {
  it('should pick, ask for the variables, insist on required ones and insert the filled prompt', async () => {
    const from = stranger();
    const picker = taskCard(
      await invoke('composeExtension/fetchTask', actionValue('fillPrompt'), { serviceUrl, from }),
    );
    const choices = choicesOf(picker, 'promptId');
    expect(choices.length).toBeGreaterThanOrEqual(10);

    const searched = taskCard(
      await invoke(
        'composeExtension/submitAction',
        actionValue('fillPrompt', { step: 'search', search: 'proposal' }),
        { serviceUrl, from },
      ),
    );
    const promptId = choicesOf(searched, 'promptId')[0]?.value ?? '';
    const prompt = await promptById(promptId);
    const required = prompt.variables.filter((variable) => variable.required);
    expect(required.length).toBeGreaterThan(0);

    const form = taskCard(
      await invoke(
        'composeExtension/submitAction',
        actionValue('fillPrompt', { step: 'pick', promptId, search: 'proposal' }),
        { serviceUrl, from },
      ),
    );
    expect(inputIds(form)).toEqual(prompt.variables.map((variable) => `var_${variable.name}`));

    const again = taskCard(
      await invoke(
        'composeExtension/submitAction',
        actionValue('fillPrompt', { step: 'fill', promptId }),
        { serviceUrl, from },
      ),
    );
    expect(cardTexts(again).some((text) => text.startsWith('Fill in: '))).toBe(true);
    expect((await promptById(promptId)).usageCount).toBe(prompt.usageCount);

    const values = Object.fromEntries(
      prompt.variables.map((variable) => [`var_${variable.name}`, `value of ${variable.name}`]),
    );
    const inserted = resultAttachments(
      await invoke(
        'composeExtension/submitAction',
        actionValue('fillPrompt', { step: 'fill', promptId, ...values }),
        { serviceUrl, from },
      ),
    );
    const text = cardTexts(inserted[0]?.content)[1] ?? '';
    for (const variable of prompt.variables) expect(text).toContain(`value of ${variable.name}`);
    expect(text).not.toMatch(/\{\{/u);
    expect((await promptById(promptId)).usageCount).toBe(prompt.usageCount + 1);
  });
});

describe('saveAsPrompt in the running app', () => {
  it('should turn a message into a proposal in the champion’s review queue', async () => {
    const from = stranger('Rita Reviewer');
    const title = `Status update for a client ${randomUUID().slice(0, 8)}`;
    const form = taskCard(
      await invoke(
        'composeExtension/fetchTask',
        actionValue('saveAsPrompt', undefined, {
          messagePayload: messagePayload(
            `<p>${title}</p><p>Write a short status update for {{client}} on the project.</p>`,
          ),
        }),
        { serviceUrl, from },
      ),
    );
    const values = Object.fromEntries(
      findCardElements(form, 'Input.Text').map((input) => [input.id, input.value]),
    );
    expect(values.title).toBe(title);

    const answer = await invoke(
      'composeExtension/submitAction',
      actionValue('saveAsPrompt', { step: 'save', ...values, title, jobFamilyId: 'consulting' }),
      { serviceUrl, from },
    );
    expect(taskMessage(answer)).toBe(`Saved. ${title} is waiting for review in the library.`);

    const queue = promptPageSchema.parse(
      (await request(app.url, '/api/prompts/review-queue', { headers: champion })).body,
    );
    const proposal = queue.items.find((item) => item.title === title);
    expect(proposal).toMatchObject({
      status: 'in-review',
      ownerId: from.aadObjectId,
      jobFamilyIds: ['consulting'],
      variables: [{ name: 'client', required: true }],
    });
  });

  it('should show the form again, and save nothing, when the text is too short', async () => {
    const form = taskCard(
      await invoke(
        'composeExtension/submitAction',
        actionValue('saveAsPrompt', { step: 'save', title: 'Too short', body: 'tiny' }),
      ),
    );
    expect(cardTexts(form)).toEqual(['The prompt text needs 10 to 8,000 characters.']);
    const queue = promptPageSchema.parse(
      (await request(app.url, '/api/prompts/review-queue', { headers: champion })).body,
    );
    expect(queue.items.some((item) => item.title === 'Too short')).toBe(false);
  });
});
