import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonText } from '../support/http.js';
import { z } from 'zod';
import {
  createApiKeyRequestSchema,
  maxUsageEventsPerBatch,
  nudgeRequestSchema,
  pulseRequestSchema,
  scoreboardQuerySchema,
  usageEventBatchSchema,
  usageEventInputSchema,
} from '../../src/contracts/adoption.js';
import { auditQuerySchema } from '../../src/contracts/audit.js';
import { erasureRequestSchema, offboardingRequestSchema } from '../../src/contracts/data-rights.js';
import { deliveryListQuerySchema } from '../../src/contracts/deliveries.js';
import {
  assignFlagRequestSchema,
  createFlagRequestSchema,
  createImprovementRequestSchema,
  flagListQuerySchema,
  flagResolutionSchema,
  improvementStatusRequestSchema,
} from '../../src/contracts/feedback.js';
import {
  createLessonRequestSchema,
  curriculumScheduleUpdateSchema,
  learnerSetupSchema,
  lessonAnswerSchema,
  lessonListQuerySchema,
  updateLessonRequestSchema,
} from '../../src/contracts/lessons.js';
import { peopleQuerySchema } from '../../src/contracts/people.js';
import { practiceSessionQuerySchema } from '../../src/contracts/practice.js';
import type { Problem } from '../../src/contracts/problem.js';
import { programSettingsUpdateSchema } from '../../src/contracts/program.js';
import {
  createPromptRequestSchema,
  promptContentSchema,
  promptListQuerySchema,
  promptStatusRequestSchema,
  promptStatusSchema,
  rateRequestSchema,
  renderRequestSchema,
  updatePromptRequestSchema,
} from '../../src/contracts/prompts.js';
import { maxRosterImportRows, rosterImportJsonSchema } from '../../src/contracts/roster.js';
import { usageCsvImportRequestSchema } from '../../src/contracts/usage-data.js';
import {
  createWorkflowTaskRequestSchema,
  updateWorkflowTaskRequestSchema,
  workflowListQuerySchema,
} from '../../src/contracts/workflows.js';
import { toHttpEtag } from '../../src/api/etag.js';
import { loadConfig } from '../../src/config.js';
import { demoAdminUpn } from '../../src/domain/demo-tenant.js';
import { type TestApp, startTestApp } from '../support/app.js';
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
import { type StoreFingerprint, storeChanges, watchStore } from '../support/store-fingerprint.js';

/*
 * Bad input against every REST route, generated with fast-check (seeded, so a failure reruns
 * exactly): wrong types, missing and extra fields, huge strings and bodies, deep nesting,
 * prototype-pollution keys, lone surrogates, malformed JSON, wrong content types, bad ids and bad
 * If-Match headers. Every answer must be a 4xx problem+json that names the field at fault, with no
 * stack trace or path in it; the whole store must be unchanged afterwards (every document of every
 * container, `_etag` included); no built-in prototype may change. Valid bodies are the starting
 * point, sent with the resource's current ETag, so a request the app wrongly accepted would write.
 */

const champion = 'champion@demo.example';
const admin = demoAdminUpn;
const testEnv = {
  LASTMILE_DELIVERY_WORKER: 'false',
  LASTMILE_RATE_LIMITS: 'off',
};
/** Acceptance 3 of issue 8. */
const requiredWriteRequests = 500;

// ---------------------------------------------------------------------------------------------
// The app, its store and the requests

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly body: unknown;
}

interface Outgoing {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under `/api`, already percent-encoded. */
  readonly path: string;
  readonly as: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | FormData;
  /** `null` sends the body with no Content-Type at all. */
  readonly contentType?: string | null;
}

let app: TestApp;
const store = watchStore();
let errorLog: ErrorLog;
let baseline: StoreFingerprint;
let prototypes: PrototypeSnapshot;
let writeRequests = 0;
let readRequests = 0;
let bodyLimit = 0;
let bulkBodyLimit = 0;

async function send(request: Outgoing): Promise<Answer> {
  const headers: Record<string, string> = {
    'x-dev-tenant': 'demo',
    'x-dev-user': request.as,
    ...request.headers,
  };
  if (typeof request.contentType === 'string') headers['content-type'] = request.contentType;
  let body = request.body;
  // fetch labels a string body text/plain; bytes go without a Content-Type.
  if (request.contentType === null && typeof body === 'string') body = Buffer.from(body);
  if (request.method === 'GET') readRequests += 1;
  else writeRequests += 1;
  const response = await fetch(`${app.url}/api${request.path}`, {
    method: request.method,
    headers,
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  const parsed = parseJsonText(text);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    body: parsed,
  };
}

function describeRequest(request: Outgoing): string {
  const body =
    typeof request.body === 'string'
      ? request.body.length > 300
        ? `${request.body.slice(0, 300)}… (${String(request.body.length)} chars)`
        : request.body
      : request.body === undefined
        ? '(none)'
        : `(${request.body.constructor.name})`;
  return `${request.method} /api${request.path.slice(0, 200)} as ${request.as} [${String(request.contentType)}] ${JSON.stringify(request.headers ?? {})} ${body}`;
}

function sentText(request: Outgoing): string {
  return `${request.path} ${JSON.stringify(request.headers ?? {})} ${typeof request.body === 'string' ? request.body : ''}`;
}

/** A 4xx problem+json among `statuses`, with no stack trace or path; returns the problem. */
function expectRefusal(answer: Answer, request: Outgoing, statuses: readonly number[]): Problem {
  const context = `${describeRequest(request)}\n→ ${String(answer.status)} ${answer.text.slice(0, 500)}`;
  expect(statuses, context).toContain(answer.status);
  expect(answer.contentType, context).toMatch(/^application\/problem\+json/u);
  expect(leakIn(answer.text, sentText(request)), context).toBeUndefined();
  const problem = answer.body as Problem;
  expect(problem.status, context).toBe(answer.status);
  expect(typeof problem.title, context).toBe('string');
  return problem;
}

/** Whether the problem names `field` (or a part of it, or a field inside it). */
function namesField(problem: Problem, field: string, alias?: (field: string) => string): boolean {
  return (problem.errors ?? []).some((error) => {
    const named = alias === undefined ? error.field : alias(error.field);
    if (named === field) return true;
    // The whole body or query names no field (and a prompt's own `body` field matched above).
    if (named === '' || named === 'body' || named === 'query') return false;
    return field.startsWith(`${named}.`) || named.startsWith(`${field}.`);
  });
}

/**
 * Compares with the last fingerprint, and moves on from it so one failure is reported once. The
 * audit trail writes after the answer, so a wrongly audited refusal would show up a moment later:
 * wait that moment first.
 */
async function expectStoreUnchanged(): Promise<void> {
  const before = baseline;
  await new Promise((resolve) => setTimeout(resolve, 200));
  baseline = await store.fingerprint();
  expect(storeChanges(before, baseline, Number.POSITIVE_INFINITY)).toEqual({
    added: [],
    removed: [],
    changed: [],
  });
}

async function etagOf(pathUnderApi: string, as = champion): Promise<string> {
  const response = await fetch(`${app.url}/api${pathUnderApi}`, {
    headers: { 'x-dev-tenant': 'demo', 'x-dev-user': as },
  });
  await response.text();
  const etag = response.headers.get('etag');
  if (response.status !== 200 || etag === null) {
    throw new Error(`GET ${pathUnderApi} answered ${String(response.status)} without an ETag`);
  }
  return etag;
}

async function firstId(pathUnderApi: string, as = champion): Promise<string | undefined> {
  const answer = await send({ method: 'GET', path: pathUnderApi, as });
  const items = (answer.body as { items?: { id: string }[] } | undefined)?.items;
  return items?.[0]?.id;
}

function bytesOf(limit: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/iu.exec(limit.trim());
  if (match === null) throw new Error(`Cannot read the body limit ${limit}`);
  const units: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
  return Math.floor(Number(match[1]) * (units[(match[2] ?? 'b').toLowerCase()] ?? 1));
}

// ---------------------------------------------------------------------------------------------
// The routes

interface Fixture {
  readonly promptId: string;
  readonly promptEtag: string;
  readonly taskId: string;
  readonly taskEtag: string;
  readonly lessonId: string;
  readonly lessonEtag: string;
  readonly flagId: string;
  readonly improvementId: string;
  readonly improvementEtag: string;
  readonly deliveryId: string;
  readonly deliveryEtag: string;
  readonly settingsEtag: string;
  readonly scheduleEtag: string;
}

let fixture: Fixture;

interface WriteRoute {
  readonly method: 'POST' | 'PUT' | 'DELETE';
  /** As the router declares it; `:id` is filled from the fixture. */
  readonly route: string;
  readonly as: string;
  readonly id?: (f: Fixture) => string;
  /** The resource's current HTTP ETag, for routes that need If-Match. */
  readonly ifMatch?: (f: Fixture) => string;
  /** A valid body: the starting point of every mutation. Absent for routes that take none. */
  readonly body?: (f: Fixture) => unknown;
  /** Whether the route would act on this body (by default: its zod schema accepts it). */
  readonly schema?: z.ZodType;
  readonly accepts?: (body: unknown) => boolean;
  readonly bulk?: boolean;
  /** Statuses that refuse an invalid body (default 400). */
  readonly refusals?: readonly number[];
  /** Checks each item of this array on its own and answers 202 with the rejections. */
  readonly perItem?: 'events';
  /** Maps the route's own field names back to body paths (`rows[2].title` → `prompts.1.title`). */
  readonly fieldAlias?: (field: string) => string;
  /** Fields of which exactly one is given: a fault in one may be named by the other. */
  readonly eitherOf?: readonly string[];
}

const prompt = {
  title: 'Summarise a client call',
  body: 'Summarise the call with {{client}} in five bullet points, then list the next steps.',
  variables: [{ name: 'client', description: 'The client', required: true }],
  jobFamilyIds: ['consulting'],
  taskIds: [],
  tags: ['summary'],
};

const workflowTask = {
  departmentId: 'strategy-consulting',
  name: 'Prepare a steering committee update',
  description: 'The monthly update to the client steering committee.',
  steps: [{ text: 'Collect workstream status', actor: 'Consultant' }, { text: 'Draft the deck' }],
  handoffs: [{ fromRole: 'Consultant', toRole: 'Partner', what: 'Draft deck' }],
  frictionPoints: ['Status arrives late'],
  aiOpportunities: ['Summarise workstream notes'],
  baselineMinutes: 240,
  jobFamilyIds: ['consulting'],
};

const lesson = {
  jobFamilyId: 'consulting',
  week: 3,
  title: 'Turn call notes into actions',
  minutes: 5,
  scenario: 'You have forty minutes of call notes and a client waiting for the actions.',
  tryIt: 'Paste the notes and ask for actions with owners and dates.',
  check: {
    question: 'What should you check first?',
    options: [
      { id: 'a', text: 'The owners', correct: true, feedback: 'Yes: wrong owners cost most.' },
      { id: 'b', text: 'The fonts', correct: false, feedback: 'Not first.' },
    ],
  },
  reflection: 'Which of your calls would this help most?',
  status: 'draft',
};

const rosterHeader = 'upn,displayName,department,jobFamily';
const usageHeader = 'id,upn,occurredAt,source';
const usageColumns = new Set(['id', 'upn', 'userId', 'occurredAt', 'source', 'tool']);

function csvEnvelopeAccepts(schema: z.ZodType, header: string): (body: unknown) => boolean {
  return (body) =>
    schema.safeParse(body).success && (body as { csv: string }).csv.startsWith(header);
}

const importRowSchema = promptContentSchema.extend({
  status: promptStatusSchema.default('published'),
});

const writeRoutes: readonly WriteRoute[] = [
  {
    method: 'POST',
    route: '/prompts',
    as: champion,
    body: () => ({ ...prompt, submit: true }),
    schema: createPromptRequestSchema,
  },
  {
    method: 'PUT',
    route: '/prompts/:id',
    as: champion,
    id: (f) => f.promptId,
    ifMatch: (f) => f.promptEtag,
    body: () => ({ ...prompt, note: 'Sharper steps' }),
    schema: updatePromptRequestSchema,
  },
  {
    method: 'POST',
    route: '/prompts/:id/status',
    as: champion,
    id: (f) => f.promptId,
    ifMatch: (f) => f.promptEtag,
    body: () => ({ status: 'retired', note: 'Replaced' }),
    schema: promptStatusRequestSchema,
  },
  {
    method: 'POST',
    route: '/prompts/:id/ratings',
    as: champion,
    id: (f) => f.promptId,
    body: () => ({ value: 'down', reason: 'Too long' }),
    schema: rateRequestSchema,
  },
  {
    method: 'POST',
    route: '/prompts/:id/render',
    as: champion,
    id: (f) => f.promptId,
    body: () => ({ values: { client: 'Contoso' }, record: true }),
    // No body at all is a render with no values.
    accepts: (body) => renderRequestSchema.safeParse(body ?? {}).success,
  },
  {
    method: 'POST',
    route: '/prompts/import',
    as: champion,
    bulk: true,
    body: () => ({ prompts: [{ ...prompt, status: 'draft' }] }),
    accepts: (body) => {
      const envelope = z.object({ prompts: z.array(z.unknown()).max(1000) }).strict();
      const parsed = envelope.safeParse(body);
      return (
        parsed.success &&
        parsed.data.prompts.every((row) => {
          const candidate =
            typeof row === 'object' &&
            row !== null &&
            typeof (row as { body?: unknown }).body === 'string'
              ? { ...row, variables: (row as { variables?: unknown }).variables ?? [] }
              : row;
          return importRowSchema.safeParse(candidate).success;
        })
      );
    },
    fieldAlias: (field) =>
      field
        .replace(
          /^rows\[(\d+)\]\.?/u,
          (_whole, row: string) => `prompts.${String(Number(row) - 1)}.`,
        )
        .replace(/\.$/u, ''),
  },
  {
    method: 'POST',
    route: '/workflows',
    as: champion,
    body: () => workflowTask,
    schema: createWorkflowTaskRequestSchema,
  },
  {
    method: 'PUT',
    route: '/workflows/:id',
    as: champion,
    id: (f) => f.taskId,
    ifMatch: (f) => f.taskEtag,
    body: () => workflowTask,
    schema: updateWorkflowTaskRequestSchema,
  },
  {
    method: 'DELETE',
    route: '/workflows/:id',
    as: champion,
    id: (f) => f.taskId,
    ifMatch: (f) => f.taskEtag,
  },
  {
    method: 'POST',
    route: '/lessons',
    as: champion,
    body: () => lesson,
    schema: createLessonRequestSchema,
  },
  {
    method: 'PUT',
    route: '/lessons/:id',
    as: champion,
    id: (f) => f.lessonId,
    ifMatch: (f) => f.lessonEtag,
    body: () => lesson,
    schema: updateLessonRequestSchema,
  },
  {
    method: 'DELETE',
    route: '/lessons/:id',
    as: champion,
    id: (f) => f.lessonId,
    ifMatch: (f) => f.lessonEtag,
  },
  {
    method: 'POST',
    route: '/lessons/:id/answer',
    as: champion,
    id: (f) => f.lessonId,
    body: () => ({ answerId: 'a', reflection: 'The owners matter most.' }),
    schema: lessonAnswerSchema,
  },
  {
    method: 'PUT',
    route: '/curriculum/schedule',
    as: champion,
    ifMatch: (f) => f.scheduleEtag,
    body: () => ({
      lessonDay: 'wednesday',
      lessonTime: '09:30',
      timeZone: 'Europe/London',
      deliverWeekly: true,
    }),
    schema: curriculumScheduleUpdateSchema,
  },
  {
    method: 'PUT',
    route: '/me/learning',
    as: champion,
    body: () => ({
      jobFamilyId: 'consulting',
      departmentId: 'strategy-consulting',
      lessonDay: 'monday',
      lessonTime: '09:30',
      timeZone: 'Europe/London',
    }),
    schema: learnerSetupSchema,
  },
  {
    method: 'PUT',
    route: '/program/settings',
    as: champion,
    ifMatch: (f) => f.settingsEtag,
    body: () => ({
      organisationName: 'Demo firm',
      programStart: '2026-09-07',
      wauTargetPct: 70,
      minGroupSize: 5,
    }),
    schema: programSettingsUpdateSchema,
  },
  {
    method: 'POST',
    route: '/flags',
    as: champion,
    body: (f) => ({
      category: 'wrong',
      expected: 'The right total',
      outputText: 'Total: 12',
      promptId: f.promptId,
    }),
    schema: createFlagRequestSchema,
  },
  {
    method: 'POST',
    route: '/flags/:id/review',
    as: champion,
    id: (f) => f.flagId,
  },
  {
    method: 'POST',
    route: '/flags/:id/assign',
    as: champion,
    id: (f) => f.flagId,
    body: () => ({ reviewerId: '00000000-0000-4000-8000-00000000c001' }),
    schema: assignFlagRequestSchema,
  },
  {
    method: 'POST',
    route: '/flags/:id/resolution',
    as: champion,
    id: (f) => f.flagId,
    body: () => ({
      action: 'escalated-to-vendor',
      note: 'Sent to the vendor',
      vendor: 'Contoso AI',
      reference: 'CASE-1',
      escalatedOn: '2026-11-01',
    }),
    schema: flagResolutionSchema,
  },
  {
    method: 'POST',
    route: '/improvements',
    as: champion,
    body: (f) => ({ title: 'Shorter status template', detail: 'One page.', taskId: f.taskId }),
    schema: createImprovementRequestSchema,
  },
  {
    method: 'POST',
    route: '/improvements/:id/status',
    as: champion,
    id: (f) => f.improvementId,
    ifMatch: (f) => f.improvementEtag,
    body: () => ({ status: 'pushed-to-vendor', note: 'Sent', vendor: 'Contoso AI' }),
    schema: improvementStatusRequestSchema,
  },
  {
    method: 'POST',
    route: '/api-keys',
    as: admin,
    body: () => ({ name: 'Nightly export' }),
    schema: createApiKeyRequestSchema,
  },
  {
    method: 'DELETE',
    route: '/api-keys/:id',
    as: admin,
    id: () => 'apikey-0123456789abcdef',
  },
  {
    method: 'POST',
    route: '/deliveries/:id/retry',
    as: admin,
    id: (f) => f.deliveryId,
    ifMatch: (f) => f.deliveryEtag,
  },
  {
    method: 'POST',
    route: '/integrations/copilot-report/import',
    as: admin,
  },
  {
    method: 'POST',
    route: '/data-rights/erasures',
    as: admin,
    body: () => ({ upn: 'member@demo.example' }),
    schema: erasureRequestSchema,
    eitherOf: ['userId', 'upn'],
  },
  {
    method: 'POST',
    route: '/data-rights/offboarding',
    as: admin,
    // The real confirmation: only a body the contract refuses keeps the tenant.
    body: () => ({ confirmTenantId: 'demo' }),
    schema: offboardingRequestSchema,
  },
  {
    method: 'POST',
    route: '/data-rights/retention-runs',
    as: admin,
  },
  {
    method: 'POST',
    route: '/pulse',
    as: champion,
    body: (f) => ({ taskId: f.taskId, minutes: 30, aiHelped: true }),
    schema: pulseRequestSchema,
  },
  {
    method: 'POST',
    route: '/roster/import',
    as: admin,
    bulk: true,
    body: () => ({
      csv: `${rosterHeader}\nnew.person@demo.example,New Person,strategy-consulting,consulting\n`,
    }),
    accepts: csvEnvelopeAccepts(rosterImportJsonSchema, rosterHeader),
    // A file whose rows are wrong is 422 with the report; the envelope is 400.
    refusals: [400, 422],
  },
  {
    method: 'POST',
    route: '/scoreboard/nudges',
    as: champion,
    body: () => ({ departmentId: 'strategy-consulting', note: 'Keep going' }),
    schema: nudgeRequestSchema,
  },
  {
    method: 'POST',
    route: '/usage-events',
    as: champion,
    bulk: true,
    body: () => ({
      events: [
        {
          id: 'bad-input-event-1',
          upn: 'member@demo.example',
          occurredAt: '2026-11-02T10:00:00Z',
          source: 'chatgpt',
          tool: 'ChatGPT',
        },
      ],
    }),
    accepts: (body) => {
      const batch = usageEventBatchSchema.safeParse(body);
      return (
        batch.success &&
        batch.data.events.every((event) => usageEventInputSchema.safeParse(event).success)
      );
    },
    perItem: 'events',
  },
  {
    method: 'POST',
    route: '/usage-events/import',
    as: champion,
    bulk: true,
    body: () => ({
      csv: `${usageHeader}\nbad-input-csv-1,member@demo.example,2026-11-02T10:00:00Z,chatgpt\n`,
    }),
    accepts: csvEnvelopeAccepts(usageCsvImportRequestSchema, usageHeader),
    // A file the import cannot read names the column it lacks, a part of `csv`.
    fieldAlias: (field) => (usageColumns.has(field) ? 'csv' : field),
  },
];

function pathOf(route: WriteRoute | ReadRoute, id?: string): string {
  const filled = id ?? ('id' in route && route.id !== undefined ? route.id(fixture) : '');
  return route.route.replace(':id', filled);
}

function routeAccepts(route: WriteRoute, body: unknown): boolean {
  if (route.accepts !== undefined) return route.accepts(body);
  return route.schema?.safeParse(body).success ?? false;
}

interface ReadRoute {
  readonly route: string;
  readonly as: string;
  readonly id?: (f: Fixture) => string;
  /** The query's schema where it is exported; routes without one must ignore or refuse a query. */
  readonly query?: z.ZodType;
  /** Query keys the route reads (for generating), beyond the schema's. */
  readonly keys?: readonly string[];
}

const readRoutes: readonly ReadRoute[] = [
  { route: '/api-keys', as: admin },
  { route: '/audit', as: admin, query: auditQuerySchema },
  { route: '/checkpoint', as: champion, keys: ['format'] },
  { route: '/curriculum/schedule', as: champion },
  { route: '/data-rights/retention', as: admin },
  { route: '/deliveries', as: admin, query: deliveryListQuerySchema },
  { route: '/dev/roster', as: champion, query: peopleQuerySchema },
  { route: '/flags', as: champion, query: flagListQuerySchema },
  { route: '/flags/:id', as: champion, id: (f) => f.flagId },
  { route: '/flags/stats', as: champion },
  { route: '/improvements', as: champion },
  { route: '/improvements/:id', as: champion, id: (f) => f.improvementId },
  { route: '/integrations/copilot-report', as: admin },
  { route: '/lessons', as: champion, query: lessonListQuerySchema },
  { route: '/lessons/:id', as: champion, id: (f) => f.lessonId },
  { route: '/me', as: champion },
  { route: '/me/learning', as: champion },
  { route: '/people', as: champion, query: peopleQuerySchema },
  { route: '/practice-sessions', as: champion, query: practiceSessionQuerySchema },
  { route: '/program', as: champion },
  { route: '/program/settings', as: champion },
  { route: '/prompts', as: champion, query: promptListQuerySchema },
  { route: '/prompts/:id', as: champion, id: (f) => f.promptId },
  { route: '/prompts/:id/diff', as: champion, id: (f) => f.promptId, keys: ['from', 'to'] },
  { route: '/prompts/:id/versions', as: champion, id: (f) => f.promptId },
  { route: '/prompts/export', as: champion, keys: ['format'] },
  { route: '/prompts/review-queue', as: champion },
  { route: '/pulse', as: champion },
  { route: '/scoreboard', as: champion, query: scoreboardQuerySchema },
  { route: '/scoreboard/people', as: champion, keys: ['departmentId', 'weeks'] },
  { route: '/vendor-pack', as: champion, keys: ['format', 'redact'] },
  { route: '/workflows', as: champion, query: workflowListQuerySchema },
  { route: '/workflows/:id', as: champion, id: (f) => f.taskId },
];

// ---------------------------------------------------------------------------------------------
// Mutations of a valid body

type Segment = string | number;
type JsonPath = readonly Segment[];

interface Place {
  readonly path: JsonPath;
  readonly value: unknown;
}

/** Every place in a JSON value, the root included, parents before children. */
function placesIn(value: unknown, path: JsonPath = []): Place[] {
  const places: Place[] = [{ path, value }];
  if (Array.isArray(value)) {
    value.forEach((item, index) => places.push(...placesIn(item, [...path, index])));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) places.push(...placesIn(item, [...path, key]));
  }
  return places;
}

type Mutation =
  | { readonly kind: 'wrong-type'; readonly path: JsonPath; readonly value: unknown }
  | { readonly kind: 'missing'; readonly path: JsonPath }
  | {
      readonly kind: 'extra';
      readonly path: JsonPath;
      readonly key: string;
      readonly value: unknown;
    }
  | { readonly kind: 'proto'; readonly path: JsonPath; readonly key: (typeof protoKeys)[number] }
  | { readonly kind: 'huge-string'; readonly path: JsonPath; readonly text: string }
  | {
      readonly kind: 'deep';
      readonly path: JsonPath;
      readonly depth: number;
      readonly shape: 'array' | 'object';
    }
  | { readonly kind: 'lone-surrogate'; readonly path: JsonPath; readonly text: string }
  | { readonly kind: 'whole-body'; readonly value: unknown };

const deepPlaceholder = 'deep-placeholder-5f1c9e';

function clone(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function parentAndKey(root: unknown, path: JsonPath): [Record<string | number, unknown>, Segment] {
  let node = root as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  return [node, path[path.length - 1] as Segment];
}

function replaceAt(root: unknown, path: JsonPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = clone(root);
  const [parent, key] = parentAndKey(copy, path);
  parent[key] = value;
  return copy;
}

interface MutatedBody {
  /** The JSON text sent. */
  readonly text: string;
  /** What the app parses it to, with deep nesting stood in for by a shallow copy. */
  readonly parsed: unknown;
  /** The body path at fault, as a dotted field name ('' for the whole body). */
  readonly field: string;
}

function applyMutation(base: unknown, mutation: Mutation): MutatedBody {
  const field = 'path' in mutation ? mutation.path.join('.') : '';
  switch (mutation.kind) {
    case 'wrong-type':
      return finish(replaceAt(base, mutation.path, mutation.value), field);
    case 'missing': {
      const copy = clone(base);
      const [parent, key] = parentAndKey(copy, mutation.path);
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(parent, key);
      return finish(copy, field);
    }
    case 'extra':
    case 'proto': {
      const copy = clone(base);
      const target = (
        mutation.path.length === 0
          ? copy
          : parentAndKey(copy, mutation.path)[0][mutation.path[mutation.path.length - 1] as Segment]
      ) as object;
      const value = mutation.kind === 'proto' ? protoPayload(mutation.key) : mutation.value;
      Object.defineProperty(target, mutation.key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return finish(copy, [...mutation.path, mutation.key].join('.'));
    }
    case 'huge-string':
      return finish(replaceAt(base, mutation.path, mutation.text), field);
    case 'lone-surrogate':
      return finish(replaceAt(base, mutation.path, mutation.text), field);
    case 'deep': {
      const standIn = replaceAt(base, mutation.path, deepPlaceholder);
      const text = JSON.stringify(standIn).replace(
        JSON.stringify(deepPlaceholder),
        deepJson(mutation.depth, mutation.shape),
      );
      const shallow = replaceAt(
        base,
        mutation.path,
        mutation.shape === 'array' ? [[[1]]] : { a: { a: 1 } },
      );
      return { text, parsed: shallow, field };
    }
    case 'whole-body':
      return finish(mutation.value, '');
  }
}

function finish(value: unknown, field: string): MutatedBody {
  const text = JSON.stringify(value) ?? 'null';
  return { text, parsed: JSON.parse(text) as unknown, field };
}

const wrongTypeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1e308, -0, 2 ** 53 + 1, 1.5),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  hostileTextArbitrary(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

function hugeText(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 2_000, max: 400_000 }))
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
}

function mutationArbitrary(base: unknown): fc.Arbitrary<Mutation> {
  const places = placesIn(base);
  const objects = places.filter(
    (place) =>
      typeof place.value === 'object' && place.value !== null && !Array.isArray(place.value),
  );
  const members = places.filter((place) => place.path.length > 0);
  const strings = places.filter((place) => typeof place.value === 'string');
  const pick = (from: readonly Place[]): fc.Arbitrary<JsonPath> =>
    fc.constantFrom(...from.map((place) => place.path));
  const extraKey = fc.oneof(
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.constantFrom('tenantId', 'id', '_etag', 'roles', 'isAdmin', 'ownerId', 'status', 'type'),
  );
  const options: fc.Arbitrary<Mutation>[] = [
    fc.record({
      kind: fc.constant('whole-body' as const),
      value: fc.oneof(fc.jsonValue(), hostileTextArbitrary()),
    }),
  ];
  if (members.length > 0) {
    options.push(
      fc.record({
        kind: fc.constant('wrong-type' as const),
        path: pick(members),
        value: wrongTypeValue,
      }),
      fc.record({ kind: fc.constant('missing' as const), path: pick(members) }),
      fc.record({
        kind: fc.constant('deep' as const),
        path: pick(members),
        depth: fc.integer({ min: 20, max: 20_000 }),
        shape: fc.constantFrom('array' as const, 'object' as const),
      }),
    );
  }
  if (objects.length > 0) {
    options.push(
      fc.record({
        kind: fc.constant('extra' as const),
        path: pick(objects),
        key: extraKey,
        value: fc.jsonValue({ maxDepth: 2 }),
      }),
      fc.record({
        kind: fc.constant('proto' as const),
        path: pick(objects),
        key: fc.constantFrom(...protoKeys),
      }),
    );
  }
  if (strings.length > 0) {
    options.push(
      fc.record({
        kind: fc.constant('huge-string' as const),
        path: pick(strings),
        text: hugeText(),
      }),
      fc.record({
        kind: fc.constant('lone-surrogate' as const),
        path: pick(strings),
        text: loneSurrogateArbitrary(),
      }),
    );
  }
  return fc.oneof(...options);
}

// ---------------------------------------------------------------------------------------------
// Bad ids, If-Match headers, content types and malformed JSON

/** A path segment as sent (percent-encoded), and whether it decodes at all. */
interface IdSegment {
  readonly raw: string;
}

const badIdArbitrary: fc.Arbitrary<IdSegment> = fc.oneof(
  fc
    .constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'null',
      'undefined',
      'NaN',
      '-1',
      '1e309',
      '*',
      '%',
      '%zz',
      '%00',
      '%ED%A0%80',
      '%C0%AF',
      '%FF%FE',
      '..%2F..%2Fetc%2Fpasswd',
      '%2e%2e',
      '%252e%252e',
      '%20',
      '%0A',
      'a%2Fb',
      '%3Cscript%3E',
      'apikey-%30123456789abcdef',
    )
    .map((raw) => ({ raw })),
  fc.string({ minLength: 1, maxLength: 80 }).map((text) => ({ raw: encodeURIComponent(text) })),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
    .map((text) => ({ raw: encodeURIComponent(text) })),
  fc.integer({ min: 65, max: 3_000 }).map((length) => ({ raw: 'a'.repeat(length) })),
  hostileTextArbitrary()
    .filter((text) => text !== '' && !/\p{Cs}/u.test(text))
    .map((text) => ({ raw: encodeURIComponent(text) })),
);

function decodes(raw: string): boolean {
  try {
    decodeURIComponent(raw);
    return true;
  } catch {
    return false;
  }
}

const headerSafe = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 80,
});
const base64url = fc.string({
  unit: fc.constantFrom(
    ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'.split(''),
  ),
  minLength: 1,
  maxLength: 200,
});

/** If-Match values that are malformed, stale, or absent (undefined). */
function badIfMatchArbitrary(current: string): fc.Arbitrary<string | undefined> {
  const inner = current.replace(/^"|"$/gu, '');
  return fc.oneof(
    fc.constantFrom(
      undefined,
      '',
      '*',
      '""',
      '"',
      'W/',
      'W/""',
      'null',
      '0',
      '"a", "b"',
      `${current}, ${current}`,
      inner,
      `"${inner}`,
      `'${inner}'`,
      `""${inner}""`,
      `"${inner}="`,
      `"${inner} "`,
      `"${'A'.repeat(513)}"`,
      `"${'A'.repeat(4_000)}"`,
      `"${inner}x"`,
      `W/"${inner}x"`,
    ),
    headerSafe,
    base64url.map((tag) => `"${tag}"`),
    base64url.map((tag) => `W/"${tag}"`),
    // Tags as the app writes them, for versions that are not the current one: 412.
    fc.string({ minLength: 1, maxLength: 60 }).map((storeEtag) => toHttpEtag(storeEtag)),
  );
}

interface BodyInType {
  readonly contentType: string | null;
  readonly body: string | Uint8Array | FormData;
}

function inOtherType(valid: unknown, kind: string): BodyInType {
  const json = JSON.stringify(valid);
  const flat = Object.entries(valid as Record<string, unknown>).map(
    ([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)] as const,
  );
  switch (kind) {
    case 'text/plain':
      return { contentType: 'text/plain', body: json };
    case 'form': {
      return {
        contentType: 'application/x-www-form-urlencoded',
        body: new URLSearchParams(Object.fromEntries(flat)).toString(),
      };
    }
    case 'multipart': {
      const form = new FormData();
      for (const [key, value] of flat) form.append(key, value);
      return { contentType: null, body: form };
    }
    case 'xml':
      return {
        contentType: 'application/xml',
        body: `<?xml version="1.0"?><request>${flat.map(([key, value]) => `<${key}>${value}</${key}>`).join('')}</request>`,
      };
    case 'none':
      return { contentType: null, body: new TextEncoder().encode(json) };
    case 'latin1':
      return { contentType: 'application/json; charset=latin1', body: json };
    case 'utf-16':
      // UTF-8 bytes read as UTF-16 are not JSON any more.
      return { contentType: 'application/json; charset=utf-16', body: json };
    case 'json-lookalike':
      return { contentType: 'application/merge-patch+json', body: json };
    case 'text/json':
      return { contentType: 'text/json', body: json };
    case 'csv':
      return { contentType: 'text/csv', body: json };
    default:
      return { contentType: 'application/octet-stream', body: json };
  }
}

const otherTypes = [
  'text/plain',
  'form',
  'multipart',
  'xml',
  'none',
  'latin1',
  'utf-16',
  'json-lookalike',
  'text/json',
  'csv',
  'octet',
] as const;

const classicMalformed = [
  "{'title': 'single quotes'}",
  '{title: "unquoted key"}',
  '{"a": 1,}',
  '[1, 2,]',
  'NaN',
  '{"a": NaN}',
  '{"a": undefined}',
  '{"a": 0x10}',
  '// comment\n{}',
  '{"a": 1}{"b": 2}',
  '{"a": "raw \u0001 control"}',
  '{"a": "\\x41"}',
  '{"a": "\\u12"}',
  '{"a":',
  '{',
  ']',
  '"just a string"',
  '42',
  'true',
  'null',
  '"\\ud800"',
  '\u00ff{"a": 1}',
  '{"a": 1e999999999999}garbage',
  '<xml/>',
  'title=form&body=encoded',
] as const;

function malformedArbitrary(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...classicMalformed),
    // Every proper prefix of a JSON object is unbalanced.
    fc.integer({ min: 1, max: Math.max(1, valid.length - 1) }).map((end) => valid.slice(0, end)),
    fc
      .tuple(
        fc.integer({ min: 0, max: valid.length }),
        fc.constantFrom('{', '}', '"', ',', ':', '[', '\\', "'", 'x'),
      )
      .map(([at, char]) => `${valid.slice(0, at)}${char}${valid.slice(at)}`),
    fc.string({ minLength: 1, maxLength: 200 }),
  );
}

function isMalformed(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    // express.json is strict: only objects and arrays are bodies.
    return typeof value !== 'object' || value === null;
  } catch {
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// The tests

const runs = { seed: propertySeed, endOnFailure: true } as const;
/** Each property's bound: a few seconds alone, more while the whole suite shares two cores. */
const propertyTimeoutMs = 60_000;

function bodyRoutes(): WriteRoute[] {
  return writeRoutes.filter((route) => route.body !== undefined);
}

function headersFor(route: WriteRoute, ifMatch?: string): Record<string, string> {
  const value = ifMatch ?? route.ifMatch?.(fixture);
  return value === undefined ? {} : { 'if-match': value };
}

describe('bad input to the REST API', () => {
  beforeAll(async () => {
    errorLog = createErrorLog();
    const config = loadConfig({ NODE_ENV: 'test', LASTMILE_DATA_DIR: '.', ...testEnv });
    bodyLimit = bytesOf(config.bodyLimit);
    bulkBodyLimit = bytesOf(config.bulkBodyLimit);
    app = await startTestApp(testEnv, {
      embeddedEndpointFor: store.embeddedEndpointFor,
      logger: errorLog.logger,
    });

    const promptId = await firstId('/prompts?status=published&limit=1');
    const taskId = await firstId('/workflows');
    const lessonId = await firstId('/lessons');
    const flagId = await firstId('/flags');
    const improvementId = await firstId('/improvements');
    if (
      promptId === undefined ||
      taskId === undefined ||
      lessonId === undefined ||
      flagId === undefined ||
      improvementId === undefined
    ) {
      throw new Error('The demo store lacks a prompt, task, lesson, flag or improvement');
    }
    const deliveries = await send({ method: 'GET', path: '/deliveries?state=sent', as: admin });
    const delivery = (deliveries.body as { items?: { id: string; etag: string }[] }).items?.[0];
    const schedule = await fetch(`${app.url}/api/curriculum/schedule`, {
      headers: { 'x-dev-tenant': 'demo', 'x-dev-user': champion },
    });
    await schedule.text();
    fixture = {
      promptId,
      promptEtag: await etagOf(`/prompts/${promptId}`),
      taskId,
      taskEtag: await etagOf(`/workflows/${taskId}`),
      lessonId,
      lessonEtag: await etagOf(`/lessons/${lessonId}`),
      flagId,
      improvementId,
      improvementEtag: await etagOf(`/improvements/${improvementId}`),
      deliveryId: delivery?.id ?? 'lesson:demo:nobody:2026-W01',
      deliveryEtag: delivery?.etag ?? '"c3RhbGU"',
      settingsEtag: await etagOf('/program/settings'),
      scheduleEtag: schedule.headers.get('etag') ?? '"c3RhbGU"',
    };
    // Anything the first requests of these people write (a first sign-in) happens before the baseline.
    for (const as of [champion, admin]) {
      await send({ method: 'GET', path: '/me', as });
      await send({ method: 'GET', path: '/me/learning', as });
    }
    readRequests = 0;
    baseline = await store.fingerprint();
    prototypes = snapshotPrototypes();
  });

  afterEach(async () => {
    expectPrototypesUnpolluted(prototypes);
    expect(errorLog.take()).toEqual([]);
    await expectStoreUnchanged();
  });

  afterAll(async () => {
    store.close();
    await app.dispose();
  });

  it('should cover every route the routers declare', () => {
    const declared = new Set<string>();
    const apiDir = path.resolve('src/api');
    for (const file of readdirSync(apiDir).filter((name) => name.endsWith('-router.ts'))) {
      if (file === 'health-router.ts') continue;
      const source = readFileSync(path.join(apiDir, file), 'utf8');
      for (const match of source.matchAll(/router\.(get|post|put|delete|patch)\(\s*'([^']+)'/gu)) {
        declared.add(`${(match[1] ?? '').toUpperCase()} ${match[2] ?? ''}`);
      }
    }
    const covered = new Set([
      ...writeRoutes.map((route) => `${route.method} ${route.route}`),
      ...readRoutes.map((route) => `GET ${route.route}`),
    ]);
    expect([...declared].filter((route) => !covered.has(route)).sort()).toEqual([]);
    expect([...covered].filter((route) => !declared.has(route)).sort()).toEqual([]);
    for (const route of bodyRoutes()) {
      expect(routeAccepts(route, route.body?.(fixture)), `${route.method} ${route.route}`).toBe(
        true,
      );
    }
  });

  it(
    'should refuse bodies with wrong types, missing, extra or prototype keys, huge or deep values and lone surrogates',
    { timeout: propertyTimeoutMs },
    async () => {
      const cases = fc
        .constantFrom(...bodyRoutes())
        .chain((route) =>
          mutationArbitrary(route.body?.(fixture)).map((mutation) => ({ route, mutation })),
        );
      await fc.assert(
        fc.asyncProperty(cases, async ({ route, mutation }) => {
          const mutated = applyMutation(route.body?.(fixture), mutation);
          // The generator stays honest: only bodies the contract refuses are sent.
          fc.pre(mutation.kind === 'lone-surrogate' || !routeAccepts(route, mutated.parsed));
          const size = Buffer.byteLength(mutated.text);
          const request: Outgoing = {
            method: route.method,
            path: pathOf(route),
            as: route.as,
            headers: headersFor(route),
            contentType: 'application/json',
            body: mutated.text,
          };
          const answer = await send(request);
          if (size > (route.bulk === true ? bulkBodyLimit : bodyLimit)) {
            expectRefusal(answer, request, [413]);
            return;
          }
          const envelopeOnly =
            route.perItem === 'events' &&
            mutation.kind !== 'lone-surrogate' &&
            usageEventBatchSchema.safeParse(mutated.parsed).success;
          if (envelopeOnly) {
            // Each event is judged on its own (DESIGN.md's contract): 202, nothing accepted.
            const context = `${describeRequest(request)}\n→ ${String(answer.status)} ${answer.text.slice(0, 500)}`;
            expect(answer.status, context).toBe(202);
            const result = answer.body as { accepted: number; rejected: { index: number }[] };
            expect(result.accepted, context).toBe(0);
            const events = (mutated.parsed as { events: unknown[] }).events;
            expect(result.rejected.map((rejection) => rejection.index).sort(), context).toEqual(
              events.map((_event, index) => index),
            );
            expect(leakIn(answer.text, request.body as string), context).toBeUndefined();
            return;
          }
          const problem = expectRefusal(answer, request, route.refusals ?? [400]);
          if (answer.status !== 400) return;
          const context = `${describeRequest(request)}\nshould name ${mutated.field || 'a field'}: ${answer.text.slice(0, 500)}`;
          if (isMalformed(mutated.text))
            expect(problem.detail, context).toBe('The body is not valid JSON');
          else if (mutated.field === '') expect(problem.errors?.length, context).toBeGreaterThan(0);
          else {
            const fields = route.eitherOf?.includes(mutated.field)
              ? route.eitherOf
              : [mutated.field];
            const named = fields.some((field) => namesField(problem, field, route.fieldAlias));
            expect(named, context).toBe(true);
          }
        }),
        { ...runs, numRuns: 280, maxSkipsPerRun: 1_000 },
      );
    },
  );

  it(
    'should refuse malformed JSON on every write route',
    { timeout: propertyTimeoutMs },
    async () => {
      const cases = fc.constantFrom(...writeRoutes).chain((route) =>
        malformedArbitrary(JSON.stringify(route.body?.(fixture) ?? { a: 1 })).map((text) => ({
          route,
          text,
        })),
      );
      await fc.assert(
        fc.asyncProperty(cases, async ({ route, text }) => {
          fc.pre(text.trim() !== '' && isMalformed(text));
          const request: Outgoing = {
            method: route.method,
            path: pathOf(route),
            as: route.as,
            headers: headersFor(route),
            contentType: 'application/json',
            body: text,
          };
          const problem = expectRefusal(await send(request), request, [400]);
          expect(problem.detail).toBe('The body is not valid JSON');
        }),
        { ...runs, numRuns: 80 },
      );
    },
  );

  it(
    'should refuse a valid body sent as another content type',
    { timeout: propertyTimeoutMs },
    async () => {
      const cases = fc.record({
        route: fc.constantFrom(...bodyRoutes()),
        kind: fc.constantFrom(...otherTypes),
      });
      await fc.assert(
        fc.asyncProperty(cases, async ({ route, kind }) => {
          const { contentType, body } = inOtherType(route.body?.(fixture), kind);
          const request: Outgoing = {
            method: route.method,
            path: pathOf(route),
            as: route.as,
            headers: headersFor(route),
            contentType,
            body,
          };
          expectRefusal(await send(request), request, [400, 415, 422]);
        }),
        { ...runs, numRuns: 70 },
      );
    },
  );

  it(
    'should refuse bad ids in the path of every route that takes one',
    { timeout: propertyTimeoutMs },
    async () => {
      const idRoutes: (WriteRoute | ReadRoute)[] = [
        ...writeRoutes.filter((route) => route.id !== undefined),
        ...readRoutes.filter((route) => route.id !== undefined),
      ];
      const known = new Set(Object.values(fixture));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...idRoutes), badIdArbitrary, async (route, id) => {
          fc.pre(
            !known.has(id.raw) && !known.has(decodes(id.raw) ? decodeURIComponent(id.raw) : ''),
          );
          const write = 'method' in route;
          const request: Outgoing = write
            ? {
                method: route.method,
                path: pathOf(route, id.raw),
                as: route.as,
                headers: headersFor(route),
                ...(route.body === undefined
                  ? {}
                  : { contentType: 'application/json', body: JSON.stringify(route.body(fixture)) }),
              }
            : {
                method: 'GET',
                path: `${pathOf(route, id.raw)}${route.route.endsWith('/diff') ? '?from=1&to=2' : ''}`,
                as: route.as,
              };
          const answer = await send(request);
          const problem = expectRefusal(answer, request, [400, 404, 412]);
          if (answer.status === 400 && decodes(id.raw)) {
            expect(namesField(problem, 'id'), `${describeRequest(request)} → ${answer.text}`).toBe(
              true,
            );
          }
        }),
        { ...runs, numRuns: 130 },
      );
    },
  );

  it(
    'should refuse a valid body under a malformed, stale or missing If-Match',
    { timeout: propertyTimeoutMs },
    async () => {
      const guarded = writeRoutes.filter((route) => route.ifMatch !== undefined);
      const cases = fc.constantFrom(...guarded).chain((route) =>
        badIfMatchArbitrary(route.ifMatch?.(fixture) ?? '""').map((ifMatch) => ({
          route,
          ifMatch,
        })),
      );
      await fc.assert(
        fc.asyncProperty(cases, async ({ route, ifMatch }) => {
          const request: Outgoing = {
            method: route.method,
            path: pathOf(route),
            as: route.as,
            headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
            ...(route.body === undefined
              ? {}
              : { contentType: 'application/json', body: JSON.stringify(route.body(fixture)) }),
          };
          const answer = await send(request);
          const problem = expectRefusal(answer, request, [400, 404, 412, 428]);
          if (answer.status === 400 || answer.status === 428) {
            expect(namesField(problem, 'If-Match'), answer.text).toBe(true);
          }
        }),
        { ...runs, numRuns: 70 },
      );
    },
  );

  it(
    'should refuse bodies over the size limits and batches over the row limits',
    { timeout: propertyTimeoutMs },
    async () => {
      const filler = (size: number): string => 'x'.repeat(size);
      for (const route of writeRoutes) {
        const limit = route.bulk === true ? bulkBodyLimit : bodyLimit;
        const request: Outgoing = {
          method: route.method,
          path: pathOf(route),
          as: route.as,
          headers: headersFor(route),
          contentType: 'application/json',
          body: JSON.stringify({
            ...(route.body?.(fixture) as object | undefined),
            pad: filler(limit),
          }),
        };
        const problem = expectRefusal(await send(request), request, [413]);
        expect(problem.detail).toBe('The body is too large');
      }
      // Beyond the ordinary limit but within the bulk one: read, then refused for its content.
      const bigCsv: Outgoing = {
        method: 'POST',
        path: '/roster/import',
        as: admin,
        contentType: 'text/csv',
        body: `${rosterHeader}\n${Array.from(
          { length: maxRosterImportRows + 1 },
          (_row, index) =>
            `p${String(index)}@demo.example,P ${String(index)},strategy-consulting,consulting`,
        ).join('\n')}\n`,
      };
      expect(Buffer.byteLength(bigCsv.body as string)).toBeGreaterThan(bodyLimit);
      expectRefusal(await send(bigCsv), bigCsv, [400, 413, 422]);

      const event = (
        writeRoutes.find((route) => route.route === '/usage-events')?.body?.(fixture) as {
          events: Record<string, unknown>[];
        }
      ).events[0];
      const tooManyEvents: Outgoing = {
        method: 'POST',
        path: '/usage-events',
        as: champion,
        contentType: 'application/json',
        body: JSON.stringify({
          events: Array.from({ length: maxUsageEventsPerBatch + 1 }, (_item, index) => ({
            ...event,
            id: `too-many-${String(index)}`,
          })),
        }),
      };
      const events = expectRefusal(await send(tooManyEvents), tooManyEvents, [400]);
      expect(namesField(events, 'events')).toBe(true);

      const tooManyPrompts: Outgoing = {
        method: 'POST',
        path: '/prompts/import',
        as: champion,
        contentType: 'application/json',
        body: JSON.stringify({ prompts: Array.from({ length: 1_001 }, () => prompt) }),
      };
      const prompts = expectRefusal(await send(tooManyPrompts), tooManyPrompts, [400]);
      expect(namesField(prompts, 'prompts')).toBe(true);
    },
  );

  it(
    'should answer bad query strings on read routes with 400 naming the parameter, never a 5xx',
    { timeout: propertyTimeoutMs },
    async () => {
      const valueArbitrary = fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(
          '',
          '0',
          '-1',
          '1.5',
          '1e3',
          'NaN',
          'Infinity',
          '999999999999',
          'true',
          'csv',
          'json',
          'xml',
          'me',
          'open',
          'dead',
        ),
        hostileTextArbitrary().filter((text) => !/\p{Cs}/u.test(text)),
        fc.integer({ min: 201, max: 5_000 }).map((length) => 'q'.repeat(length)),
      );
      // Sent as they are: percent-escapes that do not decode, or decode to no Unicode at all.
      const rawTail = fc.option(
        fc.constantFrom(
          'q=%',
          'q=%zz',
          'q=%ED%A0%80',
          'limit=%00',
          'format=%FF',
          '%=%',
          'weeks=%2',
        ),
        { nil: undefined },
      );
      const cases = fc.constantFrom(...readRoutes).chain((route) => {
        const known = [
          ...(route.query instanceof z.ZodObject ? Object.keys(route.query.shape) : []),
          ...(route.keys ?? []),
        ];
        const key = fc.oneof(
          ...(known.length > 0 ? [fc.constantFrom(...known)] : []),
          fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[x]', 'a[b]'),
          fc.string({ minLength: 1, maxLength: 12 }),
        );
        return fc
          .record({
            pairs: fc.array(fc.tuple(key, valueArbitrary), { minLength: 1, maxLength: 4 }),
            raw: rawTail,
          })
          .map(({ pairs, raw }) => ({ route, pairs, raw }));
      });
      await fc.assert(
        fc.asyncProperty(cases, async ({ route, pairs, raw }) => {
          const query = [
            ...pairs.map(
              ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
            ),
            ...(raw === undefined ? [] : [raw]),
          ].join('&');
          const target = pathOf(route);
          const request: Outgoing = {
            method: 'GET',
            path: `${target}${route.route.endsWith('/diff') ? '' : '?'}${route.route.endsWith('/diff') ? `?from=1&to=2&${query}` : query}`,
            as: route.as,
          };
          const answer = await send(request);
          const context = `${describeRequest(request)}\n→ ${String(answer.status)} ${answer.text.slice(0, 300)}`;
          expect(answer.status, context).toBeLessThan(500);
          expect(leakIn(answer.text, request.path), context).toBeUndefined();
          if (answer.status >= 400) expectRefusal(answer, request, [400, 404]);
          if (route.query === undefined || raw !== undefined) return;
          const asObject: Record<string, string | string[]> = Object.create(null) as Record<
            string,
            string | string[]
          >;
          for (const [key, value] of pairs) {
            const previous = asObject[key];
            const next =
              previous === undefined
                ? value
                : [...(Array.isArray(previous) ? previous : [previous]), value];
            Object.defineProperty(asObject, key, {
              value: next,
              enumerable: true,
              writable: true,
              configurable: true,
            });
          }
          const keys = new Set([
            ...pairs.map(([key]) => key),
            ...Object.keys((route.query as z.ZodObject).shape),
          ]);
          // A value the schema cannot judge (an opaque continuation token) may still be refused.
          if (route.query.safeParse(asObject).success && answer.status === 200) return;
          const problem = expectRefusal(answer, request, [400]);
          expect(
            problem.errors?.some((error) => keys.has(error.field.split('.')[0] ?? '')),
            context,
          ).toBe(true);
        }),
        { ...runs, numRuns: 160 },
      );
    },
  );

  it(`should have sent at least ${String(requiredWriteRequests)} bad requests to the write routes`, () => {
    expect(writeRequests).toBeGreaterThanOrEqual(requiredWriteRequests);
    expect(readRequests).toBeGreaterThan(100);
  });
});
