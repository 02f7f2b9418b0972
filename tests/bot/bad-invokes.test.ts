import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoFixedPeople } from '../../src/domain/demo-tenant.js';
import { type TestApp, startTestApp } from '../support/app.js';
import {
  type LoopbackConnector,
  type SentActivity,
  findCardElements,
  parseAdaptiveCard,
  startLoopbackConnector,
  teamsMessage,
} from '../support/bot-framework.js';
import {
  createErrorLog,
  deepJson,
  type ErrorLog,
  expectPrototypesUnpolluted,
  hostileTextArbitrary,
  leakIn,
  loneSurrogateArbitrary,
  protoKeys,
  protoPayload,
  propertySeed,
  type PrototypeSnapshot,
  snapshotPrototypes,
} from '../support/hostile-input.js';
import { devHeaders, request, parseJsonText } from '../support/http.js';
import { type StoreFingerprint, storeChanges, watchStore } from '../support/store-fingerprint.js';
import { teamsInvoke } from './message-extension-activities.js';

/*
 * Bad input to the bot endpoint of the running app, generated with fast-check (seeded): message
 * extension invokes, Adaptive Card actions with every verb the bot handles, task module fetches
 * and submits, and messages with odd text, all over HTTP as Teams sends them. The endpoint never
 * answers 5xx, no answer, card or reply carries a stack trace, a failure sentence or an unfilled
 * template expression, every card parses cleanly and shows people's text only where markdown is
 * not read, and invalid input leaves every document of the store as it was.
 */

const testEnv = {
  LASTMILE_DELIVERY_WORKER: 'false',
  LASTMILE_RATE_LIMITS: 'off',
  TAB_ENDPOINT: 'https://lastmile.example.com',
};
const requiredInvokes = 400;

/** The sentences the bot uses when something failed on its side: never for bad input. */
const failureSentences = [
  /something went wrong/iu,
  /could not finish that/iu,
  // What the bot says for `throttled` and `unavailable`: the store's trouble, not the sender's.
  /is busy right now/iu,
  /not available right now/iu,
];

/** Where hostile text must never reach: markdown (TextBlock), images and links. */
const hostileMarkers = ['evil.example', '<script>', '**bold**'];

interface Persona {
  readonly account: { readonly id: string; readonly aadObjectId: string; readonly name: string };
  readonly conversationId: string;
}

const member: Persona = {
  account: {
    id: '29:bad-input-member',
    aadObjectId: demoFixedPeople.member.id,
    name: 'Mia Okafor',
  },
  conversationId: 'a:bad-input-member-chat',
};
const champion: Persona = {
  account: {
    id: '29:bad-input-champion',
    aadObjectId: demoFixedPeople.champion.id,
    name: 'Dana Whitfield',
  },
  conversationId: 'a:bad-input-champion-chat',
};

let app: TestApp;
let connector: LoopbackConnector;
const store = watchStore();
let errorLog: ErrorLog;
let baseline: StoreFingerprint;
let prototypes: PrototypeSnapshot;
let invokes = 0;
let activityCounter = 0;

interface Known {
  readonly promptIds: ReadonlySet<string>;
  readonly promptId: string;
  readonly lessonId: string;
  readonly taskId: string;
  readonly sessionIds: ReadonlySet<string>;
}
let known: Known;

interface BotAnswer {
  readonly status: number;
  readonly text: string;
  readonly body: unknown;
  /** What the bot posted to the connector during the turn. */
  readonly replies: readonly SentActivity[];
}

function activityBase(persona: Persona): Record<string, unknown> {
  activityCounter += 1;
  const base = teamsMessage('', {
    serviceUrl: connector.serviceUrl,
    conversationId: persona.conversationId,
    from: persona.account,
    id: `bad-input-${String(activityCounter)}`,
  }) as Record<string, unknown>;
  delete base['text'];
  delete base['textFormat'];
  return base;
}

async function postRaw(body: string, contentType = 'application/json'): Promise<BotAnswer> {
  invokes += 1;
  const before = connector.activities.length;
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  const parsed = parseJsonText(text);
  return {
    status: response.status,
    text,
    body: parsed,
    replies: connector.activities.slice(before),
  };
}

function post(activity: unknown): Promise<BotAnswer> {
  return postRaw(JSON.stringify(activity));
}

function invoke(persona: Persona, name: string, value: unknown): Promise<BotAnswer> {
  const activity = {
    ...teamsInvoke(name, value, {
      serviceUrl: connector.serviceUrl,
      conversationId: persona.conversationId,
      from: persona.account,
      id: `bad-input-${String((activityCounter += 1))}`,
    }),
  };
  return post(activity);
}

/** Every Adaptive Card in a JSON value: attachments, task cards and `adaptiveCard/action` answers. */
function cardsIn(value: unknown): unknown[] {
  const cards: unknown[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['contentType'] === 'application/vnd.microsoft.card.adaptive') {
      cards.push(record['content']);
      return;
    }
    if (record['type'] === 'application/vnd.microsoft.card.adaptive' && 'value' in record) {
      cards.push(record['value']);
      return;
    }
    Object.values(record).forEach(visit);
  };
  visit(value);
  return cards;
}

/** A card parses cleanly, every template expression in it came from what was sent, and people's
 * text reaches no markdown, image or link. */
function expectSafeCard(card: unknown, sent: string, context: string): void {
  expect(parseAdaptiveCard(card).problems, context).toEqual([]);
  const json = JSON.stringify(card);
  for (const expression of json.match(/\$\{[^}]*\}?/gu) ?? []) {
    expect(sent, `${context}\nunfilled template expression ${expression}`).toContain(expression);
  }
  const markdown = findCardElements(card, 'TextBlock').map((block) => String(block['text']));
  const urls = [
    ...findCardElements(card, 'Image').map((image) => String(image['url'])),
    ...findCardElements(card, 'Action.OpenUrl').map((action) => String(action['url'])),
  ];
  for (const marker of hostileMarkers) {
    expect(
      markdown.filter((text) => text.includes(marker)),
      context,
    ).toEqual([]);
    expect(
      urls.filter((url) => url.includes(marker)),
      context,
    ).toEqual([]);
  }
}

/** Never 5xx, no leak, no failure sentence, and clean cards in the answer and the replies. */
function expectCalmAnswer(answer: BotAnswer, sent: string, statuses: readonly number[]): void {
  const context = `${sent.slice(0, 600)}\n→ ${String(answer.status)} ${answer.text.slice(0, 600)}`;
  expect(statuses, context).toContain(answer.status);
  const everything = [
    answer.text,
    ...answer.replies.map((reply) => JSON.stringify(reply.activity)),
  ];
  for (const text of everything) {
    expect(leakIn(text, sent), context).toBeUndefined();
    for (const sentence of failureSentences) expect(text, context).not.toMatch(sentence);
  }
  for (const card of [
    ...cardsIn(answer.body),
    ...answer.replies.flatMap((reply) => cardsIn(reply.activity)),
  ]) {
    expectSafeCard(card, sent, context);
  }
}

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Generators

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileTextArbitrary(),
  loneSurrogateArbitrary(),
  fc.constantFrom(...protoKeys).map((key) => protoPayload(key)),
);

/** A value where a form field's text belongs: wrong types, hostile, huge, lone surrogates. */
const oddField: fc.Arbitrary<unknown> = fc.oneof(
  hostileTextArbitrary(),
  loneSurrogateArbitrary(),
  fc.integer({ min: 1_000, max: 120_000 }).map((length) => 'x'.repeat(length)),
  fc.constantFrom(null, 0, -1, true, [], {}, ['a'], { value: 'a' }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Ids that name nothing: malformed, prototype names, hostile, or well-formed and unknown. */
function unknownIdArbitrary(taken: ReadonlySet<string>): fc.Arbitrary<unknown> {
  return fc
    .oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', ' ', '..', '%00'),
      fc.string({ maxLength: 80 }),
      hostileTextArbitrary(),
      loneSurrogateArbitrary(),
      fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/u).map((id) => `${id}-unknown`),
      fc.constantFrom(null, 7, true, [], {}, ['p-1']),
    )
    .filter((id) => typeof id !== 'string' || !taken.has(id.trim()));
}

/** Text that is too short to be a title once trimmed, or not text at all. */
const shortTitle: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 2 }),
  fc.constantFrom('  ', ' a ', '\n\t', 'ab'),
  fc.constantFrom(null, 12, false, ['title'], { text: 'title' }),
);

function messageExtensionInvoke(): fc.Arbitrary<{ name: string; value: unknown }> {
  const query = fc.oneof(
    anyJson,
    fc.record({
      commandId: fc.oneof(fc.constant('findPrompt'), fc.string({ maxLength: 20 }), anyJson),
      parameters: fc.oneof(
        fc.array(
          fc.record({
            name: fc.oneof(fc.constantFrom('searchQuery', 'initialRun', '__proto__'), fc.string()),
            value: oddField,
          }),
          { maxLength: 3 },
        ),
        anyJson,
      ),
      queryOptions: fc.oneof(
        fc.record({
          skip: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 10 }), anyJson),
          count: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 10 }), anyJson),
        }),
        anyJson,
      ),
    }),
  );
  const selectItem = fc.oneof(
    anyJson,
    fc.record({ promptId: unknownIdArbitrary(known.promptIds) }),
  );
  const queryLink = fc.oneof(
    anyJson,
    fc.record({
      url: fc.oneof(
        fc.webUrl(),
        fc.constantFrom(
          'https://lastmile.example.com/#/library/__proto__',
          'https://lastmile.example.com/#/library/',
          'https://lastmile.example.com/#/library/%ED%A0%80',
          'javascript:alert(1)',
          'https://evil.example/#/library/p-1',
          'https://lastmile.example.com.evil.example/#/library/p-1',
        ),
        unknownIdArbitrary(known.promptIds).map(
          (id) => `https://lastmile.example.com/#/library/${String(id)}`,
        ),
        oddField,
      ),
    }),
  );
  const messagePayload = fc.oneof(
    anyJson,
    fc.record({
      body: fc.oneof(
        fc.record({
          contentType: fc.constantFrom('html', 'text', 'xml'),
          content: oddField,
        }),
        anyJson,
      ),
      from: anyJson,
    }),
  );
  const commandId = fc.oneof(
    fc.constantFrom('fillPrompt', 'saveAsPrompt', 'flagOutput'),
    fc.string({ maxLength: 20 }),
    anyJson,
  );
  const fetchTask = fc.oneof(
    anyJson,
    fc.record({
      commandId,
      commandContext: fc.oneof(fc.constantFrom('compose', 'message', 'commandbox'), anyJson),
      messagePayload,
      data: fc.oneof(anyJson, fc.record({ promptId: unknownIdArbitrary(known.promptIds) })),
    }),
  );
  // Every submit is one the bot must refuse: no valid flag, no valid prompt, no complete fill.
  const submitAction = fc.oneof(
    anyJson,
    fc.record({
      commandId: fc.constant('fillPrompt'),
      data: fc.oneof(
        fc.record({
          step: fc.constantFrom('fill', 'search', 'pick', '', 'FILL'),
          promptId: unknownIdArbitrary(known.promptIds),
          search: oddField,
        }),
        fc.record({
          step: fc.oneof(fc.constantFrom('search', 'pick', ''), oddField),
          promptId: fc.constant(known.promptId),
          search: oddField,
          var_client: oddField,
        }),
        anyJson,
      ),
    }),
    fc.record({
      commandId: fc.constant('saveAsPrompt'),
      messagePayload,
      data: fc.record({
        title: shortTitle,
        body: oddField,
        tags: oddField,
        jobFamilyId: oddField,
      }),
    }),
    fc.record({
      commandId: fc.constant('flagOutput'),
      messagePayload,
      data: fc.oneof(
        fc.record({
          category: fc.oneof(fc.constantFrom('', 'WRONG', 'rude', '__proto__'), oddField),
          expected: oddField,
          promptId: oddField,
        }),
        fc.record({
          category: fc.constantFrom('wrong', 'biased', 'unhelpful', 'unsafe', 'other'),
          expected: fc.constantFrom('', '   ', '\n', null, 3, [], {}),
          promptId: oddField,
        }),
      ),
    }),
  );
  return fc.oneof(
    query.map((value) => ({ name: 'composeExtension/query', value })),
    selectItem.map((value) => ({ name: 'composeExtension/selectItem', value })),
    queryLink.map((value) => ({ name: 'composeExtension/queryLink', value })),
    fetchTask.map((value) => ({ name: 'composeExtension/fetchTask', value })),
    submitAction.map((value) => ({ name: 'composeExtension/submitAction', value })),
  );
}

/** Verbs the bot's cards send (bot/lastmile-bot.ts), each with data it must refuse. */
function cardActionData(): fc.Arbitrary<{ verb: unknown; data: unknown }> {
  const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const verbs: fc.Arbitrary<{ verb: unknown; data: unknown }>[] = [
    fc
      .record({
        jobFamilyId: fc.oneof(fc.constant('consulting'), oddField),
        departmentId: fc.oneof(fc.constant('strategy-consulting'), oddField),
        lessonDay: fc
          .oneof(oddField, fc.constantFrom('Funday', '', 'MONDAY '))
          .filter((day) => typeof day !== 'string' || !weekdays.includes(day.trim())),
        lessonTime: fc.oneof(fc.constant('09:30'), oddField),
        timeZone: fc.oneof(fc.constant('Europe/London'), oddField),
      })
      .map((data) => ({ verb: 'saveSetup', data })),
    fc
      .record({
        lessonId: fc.oneof(
          fc.constant(known.lessonId),
          unknownIdArbitrary(new Set([known.lessonId])),
        ),
        answerId: fc.oneof(
          fc.constantFrom('', 'f', 'z', 'A', 'ab', 'a b'),
          fc.constantFrom(null, 1, [], {}),
        ),
        reflection: oddField,
      })
      .map((data) => ({ verb: 'answerLesson', data })),
    fc
      .record({
        lessonId: unknownIdArbitrary(new Set([known.lessonId])),
        answerId: fc.constantFrom('a', 'b', 'c'),
        reflection: oddField,
      })
      .map((data) => ({ verb: 'answerLesson', data })),
    fc
      .record({
        taskId: fc.oneof(fc.constant(known.taskId), oddField),
        minutes: fc.constantFrom(0, -5, 10_001, 1.5, 'abc', '', null, 'NaN', '1e9', {}, [], '-1'),
        aiHelped: oddField,
      })
      .map((data) => ({ verb: 'answerPulse', data })),
    fc
      .record({
        category: fc.oneof(fc.constantFrom('', 'WRONG', 'rude', 'constructor'), oddField),
        expected: oddField,
        promptId: oddField,
        outputText: oddField,
        source: oddField,
      })
      .map((data) => ({ verb: 'submitFlag', data })),
    fc
      .record({
        category: fc.constantFrom('wrong', 'other'),
        expected: fc.constantFrom('', '  ', null, 7, ['x'], { text: 'x' }),
        outputText: oddField,
      })
      .map((data) => ({ verb: 'submitFlag', data })),
    fc
      .record({ title: shortTitle, detail: oddField })
      .map((data) => ({ verb: 'submitSuggestion', data })),
    fc
      .record({ sessionId: unknownIdArbitrary(known.sessionIds) })
      .map((data) => ({ verb: 'attendPractice', data })),
    fc
      .stringMatching(/^practice:[a-z0-9]{1,12}:20[0-9]{2}-W[0-5][0-9]$/u)
      .filter((id) => !known.sessionIds.has(id))
      .map((sessionId) => ({ verb: 'attendPractice', data: { sessionId } })),
    // Read-only verbs: any data at all.
    fc.record({
      verb: fc.constantFrom('nextLesson', 'editPulse', 'flagPrompt'),
      data: anyJson,
    }),
    // Verbs the bot does not know, and verbs of the wrong type.
    fc.record({
      verb: fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('__proto__', 'constructor', 'toString', 'SAVESETUP', 'saveSetup '),
        anyJson,
      ),
      data: anyJson,
    }),
  ];
  return fc.oneof(...verbs);
}

function cardActionValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    {
      weight: 8,
      arbitrary: cardActionData().map(({ verb, data }) => ({
        action: { type: 'Action.Execute', verb, data },
        trigger: 'manual',
      })),
    },
    { weight: 1, arbitrary: anyJson },
    {
      weight: 1,
      arbitrary: fc.record({
        action: anyJson,
        trigger: fc.oneof(fc.constant('automatic'), anyJson),
      }),
    },
  );
}

function taskModuleInvoke(): fc.Arbitrary<{ name: string; value: unknown }> {
  const sessionId = fc.oneof(
    unknownIdArbitrary(known.sessionIds),
    fc
      .stringMatching(/^practice:[a-z0-9]{1,12}:20[0-9]{2}-W[0-5][0-9]$/u)
      .filter((id) => !known.sessionIds.has(id)),
  );
  const data = fc.oneof(
    anyJson,
    fc.record({
      verb: fc.oneof(fc.constantFrom('capturePrompt', 'submitCapture', 'CAPTURE'), anyJson),
      sessionId,
      title: oddField,
      body: oddField,
    }),
    // A known session with a capture that cannot be valid.
    ...[...known.sessionIds].slice(0, 1).map((id) =>
      fc.record({
        verb: fc.constant('submitCapture'),
        sessionId: fc.constant(id),
        title: shortTitle,
        body: oddField,
      }),
    ),
  );
  return fc.oneof(
    fc.record({ data, context: anyJson }).map((value) => ({ name: 'task/fetch', value })),
    fc.record({ data, context: anyJson }).map((value) => ({ name: 'task/submit', value })),
    anyJson.map((value) => ({ name: 'task/submit', value })),
  );
}

const oddText: fc.Arbitrary<unknown> = fc.oneof(
  hostileTextArbitrary(),
  loneSurrogateArbitrary(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.integer({ min: 5_000, max: 200_000 }).map((length) => 'word '.repeat(length / 5)),
  fc
    .tuple(
      fc.constantFrom(
        'help',
        'flag',
        'suggest',
        'lesson',
        'progress',
        'setup',
        'pulse',
        'practice',
        'sync',
      ),
      hostileTextArbitrary(),
    )
    .map(([command, rest]) => `${command} ${rest}`),
  fc.constantFrom('', ' ', '\u0000', '<at>Lastmile</at>', '<at>Lastmile</at> help <at>x</at>'),
  fc.constantFrom(null, 42, true, ['help'], { text: 'help' }),
);

// ---------------------------------------------------------------------------------------------
// The tests

const runs = { seed: propertySeed, endOnFailure: true } as const;
/** Each property's bound: a few seconds alone, more while the whole suite shares two cores. */
const propertyTimeoutMs = 60_000;

describe('bad input to the bot endpoint', () => {
  beforeAll(async () => {
    errorLog = createErrorLog();
    connector = await startLoopbackConnector();
    app = await startTestApp(testEnv, {
      embeddedEndpointFor: store.embeddedEndpointFor,
      logger: errorLog.logger,
    });
    const champ = devHeaders(demoFixedPeople.champion.upn);
    const prompts = (await request(app.url, '/api/prompts?limit=100', { headers: champ })).body as {
      items: { id: string }[];
    };
    const lessons = (await request(app.url, '/api/lessons', { headers: champ })).body as {
      items: { id: string }[];
    };
    const tasks = (await request(app.url, '/api/workflows', { headers: champ })).body as {
      items: { id: string }[];
    };
    const sessions = (await request(app.url, '/api/practice-sessions', { headers: champ }))
      .body as { items: { id: string }[] };
    const promptId = prompts.items[0]?.id;
    const lessonId = lessons.items[0]?.id;
    const taskId = tasks.items[0]?.id;
    if (promptId === undefined || lessonId === undefined || taskId === undefined) {
      throw new Error('The demo store lacks a prompt, a lesson or a task');
    }
    known = {
      promptIds: new Set(prompts.items.map((item) => item.id)),
      promptId,
      lessonId,
      taskId,
      sessionIds: new Set(sessions.items.map((item) => item.id)),
    };
    // What a first message writes (the conversation reference) happens before the baseline.
    for (const persona of [member, champion]) {
      const warm = await post({ ...activityBase(persona), type: 'message', text: 'help' });
      expect(warm.status).toBe(200);
    }
    invokes = 0;
    baseline = await store.fingerprint();
    prototypes = snapshotPrototypes();
  });

  afterEach(async () => {
    expectPrototypesUnpolluted(prototypes);
    expect(errorLog.take()).toEqual([]);
    const before = baseline;
    baseline = await store.fingerprint();
    expect(storeChanges(before, baseline)).toEqual({ added: [], removed: [], changed: [] });
  });

  afterAll(async () => {
    store.close();
    await app?.dispose();
    await connector?.close();
  });

  it(
    'should answer odd message extension invokes with a sentence or a clean card',
    { timeout: propertyTimeoutMs },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(member, champion),
          messageExtensionInvoke(),
          async (persona, { name, value }) => {
            const answer = await invoke(persona, name, value);
            expectCalmAnswer(answer, JSON.stringify(value) ?? '', [200]);
          },
        ),
        { ...runs, numRuns: 160 },
      );
    },
  );

  it(
    'should refuse every card action verb with bad data, answering a clean card',
    { timeout: propertyTimeoutMs },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(member, champion),
          cardActionValue(),
          async (persona, value) => {
            const answer = await invoke(persona, 'adaptiveCard/action', value);
            expectCalmAnswer(answer, JSON.stringify(value) ?? '', [200, 400]);
            const body = answer.body as { statusCode?: unknown; type?: unknown };
            expect(body.statusCode).toBe(answer.status);
            // An Action.Execute is answered with a card; a body without one is the sender's fault.
            const action = (value as { action?: { type?: unknown } } | null)?.action;
            const execute =
              typeof action === 'object' && action !== null && action.type === 'Action.Execute';
            expect(body.type).toBe(
              execute
                ? 'application/vnd.microsoft.card.adaptive'
                : 'application/vnd.microsoft.error',
            );
          },
        ),
        { ...runs, numRuns: 150 },
      );
    },
  );

  it(
    'should refuse bad task module fetches and submits',
    { timeout: propertyTimeoutMs },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(member, champion),
          taskModuleInvoke(),
          async (persona, { name, value }) => {
            const answer = await invoke(persona, name, value);
            expectCalmAnswer(answer, JSON.stringify(value) ?? '', [200]);
          },
        ),
        { ...runs, numRuns: 60 },
      );
    },
  );

  it(
    'should answer messages with odd, huge or hostile text calmly',
    { timeout: propertyTimeoutMs },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(member, champion),
          oddText,
          fc.option(anyJson, { nil: undefined }),
          async (persona, text, entities) => {
            const activity = {
              ...activityBase(persona),
              type: 'message',
              text,
              ...(entities === undefined ? {} : { entities }),
            };
            const sent = JSON.stringify(activity);
            const answer = await post(activity);
            if (Buffer.byteLength(sent) > 256 * 1024) {
              expect(answer.status).toBe(413);
              expect(leakIn(answer.text, sent)).toBeUndefined();
              return;
            }
            expectCalmAnswer(answer, sent, [200]);
          },
        ),
        { ...runs, numRuns: 70 },
      );
    },
  );

  it(
    'should answer invokes Lastmile does not handle with 501 or a refusal, never a failure',
    { timeout: propertyTimeoutMs },
    async () => {
      const name = fc.oneof(
        fc.constantFrom(
          'composeExtension/setting',
          'composeExtension/querySettingUrl',
          'composeExtension/onCardButtonClicked',
          'composeExtension/anonymousQueryLink',
          'composeExtension/unknown',
          'application/search',
          'actionableMessage/executeAction',
          'fileConsent/invoke',
          'signin/verifyState',
          'signin/tokenExchange',
          'config/fetch',
          'config/submit',
          'tab/fetch',
          'tab/submit',
          'message/submitAction',
          'handoff/action',
          'healthCheck',
          '__proto__',
          'constructor',
        ),
        fc.string({ maxLength: 40 }),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(member, champion),
          name,
          anyJson,
          async (persona, invokeName, value) => {
            const answer = await invoke(persona, invokeName, value);
            const sent = `${invokeName} ${JSON.stringify(value) ?? ''}`;
            // botbuilder answers an invoke it has no handler for with 501 Not Implemented.
            expectCalmAnswer(answer, sent, [200, 400, 501]);
          },
        ),
        { ...runs, numRuns: 60 },
      );
    },
  );

  it(
    'should refuse bodies that are not activities, never with a 5xx',
    { timeout: propertyTimeoutMs },
    async () => {
      const notActivity = fc.oneof(
        anyJson.map((value) => ({
          body: JSON.stringify(value) ?? 'null',
          type: 'application/json',
        })),
        fc
          .record({
            type: fc.oneof(fc.constantFrom('invoke', 'message', '', 'unknownType'), anyJson),
            serviceUrl: fc.oneof(fc.constantFrom('', 'not a url', 'javascript:alert(1)'), anyJson),
            conversation: fc.oneof(fc.record({ id: anyJson }), anyJson),
            name: anyJson,
            value: anyJson,
          })
          .map((value) => ({ body: JSON.stringify(value), type: 'application/json' })),
        fc.constantFrom(
          { body: '{"type":"message",', type: 'application/json' },
          { body: 'type=message', type: 'application/x-www-form-urlencoded' },
          { body: '<activity/>', type: 'application/xml' },
          { body: '{"type":"message"}', type: 'text/plain' },
          { body: deepJson(20_000, 'array'), type: 'application/json' },
          {
            body: `{"type":"message","text":${deepJson(20_000, 'object')}}`,
            type: 'application/json',
          },
        ),
      );
      await fc.assert(
        fc.asyncProperty(notActivity, async ({ body, type }) => {
          const answer = await postRaw(body, type);
          const context = `${body.slice(0, 300)} [${type}] → ${String(answer.status)} ${answer.text.slice(0, 300)}`;
          expect(answer.status, context).toBeGreaterThanOrEqual(200);
          // botbuilder answers an invoke it has no handler for with 501 Not Implemented.
          const invokeOf = (parsedOrNull(body) as { type?: unknown } | null)?.type;
          if (!(answer.status === 501 && invokeOf === 'invoke')) {
            expect(answer.status, context).toBeLessThan(500);
          }
          expect(leakIn(answer.text, body), context).toBeUndefined();
          expect(answer.replies, context).toEqual([]);
        }),
        { ...runs, numRuns: 60 },
      );
    },
  );

  it(`should have sent at least ${String(requiredInvokes)} generated activities`, () => {
    expect(invokes).toBeGreaterThanOrEqual(requiredInvokes);
  });
});
