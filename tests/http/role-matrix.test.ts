import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiRouteKey,
  apiRouteKeys,
  callRoute,
  type DemoFixtures,
  demoActors,
  prepareDemoFixtures,
  unreadFixtures,
} from '../support/api-requests.js';
import { declaredApiRoutes } from '../support/api-routes.js';
import { type TestApp, startTestApp } from '../support/app.js';
import type { JsonResponse } from '../support/http.js';

/**
 * Every route of the API, driven as every role, against the table below of what each role may do.
 * `ok`: answered (2xx, or a status the row lists as still allowed); `deny`: 403 problem+json;
 * `hide`: 404 problem+json, for a document the role may not know exists. With no credentials, every
 * /api route is 401.
 */

type Who = 'member' | 'lead' | 'champion' | 'admin';
type Answer = 'ok' | 'deny' | 'hide';
const people: readonly Who[] = ['member', 'lead', 'champion', 'admin'];

interface Rule {
  /** `public`: served to anyone; `bot`: the Bot Framework endpoint, authenticated by botbuilder. */
  readonly roles: Readonly<Record<Who, Answer>> | 'public' | 'bot';
  /** Answers other than 2xx that mean the caller got past every role check. */
  readonly alsoOk?: readonly number[];
}

const everyone: Rule = { roles: { member: 'ok', lead: 'ok', champion: 'ok', admin: 'ok' } };

function only(...allowed: Who[]): Rule {
  return {
    roles: {
      member: allowed.includes('member') ? 'ok' : 'deny',
      lead: allowed.includes('lead') ? 'ok' : 'deny',
      champion: allowed.includes('champion') ? 'ok' : 'deny',
      admin: allowed.includes('admin') ? 'ok' : 'deny',
    },
  };
}

/**
 * What each role may do. Fixtures (tests/support/api-requests.ts): the prompts edited are owned by
 * someone else; the flags were raised by the demo member, with no reviewer named; the delivery is
 * queued, so an allowed retry is a 409 (only dead deliveries are retried).
 */
const table: Readonly<Record<ApiRouteKey, Rule>> = {
  'GET /healthz': { roles: 'public' },
  'POST /messages': { roles: 'bot' },

  'GET /me': everyone,
  'GET /program': everyone,
  'GET /program/settings': everyone,
  'PUT /program/settings': only('champion', 'admin'),
  'GET /dev/roster': everyone,
  'GET /people': only('champion', 'admin'),
  'POST /roster/import': only('admin'),

  'POST /usage-events': only('champion', 'admin'),
  'POST /usage-events/import': only('champion', 'admin'),
  'GET /integrations/copilot-report': only('admin'),
  // 503: the Graph client secret is not configured in tests.
  'POST /integrations/copilot-report/import': { ...only('admin'), alsoOk: [503] },
  'GET /api-keys': only('admin'),
  'POST /api-keys': only('admin'),
  'DELETE /api-keys/:id': only('admin'),

  'GET /scoreboard': only('champion', 'admin'),
  'GET /scoreboard/people': only('champion'),
  'POST /scoreboard/nudges': only('champion', 'admin'),
  'GET /checkpoint': only('champion', 'admin'),
  'GET /audit': only('admin'),
  'POST /data-rights/erasures': only('admin'),
  // 422: the request names another tenant as the one to delete, which is refused.
  'POST /data-rights/offboarding': { ...only('admin'), alsoOk: [422] },
  'GET /data-rights/retention': only('admin'),
  'POST /data-rights/retention-runs': only('admin'),
  'GET /vendor-pack': only('champion', 'admin'),

  'GET /prompts': everyone,
  'GET /prompts/review-queue': everyone,
  'GET /prompts/export': only('champion', 'admin'),
  'POST /prompts/import': only('champion', 'admin'),
  'POST /prompts': everyone,
  'GET /prompts/:id': everyone,
  'PUT /prompts/:id': only('champion', 'admin'),
  'POST /prompts/:id/status': only('champion', 'admin'),
  'GET /prompts/:id/versions': everyone,
  'GET /prompts/:id/diff': everyone,
  'POST /prompts/:id/ratings': everyone,
  'POST /prompts/:id/render': everyone,

  'GET /workflows': everyone,
  'POST /workflows': only('lead', 'champion', 'admin'),
  'GET /workflows/:id': everyone,
  'PUT /workflows/:id': only('lead', 'champion', 'admin'),
  'DELETE /workflows/:id': only('lead', 'champion', 'admin'),

  'GET /lessons': everyone,
  'POST /lessons': only('champion', 'admin'),
  'GET /lessons/:id': everyone,
  'PUT /lessons/:id': only('champion', 'admin'),
  'DELETE /lessons/:id': only('champion', 'admin'),
  'POST /lessons/:id/answer': everyone,
  'GET /curriculum/schedule': everyone,
  'PUT /curriculum/schedule': only('champion', 'admin'),
  'GET /me/learning': everyone,
  'PUT /me/learning': everyone,

  'GET /practice-sessions': everyone,
  'GET /pulse': everyone,
  'POST /pulse': everyone,

  'GET /deliveries': only('champion', 'admin'),
  'POST /deliveries/:id/retry': { ...only('admin'), alsoOk: [409] },

  // Flags are seen by their flagger, their reviewer and champions only; admins are none of these.
  'GET /flags': everyone,
  'POST /flags': everyone,
  'GET /flags/stats': only('champion', 'admin'),
  'GET /flags/:id': { roles: { member: 'ok', lead: 'hide', champion: 'ok', admin: 'hide' } },
  'POST /flags/:id/review': {
    roles: { member: 'deny', lead: 'hide', champion: 'ok', admin: 'hide' },
  },
  'POST /flags/:id/assign': only('champion'),
  'POST /flags/:id/resolution': {
    roles: { member: 'deny', lead: 'hide', champion: 'ok', admin: 'hide' },
  },

  'GET /improvements': everyone,
  'POST /improvements': everyone,
  'GET /improvements/:id': everyone,
  'POST /improvements/:id/status': only('champion', 'admin'),
};

const quiet = {
  LASTMILE_DELIVERY_WORKER: 'false',
  LASTMILE_RATE_LIMITS: 'off',
};

function isProblem(response: JsonResponse): boolean {
  return response.contentType.includes('application/problem+json');
}

/** What an answer means for the table, or a description of what went wrong. */
function classify(response: JsonResponse, rule: Rule): string {
  const { status } = response;
  if ((status >= 200 && status < 300) || rule.alsoOk?.includes(status) === true) return 'ok';
  if (status === 403 && isProblem(response)) return 'deny';
  if (status === 404 && isProblem(response)) return 'hide';
  if (status === 401 && isProblem(response)) return 'unauthenticated';
  return `${String(status)} ${response.contentType}: ${response.text.slice(0, 200)}`;
}

describe('the role matrix', () => {
  it('should list every route the routers declare, and no other', async () => {
    const declared = (await declaredApiRoutes()).map((route) => `${route.method} ${route.path}`);
    // The bot endpoint is served by http-app.ts itself, not by a router of src/api.
    expect([...apiRouteKeys].sort()).toEqual([...declared, 'POST /messages'].sort());
  });

  describe('without credentials (dev identity off)', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({
        ...quiet,
        LASTMILE_DEV_IDENTITY: 'false',
        AAD_APP_CLIENT_ID: '6a1b0c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
        // With an app id, the bot endpoint wants a Bot Framework token as well.
        BOT_ID: '7b2c1d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e',
        BOT_PASSWORD: 'not-used-here',
      });
    });

    afterAll(async () => {
      await app?.dispose();
    });

    it('should answer 401 on every /api route and serve only /healthz', async () => {
      const fixtures = unreadFixtures();
      const actual: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const route of apiRouteKeys) {
        const rule = table[route];
        const response = await callRoute(app.url, route, fixtures, {});
        if (rule.roles === 'bot') {
          actual[route] = String(response.status);
          expected[route] = '401';
          continue;
        }
        actual[route] = classify(response, rule);
        expected[route] = rule.roles === 'public' ? 'ok' : 'unauthenticated';
      }
      expect(actual).toEqual(expected);
    });
  });

  describe.each(people)('as the demo %s', (who) => {
    let app: TestApp;
    let fixtures: DemoFixtures;

    beforeAll(async () => {
      // A fresh copy of the demo store for each role, so one role's writes never meet another's.
      app = await startTestApp(quiet);
      fixtures = await prepareDemoFixtures(app.url);
    });

    afterAll(async () => {
      await app?.dispose();
    });

    it('should be allowed, refused or kept from seeing each route as the table says', async () => {
      const actual: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const route of apiRouteKeys) {
        const rule = table[route];
        // Roles do not apply to the bot endpoint: botbuilder authenticates the channel.
        if (rule.roles === 'bot') continue;
        const response = await callRoute(app.url, route, fixtures, demoActors[who]);
        actual[route] = classify(response, rule);
        expected[route] = rule.roles === 'public' ? 'ok' : rule.roles[who];
      }
      expect(actual).toEqual(expected);
    });
  });
});
