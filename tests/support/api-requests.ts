import { z } from 'zod';
import { lessonContentSchema } from '../../src/contracts/lessons.js';
import { promptContentSchema } from '../../src/contracts/prompts.js';
import { workflowTaskContentSchema } from '../../src/contracts/workflows.js';
import { demoAdminUpn, demoFixedPeople } from '../../src/domain/demo-tenant.js';
import { devHeaders, type JsonResponse, request } from './http.js';

/**
 * One request for every route of the API, built from real documents of the demo tenant, with
 * bodies that pass validation: a role check or a tenant check that sits behind the parsing is
 * reached, so a wrong answer from it shows. Used by the role matrix and the tenant isolation tests.
 */

export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly rawBody?: string;
}

interface Versioned {
  readonly id: string;
  /** As the ETag header gives it, ready for If-Match. */
  readonly etag: string;
}

/** Documents of the demo tenant that the requests name: real ids and their current ETags. */
export interface DemoFixtures {
  /** A published prompt owned by someone who is neither the member, the lead nor the champion. */
  readonly prompt: Versioned & { readonly content: z.infer<typeof promptContentSchema> };
  /** Another such prompt, whose status the status route changes. */
  readonly statusPrompt: Versioned;
  /** A published prompt with variables, read, rated and rendered. */
  readonly readPrompt: string;
  /** Flags raised by the demo member, one per route that acts on a flag. */
  readonly flags: {
    readonly get: string;
    readonly review: string;
    readonly assign: string;
    readonly resolution: string;
  };
  /** A suggestion made by the demo member. */
  readonly improvement: Versioned;
  readonly workflow: Versioned & { readonly content: z.infer<typeof workflowTaskContentSchema> };
  /** A task made for the delete route. */
  readonly spareWorkflow: Versioned;
  /** A published lesson. */
  readonly lesson: Versioned & { readonly content: z.infer<typeof lessonContentSchema> };
  /** A draft lesson made for the delete route. */
  readonly spareLesson: Versioned;
  readonly apiKey: string;
  /** A queued delivery (not dead, so an allowed retry is a 409). */
  readonly delivery: Versioned;
  readonly settings: { readonly etag: string; readonly update: Record<string, unknown> };
  readonly schedule: { readonly etag?: string; readonly update: Record<string, unknown> };
}

export const demoActors = {
  member: devHeaders(demoFixedPeople.member.upn),
  lead: devHeaders(demoFixedPeople.lead.upn),
  champion: devHeaders(demoFixedPeople.champion.upn),
  admin: devHeaders(demoAdminUpn),
} as const;

/** Words put into the documents the fixtures create, so a leak of them is easy to spot. */
export const fixtureCanary = 'canary-7f3a';

const withId = z.object({ id: z.string() });

async function expectOk(response: Promise<JsonResponse>, what: string): Promise<JsonResponse> {
  const answer = await response;
  if (answer.status >= 300) {
    throw new Error(`${what} answered ${String(answer.status)}: ${answer.text}`);
  }
  return answer;
}

function etagOf(response: JsonResponse, what: string): string {
  const etag = response.headers.get('etag');
  if (etag === null) throw new Error(`${what} sent no ETag`);
  return etag;
}

/**
 * Reads and creates, through the API as the demo champion, admin and member, the documents the
 * requests name. Run it on a fresh copy of the demo store.
 */
export async function prepareDemoFixtures(baseUrl: string): Promise<DemoFixtures> {
  const as = (headers: Record<string, string>, path: string, init: Partial<ApiRequest> = {}) =>
    expectOk(
      request(baseUrl, path, {
        ...init,
        headers: { ...headers, ...init.headers },
      }),
      `${init.method ?? 'GET'} ${path}`,
    );
  const read = async (path: string): Promise<{ etag: string; body: unknown }> => {
    const response = await as(demoActors.champion, path);
    return { etag: etagOf(response, path), body: response.body };
  };

  const prompt = await read('/api/prompts/p-analysis-plan');
  const statusPrompt = await read('/api/prompts/p-chart-commentary');

  const raiseFlag = async (route: string): Promise<string> => {
    const raised = await as(demoActors.member, '/api/flags', {
      method: 'POST',
      body: {
        category: 'wrong',
        expected: `The ${fixtureCanary} figures for the ${route} route`,
        outputText: `Output with ${fixtureCanary} in it`,
      },
    });
    return withId.parse(raised.body).id;
  };
  const flags = {
    get: await raiseFlag('get'),
    review: await raiseFlag('review'),
    assign: await raiseFlag('assign'),
    resolution: await raiseFlag('resolution'),
  };

  const suggested = await as(demoActors.member, '/api/improvements', {
    method: 'POST',
    body: { title: `Shorter steering packs ${fixtureCanary}`, detail: `Detail ${fixtureCanary}` },
  });

  const workflowId = 'sc-market-entry-analysis';
  const workflow = await read(`/api/workflows/${workflowId}`);
  const spareWorkflow = await as(demoActors.champion, '/api/workflows', {
    method: 'POST',
    body: {
      departmentId: 'people-talent',
      name: `Spare task ${fixtureCanary}`,
      steps: [{ text: 'Write it down' }],
      baselineMinutes: 30,
    },
  });

  const lessonId = 'analysis-w1-frame-the-research-request';
  const lesson = await read(`/api/lessons/${lessonId}`);
  const lessonContent = lessonContentSchema.parse(lesson.body);
  const spareLesson = await as(demoActors.champion, '/api/lessons', {
    method: 'POST',
    body: { ...lessonContent, title: `Spare lesson ${fixtureCanary}`, status: 'draft' },
  });

  const apiKey = await as(demoActors.admin, '/api/api-keys', {
    method: 'POST',
    body: { name: `Key ${fixtureCanary}` },
  });

  const deliveries = await as(demoActors.admin, '/api/deliveries?state=queued');
  const delivery = z
    .object({ items: z.array(z.object({ id: z.string(), etag: z.string() })).min(1) })
    .parse(deliveries.body).items[0];
  if (delivery === undefined) throw new Error('The demo store has no queued delivery');

  const settings = await read('/api/program/settings');
  const schedule = await as(demoActors.champion, '/api/curriculum/schedule');

  return {
    prompt: {
      id: 'p-analysis-plan',
      etag: prompt.etag,
      content: promptContentSchema.parse(prompt.body),
    },
    statusPrompt: { id: 'p-chart-commentary', etag: statusPrompt.etag },
    readPrompt: 'p-research-summary',
    flags,
    improvement: { id: withId.parse(suggested.body).id, etag: etagOf(suggested, 'improvement') },
    workflow: {
      id: workflowId,
      etag: workflow.etag,
      content: workflowTaskContentSchema.parse(workflow.body),
    },
    spareWorkflow: {
      id: withId.parse(spareWorkflow.body).id,
      etag: etagOf(spareWorkflow, 'workflow'),
    },
    lesson: { id: lessonId, etag: lesson.etag, content: lessonContent },
    spareLesson: { id: withId.parse(spareLesson.body).id, etag: etagOf(spareLesson, 'lesson') },
    apiKey: withId.parse(apiKey.body).id,
    delivery,
    settings: {
      etag: settings.etag,
      update: z
        .object({
          organisationName: z.string(),
          programStart: z.string(),
          wauTargetPct: z.number(),
          minGroupSize: z.number(),
        })
        .parse(settings.body),
    },
    schedule: {
      ...(schedule.headers.get('etag') === null
        ? {}
        : { etag: schedule.headers.get('etag') ?? '' }),
      update: z
        .object({
          lessonDay: z.string(),
          lessonTime: z.string(),
          timeZone: z.string(),
          deliverWeekly: z.boolean(),
        })
        .parse(schedule.body),
    },
  };
}

const get = (path: string): ApiRequest => ({ method: 'GET', path });
const send = (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): ApiRequest => ({ method, path, headers, ...(body === undefined ? {} : { body }) });
const at = (id: string): string => encodeURIComponent(id);

/** A Teams message activity as the Bot Framework channel would post it. */
const botActivity = {
  type: 'message',
  id: 'role-matrix-activity',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/amer/',
  from: { id: '29:role-matrix', aadObjectId: demoFixedPeople.member.id },
  recipient: { id: '28:lastmile' },
  conversation: { id: 'a:role-matrix', conversationType: 'personal', tenantId: 'demo' },
  channelData: { tenant: { id: 'demo' } },
  text: 'help',
};

type RequestBuilder = (fixtures: DemoFixtures) => ApiRequest;

/**
 * A request for every route, keyed `METHOD /path` as the router declares it (below `/api`, except
 * `/healthz`, and `/messages`, the bot endpoint that http-app.ts serves itself).
 */
export const apiRequests = {
  'GET /healthz': () => get('/healthz'),
  'POST /messages': () => send('POST', '/api/messages', botActivity),

  'GET /me': () => get('/api/me'),
  'GET /program': () => get('/api/program'),
  'GET /program/settings': () => get('/api/program/settings'),
  'PUT /program/settings': (f) =>
    send('PUT', '/api/program/settings', f.settings.update, { 'if-match': f.settings.etag }),
  'GET /dev/roster': () => get('/api/dev/roster?limit=5'),
  'GET /people': () => get('/api/people?q=okafor&limit=5'),
  'POST /roster/import': () => ({
    method: 'POST',
    path: '/api/roster/import?dryRun=true',
    headers: { 'content-type': 'text/csv' },
    rawBody:
      'upn,displayName,department,jobFamily,eligible,role\r\n' +
      'new.joiner@demo.example,New Joiner,strategy-consulting,consulting,true,member\r\n',
  }),

  'POST /usage-events': () =>
    send('POST', '/api/usage-events', {
      events: [
        {
          id: 'role-matrix-1',
          upn: demoFixedPeople.member.upn,
          occurredAt: new Date().toISOString(),
          source: 'api',
        },
      ],
    }),
  'POST /usage-events/import': () => ({
    method: 'POST',
    path: '/api/usage-events/import',
    headers: { 'content-type': 'text/csv' },
    rawBody: `id,upn,occurredAt,source,tool\ncsv-role-matrix,${demoFixedPeople.member.upn},${new Date().toISOString()},claude,Claude\n`,
  }),
  'GET /integrations/copilot-report': () => get('/api/integrations/copilot-report'),
  'POST /integrations/copilot-report/import': () =>
    send('POST', '/api/integrations/copilot-report/import'),
  'GET /api-keys': () => get('/api/api-keys'),
  'POST /api-keys': () => send('POST', '/api/api-keys', { name: 'Made by a test' }),
  'DELETE /api-keys/:id': (f) => send('DELETE', `/api/api-keys/${at(f.apiKey)}`),

  'GET /scoreboard': () => get('/api/scoreboard?weeks=4'),
  'GET /scoreboard/people': () =>
    get('/api/scoreboard/people?departmentId=strategy-consulting&weeks=4'),
  'POST /scoreboard/nudges': () =>
    send('POST', '/api/scoreboard/nudges', {
      departmentId: 'strategy-consulting',
      note: 'Try the proposal prompt this week',
    }),
  'GET /checkpoint': () => get('/api/checkpoint'),
  'GET /audit': () => get('/api/audit?weeks=4'),
  'POST /data-rights/erasures': () =>
    send('POST', '/api/data-rights/erasures?dryRun=true', { upn: demoFixedPeople.member.upn }),
  // A confirmation that names another tenant: refused with 422, so nothing is ever deleted.
  'POST /data-rights/offboarding': () =>
    send('POST', '/api/data-rights/offboarding', { confirmTenantId: 'not-this-tenant' }),
  'GET /data-rights/retention': () => get('/api/data-rights/retention'),
  'POST /data-rights/retention-runs': () => send('POST', '/api/data-rights/retention-runs'),
  'GET /vendor-pack': () => get('/api/vendor-pack?format=json'),

  'GET /prompts': () => get('/api/prompts?q=research'),
  'GET /prompts/review-queue': () => get('/api/prompts/review-queue'),
  'GET /prompts/export': () => get('/api/prompts/export?format=json'),
  'POST /prompts/import': () =>
    send('POST', '/api/prompts/import', {
      prompts: [
        { title: 'Imported checklist', body: 'List the five checks for {{topic}} as bullets.' },
      ],
    }),
  'POST /prompts': () =>
    send('POST', '/api/prompts', {
      title: 'Proposed status note',
      body: 'Draft a short status note for the team, in three bullet points.',
    }),
  'GET /prompts/:id': (f) => get(`/api/prompts/${at(f.readPrompt)}`),
  'PUT /prompts/:id': (f) =>
    send(
      'PUT',
      `/api/prompts/${at(f.prompt.id)}`,
      { ...f.prompt.content, note: 'Tightened' },
      { 'if-match': f.prompt.etag },
    ),
  'POST /prompts/:id/status': (f) =>
    send(
      'POST',
      `/api/prompts/${at(f.statusPrompt.id)}/status`,
      { status: 'retired', note: 'Superseded' },
      { 'if-match': f.statusPrompt.etag },
    ),
  'GET /prompts/:id/versions': (f) => get(`/api/prompts/${at(f.readPrompt)}/versions`),
  'GET /prompts/:id/diff': (f) => get(`/api/prompts/${at(f.readPrompt)}/diff?from=1&to=1`),
  'POST /prompts/:id/ratings': (f) =>
    send('POST', `/api/prompts/${at(f.readPrompt)}/ratings`, { value: 'up' }),
  'POST /prompts/:id/render': (f) =>
    send('POST', `/api/prompts/${at(f.readPrompt)}/render`, {
      values: { audience: 'partner' },
      record: true,
    }),

  'GET /workflows': () => get('/api/workflows'),
  'POST /workflows': () =>
    send('POST', '/api/workflows', {
      departmentId: 'client-development',
      name: 'Qualify an inbound lead',
      steps: [{ text: 'Read the enquiry' }, { text: 'Score it' }],
      baselineMinutes: 45,
    }),
  'GET /workflows/:id': (f) => get(`/api/workflows/${at(f.workflow.id)}`),
  'PUT /workflows/:id': (f) =>
    send(
      'PUT',
      `/api/workflows/${at(f.workflow.id)}`,
      { ...f.workflow.content, baselineMinutes: f.workflow.content.baselineMinutes + 1 },
      { 'if-match': f.workflow.etag },
    ),
  'DELETE /workflows/:id': (f) =>
    send('DELETE', `/api/workflows/${at(f.spareWorkflow.id)}`, undefined, {
      'if-match': f.spareWorkflow.etag,
    }),

  'GET /lessons': () => get('/api/lessons'),
  'POST /lessons': (f) =>
    send('POST', '/api/lessons', {
      ...f.lesson.content,
      title: 'Check the sources first',
      status: 'draft',
    }),
  'GET /lessons/:id': (f) => get(`/api/lessons/${at(f.lesson.id)}`),
  'PUT /lessons/:id': (f) =>
    send(
      'PUT',
      `/api/lessons/${at(f.lesson.id)}`,
      { ...f.lesson.content, minutes: f.lesson.content.minutes === 5 ? 4 : 5 },
      { 'if-match': f.lesson.etag },
    ),
  'DELETE /lessons/:id': (f) =>
    send('DELETE', `/api/lessons/${at(f.spareLesson.id)}`, undefined, {
      'if-match': f.spareLesson.etag,
    }),
  'POST /lessons/:id/answer': (f) =>
    send('POST', `/api/lessons/${at(f.lesson.id)}/answer`, {
      answerId: f.lesson.content.check.options[0]?.id ?? 'a',
      reflection: 'Useful',
    }),
  'GET /curriculum/schedule': () => get('/api/curriculum/schedule'),
  'PUT /curriculum/schedule': (f) =>
    send(
      'PUT',
      '/api/curriculum/schedule',
      f.schedule.update,
      f.schedule.etag === undefined ? { 'if-none-match': '*' } : { 'if-match': f.schedule.etag },
    ),
  'GET /me/learning': () => get('/api/me/learning'),
  'PUT /me/learning': () =>
    send('PUT', '/api/me/learning', {
      jobFamilyId: 'consulting',
      departmentId: 'strategy-consulting',
      lessonDay: 'monday',
      lessonTime: '09:00',
      timeZone: 'Europe/London',
    }),

  'GET /practice-sessions': () => get('/api/practice-sessions'),
  'GET /pulse': () => get('/api/pulse'),
  'POST /pulse': (f) =>
    send('POST', '/api/pulse', { taskId: f.workflow.id, minutes: 40, aiHelped: true }),

  'GET /deliveries': () => get('/api/deliveries?state=queued'),
  'POST /deliveries/:id/retry': (f) =>
    send('POST', `/api/deliveries/${at(f.delivery.id)}/retry`, undefined, {
      'if-match': f.delivery.etag,
    }),

  'GET /flags': () => get('/api/flags'),
  'POST /flags': () =>
    send('POST', '/api/flags', {
      category: 'unhelpful',
      expected: 'A shorter answer',
      outputText: 'A very long answer',
    }),
  'GET /flags/stats': () => get('/api/flags/stats'),
  'GET /flags/:id': (f) => get(`/api/flags/${at(f.flags.get)}`),
  'POST /flags/:id/review': (f) => send('POST', `/api/flags/${at(f.flags.review)}/review`),
  'POST /flags/:id/assign': (f) =>
    send('POST', `/api/flags/${at(f.flags.assign)}/assign`, {
      reviewerId: demoFixedPeople.lead.id,
    }),
  'POST /flags/:id/resolution': (f) =>
    send('POST', `/api/flags/${at(f.flags.resolution)}/resolution`, {
      action: 'dismissed',
      note: 'Reviewed: the answer was right',
    }),

  'GET /improvements': () => get('/api/improvements'),
  'POST /improvements': () =>
    send('POST', '/api/improvements', { title: 'Fewer status meetings', detail: 'Use the bot' }),
  'GET /improvements/:id': (f) => get(`/api/improvements/${at(f.improvement.id)}`),
  'POST /improvements/:id/status': (f) =>
    send(
      'POST',
      `/api/improvements/${at(f.improvement.id)}/status`,
      { status: 'planned', note: 'Next quarter' },
      { 'if-match': f.improvement.etag },
    ),
} satisfies Record<string, RequestBuilder>;

export type ApiRouteKey = keyof typeof apiRequests;
export const apiRouteKeys = Object.keys(apiRequests) as ApiRouteKey[];

/** The request for one route, built from the fixtures. */
export function buildRequest(route: ApiRouteKey, fixtures: DemoFixtures): ApiRequest {
  const builder: RequestBuilder = apiRequests[route];
  return builder(fixtures);
}

/** Sends one route's request with the caller's headers. */
export function callRoute(
  baseUrl: string,
  route: ApiRouteKey,
  fixtures: DemoFixtures,
  headers: Record<string, string>,
): Promise<JsonResponse> {
  const built = buildRequest(route, fixtures);
  return request(baseUrl, built.path, {
    method: built.method,
    headers: { ...built.headers, ...headers },
    ...(built.body === undefined ? {} : { body: built.body }),
    ...(built.rawBody === undefined ? {} : { rawBody: built.rawBody }),
  });
}

/**
 * Ids in the demo tenant's shape for callers who are turned away before anything is read (no
 * credentials): the requests stay well formed, and no set-up through the API is needed.
 */
export function unreadFixtures(): DemoFixtures {
  const stale = '"00000000-0000-0000-0000-000000000000"';
  return {
    prompt: {
      id: 'p-analysis-plan',
      etag: stale,
      content: promptContentSchema.parse({
        title: 'Plan an analysis',
        body: 'Write an analysis plan for the question, with the data each step needs.',
      }),
    },
    statusPrompt: { id: 'p-chart-commentary', etag: stale },
    readPrompt: 'p-research-summary',
    flags: { get: 'flag-1', review: 'flag-2', assign: 'flag-3', resolution: 'flag-4' },
    improvement: { id: 'improvement-1', etag: stale },
    workflow: {
      id: 'sc-market-entry-analysis',
      etag: stale,
      content: workflowTaskContentSchema.parse({
        departmentId: 'strategy-consulting',
        name: 'Assess a market entry option',
        steps: [{ text: 'Frame the question' }],
        baselineMinutes: 600,
      }),
    },
    spareWorkflow: { id: 'pt-spare-task', etag: stale },
    lesson: {
      id: 'analysis-w1-frame-the-research-request',
      etag: stale,
      content: lessonContentSchema.parse({
        jobFamilyId: 'analysis',
        week: 1,
        title: 'Frame the research request',
        minutes: 4,
        scenario: 'A consultant asks for research by Thursday.',
        tryIt: 'Paste the request into the prompt.',
        check: {
          question: 'Why ask first?',
          options: [
            { id: 'a', text: 'To know the question', correct: true, feedback: 'Right.' },
            { id: 'b', text: 'To be polite', correct: false, feedback: 'Not the reason.' },
          ],
        },
        reflection: 'What would you ask?',
        status: 'published',
      }),
    },
    spareLesson: { id: 'analysis-w1-spare-lesson', etag: stale },
    apiKey: 'apikey-0123456789abcdef',
    delivery: { id: 'notice:flag-resolved:flag-1', etag: stale },
    settings: {
      etag: stale,
      update: {
        organisationName: 'Demo',
        programStart: '2026-01-05',
        wauTargetPct: 70,
        minGroupSize: 5,
      },
    },
    schedule: {
      update: {
        lessonDay: 'tuesday',
        lessonTime: '10:00',
        timeZone: 'UTC',
        deliverWeekly: true,
      },
    },
  };
}
