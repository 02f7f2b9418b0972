import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBotEndpoint } from '../../bot/bot-endpoint.js';
import { LastmileBot } from '../../bot/lastmile-bot.js';
import type { PromptView } from '../../src/contracts/prompts.js';
import {
  createRecordingLogger,
  demoMember,
  findCardElements,
  postActivity,
  serveBotEndpoint,
  type RecordingLogger,
  type ServedBot,
} from '../support/bot-framework.js';
import { InMemoryCatalog, failWith, samplePrompt } from '../support/in-memory-catalog.js';
import {
  actionValue,
  cardTexts,
  choicesOf,
  composeMessage,
  expectCleanCard,
  expectSearchResult,
  inputIds,
  messagePayload,
  resultAttachments,
  searchValue,
  stranger,
  taskCard,
  taskMessage,
  teamsInvoke,
  unauthenticatedBot,
} from './message-extension-activities.js';

/*
 * The message extension over real HTTP: Teams invokes posted to the bot endpoint, answered in the
 * HTTP response, with the prompt library as an in-process catalog so each test controls its data.
 * The same invokes run against the whole app in message-extension-app.test.ts.
 */

const tabEndpoint = 'https://lastmile.example.com';
const serviceUrl = 'http://127.0.0.1:9/';
const fixedNow = new Date('2026-11-02T10:00:00.000Z');

const proposalOutline = samplePrompt({
  id: 'proposal-outline',
  title: 'Proposal outline for a new client',
  body: 'Draft a proposal outline for {{client}} covering scope, approach and price.',
  variables: [
    { name: 'client', description: 'The client', required: true },
    { name: 'tone', description: 'Tone of voice', default: 'confident', required: false },
  ],
  jobFamilyIds: ['consulting'],
  tags: ['proposal'],
});

const proposalReview = samplePrompt({
  id: 'proposal-review',
  title: 'Review a *proposal* draft',
  body: 'Review this proposal draft in a {{tone}} tone and list the three weakest points.',
  variables: [{ name: 'tone', description: 'Tone', default: 'direct', required: true }],
  jobFamilyIds: ['client-management'],
  tags: ['proposal', 'review'],
});

/** Enough reports to page through: 30 published, named so their order is clear. */
const reports: PromptView[] = Array.from({ length: 30 }, (_, index) =>
  samplePrompt({
    id: `report-${String(index + 1).padStart(2, '0')}`,
    title: `Weekly report ${index + 1}`,
    body: `Summarise the week's report number ${index + 1} in five bullet points.`,
    jobFamilyIds: [index === 29 ? 'analysis' : 'operations'],
  }),
);

const contosoSecret = samplePrompt({
  id: 'contoso-secret',
  title: 'Contoso proposal secret',
  body: 'A prompt only Contoso should ever see about its proposal.',
});

const analyst = {
  id: '29:analyst',
  aadObjectId: 'analyst-aad',
  name: 'Ana Lyst',
};

let catalog: InMemoryCatalog;
let served: ServedBot;
let logs: RecordingLogger;

function freshCatalog(): InMemoryCatalog {
  return new InMemoryCatalog({
    prompts: { demo: [proposalOutline, proposalReview, ...reports], contoso: [contosoSecret] },
    roster: [
      { tenantId: 'demo', userId: demoMember.aadObjectId, jobFamilyId: 'consulting' },
      { tenantId: 'demo', userId: analyst.aadObjectId, jobFamilyId: 'analysis' },
    ],
  });
}

beforeEach(async () => {
  catalog = freshCatalog();
  logs = createRecordingLogger();
  const bot = new LastmileBot({
    prompts: catalog,
    callers: catalog,
    tabEndpoint,
    now: () => fixedNow,
    logger: logs.logger,
  });
  served = await serveBotEndpoint(
    createBotEndpoint({ settings: unauthenticatedBot, logger: logs.logger, bot }),
  );
});

afterEach(async () => {
  await served.close();
});

async function invoke(
  name: string,
  value: unknown,
  options: Parameters<typeof teamsInvoke>[2] = { serviceUrl },
): Promise<unknown> {
  const response = await postActivity(served.messagesUrl, teamsInvoke(name, value, options));
  expect(response.status).toBe(200);
  return response.body;
}

describe('findPrompt search', () => {
  it('should find prompts for someone the roster does not know, each with a card and a preview', async () => {
    const body = await invoke('composeExtension/query', searchValue('proposal'), {
      serviceUrl,
      from: stranger(),
    });
    const attachments = resultAttachments(body);
    expect(attachments.map(expectSearchResult)).toEqual(['proposal-outline', 'proposal-review']);
    const preview = attachments[0]?.preview?.content;
    expect(preview?.title).toBe(proposalOutline.title);
    expect(preview?.text).toBe(
      'Draft a proposal outline for {{client}} covering scope, approach and price.',
    );
    expect(preview?.images).toEqual([{ url: `${tabEndpoint}/favicon.svg` }]);
  });

  it('should insert a card with the placeholders showing when a required value has no default', async () => {
    const [outline] = resultAttachments(
      await invoke('composeExtension/query', searchValue('outline')),
    );
    expect(cardTexts(outline?.content)).toEqual([
      proposalOutline.title,
      proposalOutline.body,
      'consulting · proposal',
    ]);
    expect(findCardElements(outline?.content, 'Action.OpenUrl')[0]?.url).toBe(
      `${tabEndpoint}/#/library/proposal-outline`,
    );
  });

  it("should name the prompt's job families on its card when the bot knows the program's", async () => {
    // Each search shows the names: they are read once per tenant and reused for 30 s.
    let reads = 0;
    let familyName = 'Consulting';
    let now = fixedNow.getTime();
    const named = await serveBotEndpoint(
      createBotEndpoint({
        settings: unauthenticatedBot,
        logger: logs.logger,
        bot: new LastmileBot({
          prompts: catalog,
          callers: catalog,
          jobFamilies: {
            listJobFamilies: (tenantId) => {
              reads += 1;
              return Promise.resolve(
                tenantId === 'demo' ? [{ id: 'consulting', name: familyName }] : [],
              );
            },
          },
          tabEndpoint,
          now: () => new Date(now),
          logger: logs.logger,
        }),
      }),
    );
    try {
      const response = await postActivity(
        named.messagesUrl,
        teamsInvoke('composeExtension/query', searchValue('outline'), { serviceUrl }),
      );
      expect(response.status).toBe(200);
      const [outline] = resultAttachments(response.body);
      expect(cardTexts(outline?.content)[2]).toBe('Consulting · proposal');

      const search = async (): Promise<unknown> =>
        resultAttachments(
          (
            await postActivity(
              named.messagesUrl,
              teamsInvoke('composeExtension/query', searchValue('outline'), { serviceUrl }),
            )
          ).body,
        )[0]?.content;
      familyName = 'Consulting and advisory';
      now += 29_000;
      expect(cardTexts(await search())[2]).toBe('Consulting · proposal');
      expect(reads).toBe(1);
      now += 2_000;
      expect(cardTexts(await search())[2]).toBe('Consulting and advisory · proposal');
      expect(reads).toBe(2);

      // The Save as prompt form offers the program's families by name, and files under them.
      const saveForm = taskCard(
        (
          await postActivity(
            named.messagesUrl,
            teamsInvoke(
              'composeExtension/fetchTask',
              actionValue('saveAsPrompt', undefined, {
                messagePayload: messagePayload('<p>Hi</p>'),
              }),
              { serviceUrl },
            ),
          )
        ).body,
      );
      expect(choicesOf(saveForm, 'jobFamilyId')).toEqual([
        { title: 'Consulting and advisory', value: 'consulting' },
      ]);
    } finally {
      await named.close();
    }
  });

  it('should insert the prompt filled with its defaults when they complete it', async () => {
    const [review] = resultAttachments(
      await invoke('composeExtension/query', searchValue('weakest')),
    );
    expect(cardTexts(review?.content)[1]).toBe(
      'Review this proposal draft in a direct tone and list the three weakest points.',
    );
  });

  it('should show markup in a title as text in the preview', async () => {
    const [review] = resultAttachments(
      await invoke('composeExtension/query', searchValue('weakest')),
    );
    expect(cardTexts(review?.content)[0]).toBe('Review a *proposal* draft');
    expect(review?.preview?.content.title).toBe('Review a *proposal* draft');
  });

  it('should page with skip and count and cap a page at 25', async () => {
    const page = async (skip: number, count: number): Promise<string[]> =>
      resultAttachments(
        await invoke('composeExtension/query', searchValue('weekly report', { skip, count })),
      ).map(expectSearchResult);
    const first = await page(0, 12);
    const second = await page(12, 12);
    const third = await page(24, 12);
    expect([first.length, second.length, third.length]).toEqual([12, 12, 6]);
    expect(new Set([...first, ...second, ...third]).size).toBe(30);
    expect(await page(0, 100)).toHaveLength(25);
    expect(await page(30, 10)).toEqual([]);
  });

  it('should fall back to sane paging when Teams sends odd query options', async () => {
    const body = await invoke('composeExtension/query', {
      ...searchValue('weekly report'),
      queryOptions: { skip: -5, count: 'lots' },
    });
    expect(resultAttachments(body)).toHaveLength(10);
  });

  it("should open on the caller's job family's prompts when the box is empty", async () => {
    const body = await invoke('composeExtension/query', searchValue(undefined, { count: 3 }), {
      serviceUrl,
      from: analyst,
    });
    const ids = resultAttachments(body).map(expectSearchResult);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toBe('report-30');
  });

  it('should answer a search with no matches with an empty result, not an error', async () => {
    const body = await invoke('composeExtension/query', searchValue('zebra crossing'));
    expect(resultAttachments(body)).toEqual([]);
  });

  it("should never show another tenant's prompts", async () => {
    const body = await invoke('composeExtension/query', searchValue('secret'));
    expect(resultAttachments(body)).toEqual([]);
    const contoso = await invoke('composeExtension/query', searchValue('secret'), {
      serviceUrl,
      tenantId: 'contoso',
      from: stranger(),
    });
    expect(resultAttachments(contoso).map(expectSearchResult)).toEqual(['contoso-secret']);
  });

  it('should say that a command it does not know is not available', async () => {
    const body = await invoke(
      'composeExtension/query',
      searchValue('x', { commandId: 'somethingElse' }),
    );
    expect(composeMessage(body)).toMatch(/not available/u);
  });
});

describe('selecting a search result', () => {
  it('should insert the card and count the insertion once per activity id', async () => {
    const from = stranger();
    const activityId = `select-${Date.now()}`;
    const select = (): Promise<unknown> =>
      invoke(
        'composeExtension/selectItem',
        { promptId: 'proposal-outline' },
        { serviceUrl, from, id: activityId },
      );
    const first = resultAttachments(await select());
    const second = resultAttachments(await select());
    expect(first).toHaveLength(1);
    expect(second).toEqual(first);
    expect(cardTexts(first[0]?.content)[0]).toBe(proposalOutline.title);
    expect(catalog.uses).toEqual([
      {
        tenantId: 'demo',
        userId: from.aadObjectId,
        promptId: 'proposal-outline',
        eventId: activityId,
        occurredAt: fixedNow,
        kind: 'insert',
      },
    ]);
    expect(catalog.promptsOf('demo').find((p) => p.id === 'proposal-outline')?.usageCount).toBe(1);

    await invoke(
      'composeExtension/selectItem',
      { promptId: 'proposal-outline' },
      { serviceUrl, from, id: `${activityId}-again` },
    );
    expect(catalog.uses).toHaveLength(2);
  });

  it('should explain, not fail, when the prompt is gone or the tap is malformed', async () => {
    const gone = await invoke('composeExtension/selectItem', { promptId: 'no-such-prompt' });
    expect(composeMessage(gone)).toMatch(/not in the library/u);
    const malformed = await invoke('composeExtension/selectItem', { promptId: { $ne: null } });
    expect(composeMessage(malformed)).toMatch(/not in the library/u);
    expect(catalog.uses).toEqual([]);
  });

  it('should still insert the prompt when counting the use fails', async () => {
    catalog.beforeEach = (method) => {
      if (method === 'recordUse') failWith('unavailable')();
    };
    const body = await invoke('composeExtension/selectItem', { promptId: 'proposal-outline' });
    expect(resultAttachments(body)).toHaveLength(1);
    expect(
      logs.entries.some((entry) => entry.msg === 'An insertion could not be recorded as AI use'),
    ).toBe(true);
  });
});

describe('fillPrompt action', () => {
  it('should let a person pick a prompt, fill its variables and insert the filled text', async () => {
    const from = stranger();
    const picker = taskCard(
      await invoke('composeExtension/fetchTask', actionValue('fillPrompt'), { serviceUrl, from }),
    );
    const choices = choicesOf(picker, 'promptId');
    expect(choices.length).toBeGreaterThanOrEqual(25);
    expect(choices.map((choice) => choice.value)).toContain('proposal-outline');

    const form = taskCard(
      await invoke(
        'composeExtension/submitAction',
        actionValue('fillPrompt', { step: 'pick', promptId: 'proposal-outline', search: '' }),
        { serviceUrl, from },
      ),
    );
    expect(inputIds(form)).toEqual(['var_client', 'var_tone']);
    expect(findCardElements(form, 'Input.Text')[1]).toMatchObject({
      value: 'confident',
      isRequired: false,
    });

    const insertId = `fill-${Date.now()}`;
    const inserted = resultAttachments(
      await invoke(
        'composeExtension/submitAction',
        actionValue('fillPrompt', {
          step: 'fill',
          promptId: 'proposal-outline',
          var_client: 'Contoso Retail',
          var_tone: 'confident',
        }),
        { serviceUrl, from, id: insertId },
      ),
    );
    expect(inserted).toHaveLength(1);
    expectCleanCard(inserted[0]?.content);
    expect(cardTexts(inserted[0]?.content)[1]).toBe(
      'Draft a proposal outline for Contoso Retail covering scope, approach and price.',
    );
    expect(catalog.uses.map((use) => [use.eventId, use.kind, use.promptId])).toEqual([
      [insertId, 'insert', 'proposal-outline'],
    ]);
  });

  it('should show the form again with an error when a required value is missing', async () => {
    const form = taskCard(
      await invoke(
        'composeExtension/submitAction',
        actionValue('fillPrompt', {
          step: 'fill',
          promptId: 'proposal-outline',
          var_client: '   ',
          var_tone: 'calm',
        }),
      ),
    );
    expect(cardTexts(form)).toContain('Fill in: The client.');
    expect(findCardElements(form, 'Input.Text')[1]?.value).toBe('calm');
    expect(catalog.uses).toEqual([]);
  });

  it('should open the form directly when the action carries a prompt id', async () => {
    const form = taskCard(
      await invoke(
        'composeExtension/fetchTask',
        actionValue('fillPrompt', { promptId: 'proposal-review' }),
      ),
    );
    expect(inputIds(form)).toEqual(['var_tone']);
  });

  it('should ask again when Next is pressed without a choice, and search on request', async () => {
    const again = taskCard(
      await invoke(
        'composeExtension/submitAction',
        actionValue('fillPrompt', { step: 'pick', search: '' }),
      ),
    );
    expect(cardTexts(again)).toContain('Choose a prompt first.');
    const searched = taskCard(
      await invoke(
        'composeExtension/submitAction',
        actionValue('fillPrompt', { step: 'search', search: 'weakest' }),
      ),
    );
    expect(choicesOf(searched, 'promptId').map((choice) => choice.value)).toEqual([
      'proposal-review',
    ]);
  });

  it('should explain when the chosen prompt has gone', async () => {
    const body = await invoke(
      'composeExtension/submitAction',
      actionValue('fillPrompt', { step: 'fill', promptId: 'removed-prompt', var_client: 'x' }),
    );
    expect(taskMessage(body)).toMatch(/not in the library/u);
  });
});

describe('saveAsPrompt message action', () => {
  const html =
    '<p>Client update email:</p><p>Write to {{client}} about the <b>delay</b> &amp; the next steps.</p>';

  it('should prefill the form from the message and propose the prompt for review', async () => {
    const from = stranger('Sam Saver');
    const conversationId = `19:${Date.now()}@thread.v2`;
    const form = taskCard(
      await invoke(
        'composeExtension/fetchTask',
        actionValue('saveAsPrompt', undefined, { messagePayload: messagePayload(html) }),
        { serviceUrl, from, conversationId, conversationType: 'groupChat' },
      ),
    );
    const values = Object.fromEntries(
      findCardElements(form, 'Input.Text').map((input) => [input.id, input.value]),
    );
    expect(values).toEqual({
      title: 'Client update email',
      body: 'Client update email:\nWrite to {{client}} about the delay & the next steps.',
      tags: '',
    });
    expect(choicesOf(form, 'jobFamilyId').map((choice) => choice.value)).toEqual([
      'consulting',
      'analysis',
      'client-management',
      'operations',
    ]);

    const answer = await invoke(
      'composeExtension/submitAction',
      actionValue('saveAsPrompt', {
        step: 'save',
        ...values,
        title: 'Client delay update',
        jobFamilyId: 'client-management',
        tags: 'Email, delay',
      }),
      { serviceUrl, from, conversationId, conversationType: 'groupChat' },
    );
    expect(taskMessage(answer)).toBe(
      'Saved. Client delay update is waiting for review in the library.',
    );
    expect(catalog.proposals).toHaveLength(1);
    const [proposal] = catalog.proposals;
    expect(proposal?.source).toEqual({ kind: 'message', reference: conversationId });
    expect(proposal?.prompt).toMatchObject({
      status: 'in-review',
      ownerId: from.aadObjectId,
      title: 'Client delay update',
      variables: [{ name: 'client', description: '', required: true }],
      jobFamilyIds: ['client-management'],
      tags: ['email', 'delay'],
    });
  });

  it("should preselect the caller's job family", async () => {
    const form = taskCard(
      await invoke(
        'composeExtension/fetchTask',
        actionValue('saveAsPrompt', undefined, { messagePayload: messagePayload(html) }),
        { serviceUrl, from: analyst },
      ),
    );
    expect(findCardElements(form, 'Input.ChoiceSet')[0]?.value).toBe('analysis');
  });

  it('should show the form again with what to fix when the title or text is too short', async () => {
    const form = taskCard(
      await invoke(
        'composeExtension/submitAction',
        actionValue('saveAsPrompt', { step: 'save', title: 'ab', body: 'short', tags: '' }),
      ),
    );
    expect(cardTexts(form)).toEqual([
      'Give the prompt a title of 3 to 120 characters.',
      'The prompt text needs 10 to 8,000 characters.',
    ]);
    expect(findCardElements(form, 'Input.Text')[0]?.value).toBe('ab');
    expect(catalog.proposals).toEqual([]);
  });

  it('should explain when the library cannot take the proposal right now', async () => {
    catalog.beforeEach = (method) => {
      if (method === 'propose') failWith('throttled')();
    };
    const body = await invoke(
      'composeExtension/submitAction',
      actionValue('saveAsPrompt', {
        step: 'save',
        title: 'Valid title',
        body: 'A valid prompt body.',
      }),
    );
    expect(taskMessage(body)).toMatch(/busy/u);
  });
});

describe('library link unfurling', () => {
  it('should unfurl a link to a prompt into its card with a preview', async () => {
    const body = await invoke('composeExtension/queryLink', {
      url: `${tabEndpoint}/#/library/proposal-review`,
    });
    const attachments = resultAttachments(body);
    expect(attachments.map(expectSearchResult)).toEqual(['proposal-review']);
  });

  it.each([
    `${tabEndpoint}/#/library/no-such-prompt`,
    `${tabEndpoint}/#/library/contoso-secret`,
    `${tabEndpoint}/#/scoreboard`,
    'https://elsewhere.example/#/library/proposal-review',
  ])('should leave %s as a plain link', async (url) => {
    expect(resultAttachments(await invoke('composeExtension/queryLink', { url }))).toEqual([]);
  });
});

describe('message extension failures', () => {
  it('should tell someone it cannot identify, instead of failing, for every invoke', async () => {
    const anonymous = { id: '29:anonymous', name: 'No Entra id' };
    const query = await invoke('composeExtension/query', searchValue('proposal'), {
      serviceUrl,
      from: anonymous,
    });
    expect(composeMessage(query)).toMatch(/could not tell who you are/u);
    const task = await invoke('composeExtension/fetchTask', actionValue('fillPrompt'), {
      serviceUrl,
      from: anonymous,
    });
    expect(taskMessage(task)).toMatch(/could not tell who you are/u);
  });

  it('should answer a library outage with a friendly message and log an unexpected fault', async () => {
    catalog.beforeEach = failWith('unavailable');
    const outage = await invoke('composeExtension/query', searchValue('proposal'));
    expect(composeMessage(outage)).toMatch(/not available right now/u);

    catalog.beforeEach = () => {
      throw new Error('disk on fire');
    };
    const before = logs.entries.length;
    const fault = await invoke('composeExtension/fetchTask', actionValue('fillPrompt'));
    expect(taskMessage(fault)).toMatch(/something went wrong/u);
    const logged = logs.entries.slice(before);
    expect(logged.some((entry) => entry.msg === 'A message extension request failed')).toBe(true);
    expect(JSON.stringify(fault)).not.toContain('disk on fire');
  });

  it('should say that flagging is not set up yet rather than fail', async () => {
    const body = await invoke('composeExtension/fetchTask', actionValue('flagOutput'));
    expect(taskMessage(body)).toMatch(/not set up yet/u);
  });
});
